package io.netkit.testkit.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.transport.TcpConnection;
import io.netkit.testkit.Fault;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GreenMail-backed SMTP mock, spoken to with raw SMTP over the core's TCP connection. */
class SmtpMockServerTest {
  @TempDir Path dir;

  /** Sends one message with raw commands; returns the replies' codes. */
  private static void send(MockServer server, String auth, String from, List<String> to, String data) throws IOException {
    try (TcpConnection c = TcpConnection.connect(server.endpoint(), NetOptions.defaults(), "smtp")) {
      assertEquals(220, c.readReply().code());
      c.writeLine("EHLO test.client");
      assertEquals(250, c.readReply().code());
      if (auth != null) {
        c.writeLine("AUTH PLAIN " + auth);
        assertEquals(235, c.readReply().code());
      }
      c.writeLine("MAIL FROM:<" + from + ">");
      assertEquals(250, c.readReply().code());
      for (String r : to) {
        c.writeLine("RCPT TO:<" + r + ">");
        assertEquals(250, c.readReply().code());
      }
      c.writeLine("DATA");
      assertEquals(354, c.readReply().code());
      c.output().write(data.getBytes(StandardCharsets.UTF_8));
      c.output().write(".\r\n".getBytes(StandardCharsets.US_ASCII));
      c.output().flush();
      assertEquals(250, c.readReply().code());
      c.writeLine("QUIT");
      c.readReply();
    }
  }

  @Test
  void aTestReadsBackEnvelopeAndContent() throws Exception {
    try (SmtpMockServer server = new SmtpMockServer()) {
      server.start();
      assertTrue(server.port() > 0);
      send(server, null, "a@example.org", List.of("b@example.org", "c@example.org"),
          "Subject: hello\r\nX-Folded: one\r\n two\r\n\r\n..dot-stuffed line\r\nbody\r\n");
      ReceivedMail mail = server.takeMessage(Duration.ofSeconds(10));
      assertEquals("a@example.org", mail.sender());
      assertEquals(List.of("b@example.org", "c@example.org"), mail.recipients().stream().sorted().toList());
      assertEquals("hello", mail.header("subject").orElseThrow());
      assertEquals("one two", mail.header("X-Folded").orElseThrow());
      assertTrue(mail.text().contains("\r\n.dot-stuffed line\r\n"), mail.text());
      assertNull(server.takeMessage(Duration.ofMillis(100)), "one message, reported once for two recipients");
      assertEquals(1, server.messages().size());
    }
  }

  @Test
  void anAccountIsChecked() throws Exception {
    try (SmtpMockServer server = new SmtpMockServer().account("alice", "pw")) {
      server.start();
      String good = Base64.getEncoder().encodeToString("\0alice\0pw".getBytes(StandardCharsets.UTF_8));
      send(server, good, "alice@example.org", List.of("b@example.org"), "Subject: s\r\n\r\nx\r\n");
      assertEquals(1, server.messages().size());
      try (TcpConnection c = TcpConnection.connect(server.endpoint(), NetOptions.defaults(), "smtp")) {
        c.readReply();
        c.writeLine("EHLO x");
        c.readReply();
        c.writeLine("AUTH PLAIN " + Base64.getEncoder().encodeToString("\0alice\0bad".getBytes(StandardCharsets.UTF_8)));
        assertEquals(535, c.readReply().code());
      }
    }
  }

  @Test
  void theServeProviderStoresEmlFilesAndPrintsEnvelopeAndHeaders() throws Exception {
    MockServerProvider provider =
        ServiceLoader.load(MockServerProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.protocol().name().equals("smtp"))
            .findFirst()
            .orElseThrow();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    MockServer server =
        provider.reportingTo(provider.newServer(dir, Optional.empty(), false), new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      server.start();
      assertTrue(server.url().toString().startsWith("smtp://127.0.0.1:"));
      send(server, null, "a@example.org", List.of("b@example.org"), "Subject: stored\r\n\r\nbody\r\n");
      assertTrue(((SmtpMockServer) server).takeMessage(Duration.ofSeconds(10)) != null);
      String out = printed.toString(StandardCharsets.UTF_8);
      assertTrue(out.contains("--- message 1: from <a@example.org> to <b@example.org>"), out);
      assertTrue(out.contains("Subject: stored"), out);
      assertFalse(out.contains("body"), "headers only: " + out);
      String eml = Files.readString(dir.resolve("0001.eml"));
      assertTrue(eml.contains("Subject: stored") && eml.contains("body"), eml);
    } finally {
      server.stop();
    }
  }

  @Test
  void faultsGoThroughTheProxyAndOnlyOneStart() throws Exception {
    try (SmtpMockServer server = new SmtpMockServer()) {
      assertThrows(IllegalStateException.class, server::port);
      server.start();
      assertThrows(IllegalStateException.class, server::start);
      server.fault(Fault.NONE);
      server.fault(Fault.DISCONNECT_AT_START); // through the fault proxy in front of GreenMail
      assertEquals(-1, firstByte(server));
      server.fault(Fault.GARBAGE_REPLY);
      assertEquals(0, firstByte(server));
      server.fault(Fault.NONE);
      assertEquals('2', firstByte(server));
      server.stop();
      assertFalse(server.isRunning());
      server.stop();
    }
  }

  @Test
  void theScriptedServerRecordsTheWireBytesAndTheCommands() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().extensions("SIZE 100", "8BITMIME").start();
        TcpConnection c = TcpConnection.connect(server.endpoint(), NetOptions.defaults(), "smtp")) {
      assertEquals(220, c.readReply().code());
      c.writeLine("EHLO x");
      assertEquals(List.of("scripted.test", "SIZE 100", "8BITMIME"), c.readReply().lines());
      c.writeLine("MAIL FROM:<a@b>");
      c.readReply();
      c.writeLine("RCPT TO:<c@d>");
      c.readReply();
      c.writeLine("DATA");
      assertEquals(354, c.readReply().code());
      c.output().write("..x\r\ny\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
      c.output().flush();
      assertEquals("2.0.0 Ok: queued as Q1", c.readReply().text());
      ScriptedSmtpServer.Data data = server.takeData(Duration.ofSeconds(5));
      assertEquals("..x\r\ny\r\n", data.wireText());
      assertEquals(List.of("<c@d>"), data.recipients());
      assertEquals("MAIL FROM:<a@b>", server.commands().get(1).line());
    }
  }

  /** The first byte a fresh connection reads (-1 at once for a closed one), within 5 s. */
  private static int firstByte(io.netkit.testkit.MockServer server) throws java.io.IOException {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5_000);
      return s.getInputStream().read();
    }
  }
}
