package io.netkit.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetReplyException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.testkit.smtp.ScriptedSmtpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Against scripted servers: replies GreenMail cannot give, and exactly what went over the wire. */
class SmtpScriptedTest {
  private final TestSupport.Trace trace = new TestSupport.Trace();

  private NetOptions options(TlsMode mode) {
    return NetOptions.builder()
        .tlsMode(mode)
        .trust(TestSupport.trust())
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .trace(trace)
        .build();
  }

  private static MailMessage simple(String... to) {
    return MailMessage.builder().from("a@example.org").to(to).subject("s").text("hello").build();
  }

  private static List<String> lines(ScriptedSmtpServer server) {
    return server.commands().stream().map(ScriptedSmtpServer.Command::line).toList();
  }

  @Test
  void everyRecipientIsReportedAndPartialAcceptanceIsNotSuccess() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder()
            .rcptReply(a -> a.contains("elsewhere") ? "554 5.7.1 Relay access denied" : "250 2.1.5 Ok")
            .start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.NONE))) {
      smtp.connect(server.endpoint());
      SendResult r = smtp.send(simple("bob@example.org", "eve@elsewhere.test", "carol@example.org"));
      assertTrue(r.sent());
      assertFalse(r.allAccepted());
      assertEquals(List.of("bob@example.org", "carol@example.org"), r.accepted().stream().map(RecipientResult::address).toList());
      RecipientResult eve = r.refused().get(0);
      assertEquals("eve@elsewhere.test", eve.address());
      assertEquals(554, eve.code());
      assertEquals("5.7.1 Relay access denied", eve.text());
      assertEquals(250, r.code());
      assertEquals(Optional.of("Q1"), r.queueId());
      ScriptedSmtpServer.Data data = server.takeData(Duration.ofSeconds(5));
      assertEquals(List.of("<bob@example.org>", "<carol@example.org>"), data.recipients());
    }
  }

  @Test
  void whenNoRecipientIsAcceptedNothingIsSent() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().rcptReply(a -> "550 5.1.1 no such user").start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.NONE))) {
      smtp.connect(server.endpoint());
      SendResult r = smtp.send(simple("x@example.org"));
      assertFalse(r.sent());
      assertEquals(-1, r.code());
      assertEquals("not sent: no recipient was accepted", r.finalReply());
      assertFalse(lines(server).contains("DATA"));
      assertTrue(lines(server).contains("RSET"));
      assertTrue(smtp.isConnected());
    }
  }

  @Test
  void aMessageOverTheServersSizeIsRefusedBeforeMailFrom() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().extensions("SIZE 4000").start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.NONE))) {
      smtp.connect(server.endpoint());
      assertEquals(4000, smtp.capabilities().maxSize().getAsLong());
      MailMessage big =
          MailMessage.builder().from("a@example.org").to("b@example.org").text("x")
              .attach(Attachment.of("blob.bin", "application/octet-stream", Content.ofBytes(new byte[8000])))
              .build();
      MessageTooLargeException e = assertThrows(MessageTooLargeException.class, () -> smtp.send(big));
      assertEquals(4000, e.limit());
      assertTrue(e.size() > 8000);
      assertTrue(lines(server).stream().noneMatch(l -> l.startsWith("MAIL")), lines(server).toString());
      PreparedMessage prepared =
          new PreparedMessage("a@example.org", List.of("b@example.org"), Content.ofBytes(new byte[5000]));
      assertThrows(MessageTooLargeException.class, () -> smtp.send(prepared));
      // Still usable, and a small message declares its size.
      assertTrue(smtp.send(simple("b@example.org")).allAccepted());
      assertTrue(lines(server).stream().anyMatch(l -> l.matches("MAIL FROM:<a@example.org> SIZE=\\d+")), lines(server).toString());
    }
  }

  @Test
  void preparedLineEndsAreNormalizedAndDotsStuffedSoNothingSmuggles() throws Exception {
    String raw =
        "Subject: smuggle\n\nfirst\n.\nMAIL FROM:<evil@x>\r.\rsecond\r\n.\r\n..dots\r\nlast line without end";
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.NONE))) {
      smtp.connect(server.endpoint());
      smtp.send(new PreparedMessage("a@example.org", List.of("b@example.org"), Content.ofText(raw)));
      ScriptedSmtpServer.Data data = server.takeData(Duration.ofSeconds(5));
      String wire = data.wireText();
      assertEquals(
          "Subject: smuggle\r\n\r\nfirst\r\n..\r\nMAIL FROM:<evil@x>\r\n..\r\nsecond\r\n..\r\n...dots\r\nlast line without end\r\n",
          wire);
      assertEquals(1, server.takeData(Duration.ofMillis(1)) == null ? 1 : 0, "one message only");
      assertFalse(lines(server).contains("MAIL FROM:<evil@x>"));
      // No bare CR or LF anywhere on the wire.
      assertEquals(-1, wire.replace("\r\n", "").indexOf('\r'));
      assertEquals(-1, wire.replace("\r\n", "").indexOf('\n'));
    }
  }

  @Test
  void eightBitPreparedMessagesDeclareBody8bitmimeWhereOffered() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().extensions("8BITMIME", "SIZE").start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.NONE))) {
      smtp.connect(server.endpoint());
      smtp.send(new PreparedMessage("a@example.org", List.of("b@example.org"), Content.ofText("Subject: ü\r\n\r\nü\r\n")));
      assertTrue(lines(server).contains("MAIL FROM:<a@example.org> SIZE=19 BODY=8BITMIME"), lines(server).toString());
    }
  }

  @Test
  void requiredStartTlsAgainstAServerWithoutItFailsBeforeAnythingElse() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().account("alice", "secret-pw").start()) {
      SmtpClient smtp = new SmtpClient(options(TlsMode.STARTTLS_REQUIRED));
      NetTlsException e =
          assertThrows(
              NetTlsException.class,
              () -> smtp.connect(server.endpoint().withCredentials(new Credentials("alice", "secret-pw"))));
      assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
      assertFalse(smtp.isConnected());
      assertTrue(lines(server).stream().allMatch(l -> l.startsWith("EHLO")), lines(server).toString());
    }
  }

  @Test
  void requiredStartTlsUpgradesThenLogsInUnderTls() throws Exception {
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.builder().startTls(TestSupport.serverContext()).account("alice", "secret-pw").start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.STARTTLS_REQUIRED))) {
      smtp.connect(server.endpoint().withCredentials(new Credentials("alice", "secret-pw")));
      assertTrue(smtp.isSecure());
      assertFalse(smtp.capabilities().startTls(), "the post-TLS EHLO is the one kept");
      assertTrue(smtp.send(simple("b@example.org")).allAccepted());
      for (ScriptedSmtpServer.Command c : server.commands()) {
        boolean beforeTls = c.line().startsWith("EHLO") || c.line().equals("STARTTLS");
        assertTrue(c.tls() || beforeTls, "sent in clear: " + c.line());
      }
      assertEquals(2, lines(server).stream().filter(l -> l.startsWith("EHLO")).count());
      assertEquals(1, trace.connections(), trace.all());
      assertTrue(trace.sent().contains("AUTH PLAIN ****"), trace.all());
    }
  }

  @Test
  void bytesInjectedAfterTheStartTlsGoAheadFailTheUpgradeBeforeAnyCredential() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder()
            .startTls(TestSupport.serverContext())
            .account("alice", "secret-pw")
            .injectAfterStartTlsGoAhead("250-injected.example", "250 AUTH PLAIN")
            .start()) {
      SmtpClient smtp = new SmtpClient(options(TlsMode.STARTTLS_REQUIRED));
      NetTlsException e =
          assertThrows(
              NetTlsException.class,
              () -> smtp.connect(server.endpoint().withCredentials(new Credentials("alice", "secret-pw"))));
      assertTrue(e.getMessage().contains("after its STARTTLS go-ahead"), e.getMessage());
      assertFalse(smtp.isConnected());
      assertEquals(List.of("EHLO", "STARTTLS"), lines(server).stream().map(l -> l.split(" ")[0]).toList());
    }
  }

  @Test
  void startTlsIfOfferedCarriesOnInClearWhenNotOffered() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.STARTTLS_IF_OFFERED))) {
      smtp.connect(server.endpoint());
      assertFalse(smtp.isSecure());
      assertTrue(smtp.send(simple("b@example.org")).sent());
    }
  }

  @Test
  void implicitTlsFromTheFirstByte() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().implicitTls(TestSupport.serverContext()).start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.IMPLICIT))) {
      smtp.connect(server.endpoint());
      assertTrue(smtp.isSecure());
      assertTrue(smtp.send(simple("b@example.org")).sent());
      assertTrue(trace.sent().stream().anyMatch(l -> l.startsWith("EHLO")), trace.all());
      assertTrue(server.commands().stream().allMatch(ScriptedSmtpServer.Command::tls));
    }
  }

  @Test
  void xoauth2SendsTheTokenMasked() throws Exception {
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.builder().startTls(TestSupport.serverContext()).account("alice", "ya29.token-value").start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.STARTTLS_REQUIRED), SmtpOptions.builder().oauth2().build())) {
      smtp.connect(server.endpoint().withCredentials(new Credentials("alice", "ya29.token-value")));
      assertTrue(trace.sent().contains("AUTH XOAUTH2 ****"), trace.all());
      assertFalse(trace.all().contains("ya29"), trace.all());
    }
  }

  @Test
  void credentialsWithoutAuthOfferedFailInsteadOfSendingUnauthenticated() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().start()) {
      SmtpClient smtp = new SmtpClient(options(TlsMode.NONE));
      NetAuthenticationException e =
          assertThrows(
              NetAuthenticationException.class,
              () -> smtp.connect(server.endpoint().withCredentials(new Credentials("alice", "pw"))));
      assertTrue(e.getMessage().contains("no AUTH"), e.getMessage());
      assertFalse(lines(server).stream().anyMatch(l -> l.startsWith("MAIL")));
    }
  }

  @Test
  void refusalsCarryTheReplyAndKeepTheConnection() throws Exception {
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.builder().mailReply("553 5.7.1 sender rejected").start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.NONE))) {
      smtp.connect(server.endpoint());
      NetReplyException e = assertThrows(NetReplyException.class, () -> smtp.send(simple("b@example.org")));
      assertEquals(553, e.replyCode().getAsInt());
      assertEquals("5.7.1 sender rejected", e.replyText().orElseThrow());
      assertTrue(e.getMessage().contains("MAIL FROM:<a@example.org> refused: 553"), e.getMessage());
      assertTrue(smtp.isConnected());
      assertEquals(250, smtp.noop().code());
    }
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.builder().dataReply("554 5.6.0 message content rejected").start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.NONE))) {
      smtp.connect(server.endpoint());
      NetReplyException e = assertThrows(NetReplyException.class, () -> smtp.send(simple("b@example.org")));
      assertEquals(554, e.replyCode().getAsInt());
      assertTrue(smtp.isConnected());
    }
  }

  @Test
  void aRefusingGreetingIsAReply() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().greeting("554 5.3.2 not accepting mail").start()) {
      SmtpClient smtp = new SmtpClient(options(TlsMode.NONE));
      NetReplyException e = assertThrows(NetReplyException.class, () -> smtp.connect(server.endpoint()));
      assertEquals(554, e.replyCode().getAsInt());
    }
  }

  @Test
  void aSourceThatFailsMidMessageCutsTheConnectionAndNeverEndsTheData() throws Exception {
    InputStream failing =
        new InputStream() {
          private int left = 100_000;

          @Override
          public int read() throws IOException {
            if (left-- <= 0) {
              throw new IOException("disk went away");
            }
            return 'x';
          }
        };
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.NONE))) {
      smtp.connect(server.endpoint());
      IOException e =
          assertThrows(
              IOException.class,
              () -> smtp.send(new PreparedMessage("a@example.org", List.of("b@example.org"), Content.ofStream(failing))));
      assertFalse(e instanceof NetException, e.toString());
      assertTrue(e.getMessage().contains("disk went away") && e.getMessage().contains("nothing was delivered"), e.getMessage());
      assertFalse(smtp.isConnected());
      assertNull(server.takeData(Duration.ofSeconds(2)), "the server must never see the end of the data");
      assertFalse(lines(server).contains("QUIT"));
    }
  }

  @Test
  void aServerThatStopsReadingMakesTheSendTimeOut() throws Exception {
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) 'y');
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'y';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            int n = Math.min(len, chunk.length);
            System.arraycopy(chunk, 0, b, off, n);
            return n;
          }
        };
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().stallInData(Duration.ofSeconds(60)).start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.NONE).toBuilder().readTimeout(Duration.ofSeconds(1)).build())) {
      smtp.connect(server.endpoint());
      long start = System.nanoTime();
      NetTimeoutException e =
          assertThrows(
              NetTimeoutException.class,
              () -> smtp.send(new PreparedMessage("a@example.org", List.of("b@example.org"), Content.ofStream(endless))));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);
      assertFalse(smtp.isConnected());
      assertTrue(e.getMessage().contains("write"), e.getMessage());
    }
  }

  @Test
  void aSilentServerTimesOutOnConnect() throws Exception {
    try (io.netkit.core.transport.TcpServer silent =
        io.netkit.core.transport.TcpServer.builder().handler(c -> {
          try {
            Thread.sleep(20_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }).start()) {
      SmtpClient smtp = new SmtpClient(options(TlsMode.NONE).toBuilder().readTimeout(Duration.ofMillis(500)).build());
      assertInstanceOf(NetTimeoutException.class, assertThrows(NetException.class, () -> smtp.connect(silent.endpoint())));
    }
  }

  @Test
  void badInputIsRefusedBeforeAnyConnection() {
    assertThrows(IllegalArgumentException.class, () -> MailMessage.builder().subject("hi\r\nBcc: evil@x"));
    assertThrows(IllegalArgumentException.class, () -> MailMessage.builder().from("a@example.org\r\nRCPT TO:<x@y>"));
    assertThrows(IllegalArgumentException.class, () -> MailMessage.builder().to("b@example.org\0"));
    assertThrows(IllegalArgumentException.class, () -> MailMessage.builder().header("X-A", "v\nBcc: x@y"));
    assertThrows(IllegalArgumentException.class, () -> MailMessage.builder().header("X-A\r\n", "v"));
    assertThrows(IllegalArgumentException.class, () -> MailMessage.builder().header("Bcc", "x@y"));
    assertThrows(IllegalArgumentException.class, () -> MailMessage.builder().replyTo("r@x\n"));
    assertThrows(IllegalArgumentException.class, () -> Attachment.of("a\r\n.txt", "text/plain", Content.ofText("x")));
    assertThrows(IllegalArgumentException.class, () -> Attachment.inline("id\n", "a.png", "image/png", Content.ofText("x")));
    assertThrows(IllegalArgumentException.class, () -> new PreparedMessage("a@x\r\n", List.of("b@y"), Content.ofText("x")));
    assertThrows(IllegalArgumentException.class, () -> new PreparedMessage("a@x", List.of("b@y>\0"), Content.ofText("x")));
    assertThrows(IllegalArgumentException.class, () -> MailMessage.builder().to("not an address"));
    assertThrows(IllegalStateException.class, () -> MailMessage.builder().from("a@x.org").build());
  }

  @Test
  void theNullSenderIsAllowedForPreparedMessages() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.NONE))) {
      smtp.connect(server.endpoint());
      smtp.send(new PreparedMessage("", List.of("b@example.org"), Content.ofText("Subject: bounce\r\n\r\nx\r\n")));
      assertTrue(lines(server).contains("MAIL FROM:<>"));
    }
  }

  @Test
  void dataBytesOfABuiltMessageAreSevenBitShortLines() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().start();
        SmtpClient smtp = new SmtpClient(options(TlsMode.NONE))) {
      smtp.connect(server.endpoint());
      String longLine = "ä".repeat(500);
      smtp.send(MailMessage.builder().from("a@example.org").to("b@example.org").subject("Ünïcode ".repeat(20)).text(longLine).build());
      byte[] wire = server.takeData(Duration.ofSeconds(5)).wire();
      for (byte b : wire) {
        assertTrue(b >= 0, "8-bit byte on the wire");
      }
      for (String line : new String(wire, StandardCharsets.US_ASCII).split("\r\n")) {
        assertTrue(line.length() <= 998, "line of " + line.length());
      }
    }
  }
}
