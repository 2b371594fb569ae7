package io.netkit.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.core.trace.TraceEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Answers a real server would rarely give: response codes, broken, hostile and slow ones. */
class Pop3AnswersTest {
  static final Credentials ALICE = new Credentials("alice", "secret");
  private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();

  private NetOptions options(Duration read) {
    return NetOptions.builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(read).trace(trace::add).build();
  }

  private Pop3Client connect(FakePop3 fake) throws IOException {
    Pop3Client pop3 = new Pop3Client(options(Duration.ofSeconds(5)));
    pop3.connect(fake.endpoint().withCredentials(ALICE));
    return pop3;
  }

  @Test
  void messageCutShortIsTruncatedNeverAWholeMessage() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          c.expect("RETR 1");
          c.send("+OK 100 octets", "Subject: x", "", "half of the bo");
        })) {
      Pop3Client pop3 = connect(fake);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      NetTruncatedException e = assertThrows(NetTruncatedException.class, () -> pop3.retrieve(1, out));
      assertTrue(e.getMessage().contains("'.'"), e.getMessage());
      assertEquals(100, e.expected());
      assertFalse(pop3.isConnected(), "a broken answer ends the session");
      pop3.close();
    }
  }

  @Test
  void listingWithoutItsDotLineIsTruncated() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          c.expect("LIST");
          c.send("+OK", "1 100", "2 200");
        })) {
      Pop3Client pop3 = connect(fake);
      assertThrows(NetTruncatedException.class, pop3::list);
    }
  }

  @Test
  void stuffedDotsAreUnstuffed() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          c.expect("RETR 1");
          c.send("+OK", "Subject: dots", "", "..one dot", "...two dots", "..", "end", ".");
          c.okUntilQuit();
        })) {
      try (Pop3Client pop3 = connect(fake)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pop3.retrieve(1, out);
        assertEquals("Subject: dots\r\n\r\n.one dot\r\n..two dots\r\n.\r\nend\r\n", out.toString(StandardCharsets.UTF_8));
        pop3.noop(); // the session is still in step
      }
    }
  }

  @Test
  void responseCodesAreDistinctErrors() throws IOException {
    assertInstanceOf(Pop3MailboxInUseException.class, loginFailure("-ERR [IN-USE] mailbox locked"));
    assertInstanceOf(Pop3LoginDelayException.class, loginFailure("-ERR [LOGIN-DELAY] wait 10 minutes"));
    NetAuthenticationException auth =
        assertInstanceOf(NetAuthenticationException.class, loginFailure("-ERR [AUTH] bad password"));
    assertTrue(auth.getMessage().contains("[AUTH] bad password"), auth.getMessage());
    assertInstanceOf(NetAuthenticationException.class, loginFailure("-ERR no"));
    Pop3ErrorException temp = assertInstanceOf(Pop3ErrorException.class, loginFailure("-ERR [SYS/TEMP] disk full"));
    assertEquals(Pop3ResponseCode.SYS_TEMP, temp.responseCode());
    assertTrue(temp.isTransient());
    assertEquals("disk full", temp.replyText().orElseThrow());
  }

  private IOException loginFailure(String answer) throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK hello");
          c.expect("CAPA");
          c.send("+OK", "USER", "RESP-CODES", "AUTH-RESP-CODE", ".");
          c.expect("USER");
          c.send("+OK");
          c.expect("PASS");
          c.send(answer);
        })) {
      Pop3Client pop3 = new Pop3Client(options(Duration.ofSeconds(5)));
      IOException e = assertThrows(IOException.class, () -> pop3.connect(fake.endpoint().withCredentials(ALICE)));
      assertFalse(e.getMessage().contains("secret"), e.getMessage());
      return e;
    }
  }

  @Test
  void errorWithACodeOnRetrieveIsNotNotFound() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          c.expect("RETR 1");
          c.send("-ERR [SYS/PERM] message unreadable");
          c.okUntilQuit();
        })) {
      try (Pop3Client pop3 = connect(fake)) {
        Pop3ErrorException e =
            assertThrows(Pop3ErrorException.class, () -> pop3.retrieve(1, new ByteArrayOutputStream()));
        assertEquals(Pop3ResponseCode.SYS_PERM, e.responseCode());
        assertTrue(e.getMessage().contains("RETR 1 refused: -ERR [SYS/PERM] message unreadable"), e.getMessage());
        assertTrue(pop3.isConnected());
      }
    }
  }

  @Test
  void malformedStatusLineIsAProtocolError() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> c.send("220 this is SMTP, not POP3"))) {
      Pop3Client pop3 = new Pop3Client(options(Duration.ofSeconds(5)));
      NetProtocolException e = assertThrows(NetProtocolException.class, () -> pop3.connect(fake.endpoint()));
      assertTrue(e.getMessage().contains("malformed status line"), e.getMessage());
    }
  }

  @Test
  void malformedListingLineIsAProtocolError() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          c.expect("UIDL");
          c.send("+OK", "1 " + "x".repeat(71), ".");
        })) {
      Pop3Client pop3 = connect(fake);
      assertThrows(NetProtocolException.class, pop3::uidl);
    }
  }

  @Test
  void listingLongerThanTheLimitIsRefused() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          c.expect("LIST");
          c.send("+OK");
          for (int i = 1; i <= 50; i++) {
            c.send(i + " 10");
          }
          c.send(".");
        })) {
      Pop3Client pop3 = new Pop3Client(options(Duration.ofSeconds(5)), Pop3Options.builder().maxListingEntries(20).build());
      pop3.connect(fake.endpoint().withCredentials(ALICE));
      NetProtocolException e = assertThrows(NetProtocolException.class, pop3::list);
      assertTrue(e.getMessage().contains("longer than 20"), e.getMessage());
    }
  }

  @Test
  void overlongStatusLineIsAProtocolError() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> c.send("+OK " + "x".repeat(200_000)))) {
      Pop3Client pop3 = new Pop3Client(options(Duration.ofSeconds(5)));
      assertThrows(NetProtocolException.class, () -> pop3.connect(fake.endpoint()));
    }
  }

  @Test
  void silentServerTimesOutWithinBounds() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          c.expect("STAT");
          c.read(); // and never answer
        })) {
      Pop3Client pop3 = new Pop3Client(options(Duration.ofMillis(500)));
      pop3.connect(fake.endpoint().withCredentials(ALICE));
      long start = System.nanoTime();
      assertThrows(NetTimeoutException.class, pop3::stat);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis >= 400 && millis < 5000, "took " + millis + " ms");
      assertFalse(pop3.isConnected());
    }
  }

  @Test
  void closeOfASilentServerIsBounded() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          while (c.read() != null) {
            // swallow QUIT and never answer
          }
        })) {
      Pop3Client pop3 = new Pop3Client(options(Duration.ofMillis(500)));
      pop3.connect(fake.endpoint().withCredentials(ALICE));
      long start = System.nanoTime();
      pop3.close();
      assertTrue((System.nanoTime() - start) / 1_000_000 < 5000);
      assertFalse(pop3.isConnected());
    }
  }

  @Test
  void sinkFailureEndsTheSessionAndIsReported() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          c.expect("RETR 1");
          c.send("+OK", "Subject: x", "", "body", ".");
          c.okUntilQuit();
        })) {
      Pop3Client pop3 = connect(fake);
      OutputStream broken = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          throw new IOException("disk full");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          throw new IOException("disk full");
        }
      };
      IOException e = assertThrows(IOException.class, () -> pop3.retrieve(1, broken));
      assertEquals("disk full", e.getMessage());
      assertFalse(pop3.isConnected());
    }
  }

  @Test
  void apopIsUsedWhenAllowedAndOffered() throws IOException {
    // RFC 1939's own example: timestamp and password give this digest.
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>");
          c.expect("CAPA");
          c.send("-ERR what?");
          String apop = c.expect("APOP ");
          c.send(apop.equals("APOP mrose c4c9334bac560ecc979e58001b3e22fb") ? "+OK" : "-ERR [AUTH] wrong digest");
          c.okUntilQuit();
        })) {
      Pop3Client pop3 = new Pop3Client(options(Duration.ofSeconds(5)), Pop3Options.builder().allowApop(true).build());
      pop3.connect(fake.endpoint().withCredentials(new Credentials("mrose", "tanstaaf")));
      pop3.close();
      assertTrue(trace.stream().anyMatch(e -> e.text().equals("APOP mrose ****")), trace.toString());
      assertTrue(trace.stream().noneMatch(e -> e.text().contains("c4c9334b")));
    }
  }

  @Test
  void apopIsNotUsedUnlessAllowed() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK ready <1.2@host>");
          c.expect("CAPA");
          c.send("+OK", "USER", ".");
          c.expect("USER mrose");
          c.send("+OK");
          c.expect("PASS");
          c.send("+OK");
          c.okUntilQuit();
        })) {
      try (Pop3Client pop3 = new Pop3Client(options(Duration.ofSeconds(5)))) {
        pop3.connect(fake.endpoint().withCredentials(new Credentials("mrose", "tanstaaf")));
      }
      assertTrue(fake.received.stream().noneMatch(l -> l.startsWith("APOP")));
    }
  }

  @Test
  void apopDemandedWithoutATimestampIsRefusedBeforeSending() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK ready");
          c.expect("CAPA");
          c.send("+OK", "USER", ".");
          c.okUntilQuit();
        })) {
      Pop3Client pop3 = new Pop3Client(options(Duration.ofSeconds(5)), Pop3Options.builder().login(Pop3Login.APOP).build());
      NetAuthenticationException e = assertThrows(NetAuthenticationException.class,
          () -> pop3.connect(fake.endpoint().withCredentials(ALICE)));
      assertTrue(e.getMessage().contains("APOP"), e.getMessage());
      assertTrue(fake.received.stream().noneMatch(l -> l.startsWith("PASS") || l.startsWith("APOP")));
    }
  }

  @Test
  void longSaslResponsesWaitForTheContinuation() throws IOException {
    String token = "t".repeat(400);
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK ready");
          c.expect("CAPA");
          c.send("+OK", "SASL PLAIN XOAUTH2", ".");
          String auth = c.read();
          if (!auth.equals("AUTH XOAUTH2")) {
            c.send("-ERR expected the mechanism alone");
            return;
          }
          c.send("+ ");
          c.read();
          c.send("+ eyJzdGF0dXMiOiI0MDEifQ==");
          String empty = c.read();
          c.send(empty.isEmpty() ? "-ERR [AUTH] invalid token" : "-ERR expected an empty line");
        })) {
      Pop3Client pop3 = new Pop3Client(options(Duration.ofSeconds(5)), Pop3Options.builder().login(Pop3Login.XOAUTH2).build());
      NetAuthenticationException e = assertThrows(NetAuthenticationException.class,
          () -> pop3.connect(fake.endpoint().withCredentials(new Credentials("alice", token))));
      assertTrue(e.getMessage().contains("invalid token"), e.getMessage());
      assertTrue(trace.stream().noneMatch(ev -> ev.text().contains("dXNlcj1hbGljZQ")), "the token line is masked");
    }
  }

  @Test
  void userNameWithCrLfIsRefusedBeforeConnecting() {
    assertThrows(UnsafeArgumentException.class, () -> new Credentials("alice\r\nDELE 1", "x"));
    assertThrows(UnsafeArgumentException.class,
        () -> Pop3Url.parse(java.net.URI.create("pop3://alice%0D%0ADELE%201@127.0.0.1/")));
  }

  @Test
  void greetingErrIsARefusal() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> c.send("-ERR [SYS/TEMP] too many connections"))) {
      Pop3Client pop3 = new Pop3Client(options(Duration.ofSeconds(5)));
      Pop3ErrorException e = assertThrows(Pop3ErrorException.class, () -> pop3.connect(fake.endpoint()));
      assertTrue(e.isTransient());
    }
  }
}
