package io.netkit.testkit.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.transport.TcpConnection;
import io.netkit.testkit.Fault;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GreenMail-backed POP3 mock, spoken to with raw POP3 lines over the core. */
class Pop3MockServerTest {
  /** Logs in with USER/PASS and returns the STAT answer's text. */
  private static String stat(MockServer server, Credentials who) throws IOException {
    try (TcpConnection c = TcpConnection.connect(server.endpoint(), NetOptions.defaults(), "pop3")) {
      assertTrue(c.readLine().startsWith("+OK"));
      c.writeLine("USER " + who.user());
      assertTrue(c.readLine().startsWith("+OK"));
      c.writeLine("PASS " + who.password());
      String pass = c.readLine();
      if (!pass.startsWith("+OK")) {
        return pass;
      }
      c.writeLine("STAT");
      String stat = c.readLine();
      c.writeLine("QUIT");
      c.readLine();
      return stat;
    }
  }

  @Test
  void seededMessagesAreServedOnADynamicPort() throws IOException {
    try (Pop3MockServer server = new Pop3MockServer("alice", "secret")
        .message("Subject: one\r\n\r\nbody\r\n")) {
      server.message("Subject: two\r\n\r\nbody\r\n"); // before start: delivered at start
      server.start();
      assertTrue(server.port() > 0);
      assertEquals("pop3://127.0.0.1:" + server.port() + "/", server.url().toString());
      server.message("Subject: three\r\n\r\nbody\r\n"); // after start: delivered at once
      assertTrue(stat(server, server.account()).startsWith("+OK 3 "));
      assertEquals(3, server.messageCount());
      assertTrue(stat(server, new Credentials("alice", "wrong")).startsWith("-ERR"));
    }
  }

  @Test
  void emlFilesAreTheMailboxInNameOrder(@TempDir Path root) throws IOException {
    Files.writeString(root.resolve("b.eml"), "Subject: b\r\n\r\nB\r\n", StandardCharsets.UTF_8);
    Files.writeString(root.resolve("a.eml"), "Subject: a\r\n\r\nA\r\n", StandardCharsets.UTF_8);
    Files.writeString(root.resolve("notes.txt"), "not mail", StandardCharsets.UTF_8);
    MockServerProvider provider = ServiceLoader.load(MockServerProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.protocol().name().equals("pop3"))
        .findFirst()
        .orElseThrow();
    try (MockServer server = provider.newServer(root, Optional.empty())) {
      server.start();
      assertTrue(stat(server, new Credentials(Pop3MockServerProvider.DEFAULT_USER,
          Pop3MockServerProvider.DEFAULT_PASSWORD)).startsWith("+OK 2 "));
      try (TcpConnection c = TcpConnection.connect(server.endpoint(), NetOptions.defaults(), "pop3")) {
        c.readLine();
        c.writeLine("USER netkit");
        c.readLine();
        c.writeLine("PASS netkit");
        c.readLine();
        c.writeLine("TOP 1 0");
        assertTrue(c.readLine().startsWith("+OK"));
        assertEquals("Subject: a", c.readLine());
      }
    }
  }

  @Test
  void mailSentToTheSmtpListenerLandsInTheMailbox() throws IOException {
    try (Pop3MockServer server = new Pop3MockServer("alice", "secret")) {
      server.start();
      io.netkit.core.Endpoint smtp = io.netkit.core.Endpoint.of(server.host(), server.smtpPort());
      try (TcpConnection c = TcpConnection.connect(smtp, NetOptions.defaults(), "smtp")) {
        assertEquals(220, c.readReply().code());
        for (String line : new String[] {"HELO test", "MAIL FROM:<x@example.com>",
            "RCPT TO:<" + server.address() + ">"}) {
          c.writeLine(line);
          assertEquals(250, c.readReply().code(), line);
        }
        c.writeLine("DATA");
        assertEquals(354, c.readReply().code());
        c.writeLine("Subject: via smtp");
        c.writeLine("");
        c.writeLine("hello");
        c.writeLine(".");
        assertEquals(250, c.readReply().code());
      }
      assertEquals(1, server.messageCount());
      assertTrue(stat(server, server.account()).startsWith("+OK 1 "));
    }
  }

  @Test
  void faultsGoThroughTheProxyAndStartTwiceIsMisuse() throws IOException {
    try (Pop3MockServer server = new Pop3MockServer("u", "p")) {
      server.fault(Fault.NONE);
      assertThrows(IllegalStateException.class, server::port);
      server.start();
      server.fault(Fault.DISCONNECT_AT_START); // through the fault proxy in front of GreenMail
      assertEquals(-1, firstByte(server));
      server.fault(Fault.GARBAGE_REPLY);
      assertEquals(0, firstByte(server));
      server.fault(Fault.NONE);
      assertEquals('+', firstByte(server));
      assertThrows(IllegalStateException.class, server::start);
      server.stop();
      server.stop();
      assertTrue(!server.isRunning());
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
