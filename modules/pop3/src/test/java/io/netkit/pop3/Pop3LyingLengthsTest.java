package io.netkit.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTruncatedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Octet counts that lie (absent, negative, beyond 63 bits, or not what arrives) and multi-line
 * answers that a close cuts short: a typed error, never a NumberFormatException, never a partial
 * answer taken for the whole, and never an allocation by what the server announced.
 */
class Pop3LyingLengthsTest {
  private static final List<String> BAD_COUNTS =
      List.of("", "-1", "99999999999999999999", "9223372036854775808", "12x", "+5");

  private static Pop3Client connect(FakePop3 fake) throws IOException {
    Pop3Client pop3 = new Pop3Client(NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5)).build());
    pop3.connect(fake.endpoint().withCredentials(new Credentials("alice", "secret")));
    return pop3;
  }

  /** A protocol error exactly: not the truncation subclass, not an unchecked parse error. */
  private static void assertMalformed(Executable call) {
    NetProtocolException e = assertThrows(NetProtocolException.class, call);
    assertEquals(NetProtocolException.class, e.getClass(), e::toString);
    assertTrue(e.getMessage().contains("malformed"), e.getMessage());
  }

  @Test
  void statWithAnAbsentNegativeOrHugeCountIsAProtocolError() throws IOException {
    for (String bad : BAD_COUNTS) {
      try (FakePop3 fake = FakePop3.loggedIn(c -> {
            c.expect("STAT");
            c.send("+OK 2 " + bad);
          })) {
        Pop3Client pop3 = connect(fake);
        assertMalformed(pop3::stat);
        pop3.close();
      }
    }
  }

  @Test
  void listWithAnAbsentNegativeOrHugeCountIsAProtocolError() throws IOException {
    for (String bad : BAD_COUNTS) {
      try (FakePop3 fake = FakePop3.loggedIn(c -> {
            c.expect("LIST");
            c.send("+OK", "1 100", "2 " + bad, ".");
            c.expect("LIST 2");
            c.send("+OK 2 " + bad);
          })) {
        Pop3Client pop3 = connect(fake);
        assertMalformed(pop3::list);
        pop3.close();
      }
    }
  }

  @Test
  void listOneWithAHugeCountIsAProtocolError() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          c.expect("LIST 2");
          c.send("+OK 2 99999999999999999999");
        })) {
      Pop3Client pop3 = connect(fake);
      assertMalformed(() -> pop3.list(2));
      pop3.close();
    }
  }

  @Test
  void retrieveAnnouncingMoreOctetsThanArriveBeforeACloseIsTruncated() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          c.expect("RETR 1");
          c.send("+OK 5000 octets", "Subject: x", "", "only this");
        })) {
      Pop3Client pop3 = connect(fake);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      NetTruncatedException e =
          assertThrows(NetTruncatedException.class, () -> pop3.retrieve(1, out));
      assertEquals(5000, e.expected());
      assertEquals(out.size(), e.received());
      assertTrue(e.received() > 0 && e.received() < 5000, e::toString);
      assertFalse(pop3.isConnected(), "a cut-short body ends the session");
      pop3.close();
    }
  }

  @Test
  void aCloseInTheMiddleOfABodyLineIsTruncated() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          c.expect("RETR 1");
          c.send("+OK");
          c.raw("Subject: x\r\n\r\nno line end".getBytes(StandardCharsets.US_ASCII));
        })) {
      Pop3Client pop3 = connect(fake);
      NetTruncatedException e = assertThrows(
          NetTruncatedException.class, () -> pop3.retrieve(1, new ByteArrayOutputStream()));
      assertEquals(-1, e.expected());
      pop3.close();
    }
  }

  @Test
  void listAndUidlWithoutTheirDotLineAreTruncated() throws IOException {
    for (String command : List.of("LIST", "UIDL")) {
      try (FakePop3 fake = FakePop3.loggedIn(c -> {
            c.expect(command);
            c.send("+OK", "1 100");
          })) {
        Pop3Client pop3 = connect(fake);
        assertThrows(NetTruncatedException.class, command.equals("LIST") ? pop3::list : pop3::uidl);
        pop3.close();
      }
    }
  }

  @Test
  void capaWithoutItsDotLineIsTruncated() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK hello");
          c.expect("CAPA");
          c.send("+OK", "USER", "TOP");
        })) {
      Pop3Client pop3 = new Pop3Client(NetOptions.builder()
          .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5)).build());
      assertThrows(NetTruncatedException.class,
          () -> pop3.connect(fake.endpoint().withCredentials(new Credentials("alice", "secret"))));
      pop3.close();
    }
  }

  /** RFC 1939: the octet count is informational; the {@code .} line ends the message. */
  @Test
  void aBodyThatEndsProperlyIsTakenWhateverItsAnnouncedCount() throws IOException {
    String body = "Subject: x\r\n\r\n" + "line\r\n".repeat(20);
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          for (String announced : List.of("5000", "3", "9223372036854775807", "99999999999999999999")) {
            c.expect("RETR 1");
            c.send("+OK " + announced + " octets");
            c.raw((body + ".\r\n").getBytes(StandardCharsets.US_ASCII));
          }
          c.okUntilQuit();
        })) {
      Pop3Client pop3 = connect(fake);
      for (int i = 0; i < 4; i++) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(body.length(), pop3.retrieve(1, out));
        assertEquals(body, out.toString(StandardCharsets.US_ASCII));
        assertTrue(pop3.isConnected(), "the session goes on");
      }
      pop3.quit();
    }
  }

  @Test
  void aParsedMessageLargerThanListSaidIsStillBoundedByTheLimit() throws IOException {
    try (FakePop3 fake = FakePop3.loggedIn(c -> {
          c.expect("LIST 1");
          c.send("+OK 1 10");
          c.expect("RETR 1");
          c.send("+OK 10 octets", "Subject: x", "", "y".repeat(2000), ".");
          c.okUntilQuit();
        })) {
      Pop3Client pop3 = new Pop3Client(
          NetOptions.builder().readTimeout(Duration.ofSeconds(5)).build(),
          Pop3Options.builder().maxParsedMessageBytes(1024).build());
      pop3.connect(fake.endpoint().withCredentials(new Credentials("alice", "secret")));
      NetProtocolException e = assertThrows(NetProtocolException.class, () -> pop3.message(1));
      assertTrue(e.getMessage().contains("larger than LIST said"), e.getMessage());
      assertTrue(pop3.isConnected(), "the body was read to its end; the session goes on");
      pop3.quit();
    }
  }
}
