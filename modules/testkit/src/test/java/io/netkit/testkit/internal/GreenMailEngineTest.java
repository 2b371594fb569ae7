package io.netkit.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.ServerSetup;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.imap.ImapMockServer;
import io.netkit.testkit.pop3.Pop3MockServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GreenMailEngineTest {
  private static final int ROUNDS = 20;
  private static final int BURST = 500;

  /**
   * GreenMail flushes each line of a reply on its own: with Nagle's algorithm on its sockets, the
   * second line waits for the delayed ACK of the first, 40 ms a multi-line reply (800 ms here).
   */
  @Test
  void multiLineRepliesOfThePop3MockComeWithoutTheDelayedAckStall() throws IOException {
    try (Pop3MockServer pop3 = new Pop3MockServer("alice", "secret")) {
      assertPrompt(pop3, "CAPA\r\n", ".", "+OK");
    }
  }

  @Test
  void multiLineRepliesOfTheImapMockComeWithoutTheDelayedAckStall() throws IOException {
    try (ImapMockServer imap = new ImapMockServer("alice", "secret")) {
      assertPrompt(imap, "a CAPABILITY\r\n", "a OK", "* OK");
    }
  }

  /**
   * GreenMail alone listens with Java's default backlog of 50: past it, Linux's SYN cookies let
   * connections be established on the client's side that the server drops, which then never get
   * a greeting. With the engine's backlog every one of a burst is greeted.
   */
  @Test
  void everyServiceGreetsEveryOneOfABurstOfSimultaneousConnects() throws IOException {
    GreenMailEngine engine = GreenMailEngine.start("the test", greenMail -> {},
        ServerSetup.PROTOCOL_IMAP, ServerSetup.PROTOCOL_SMTP, ServerSetup.PROTOCOL_POP3);
    try {
      assertBurstGreeted(engine.port(ServerSetup.PROTOCOL_IMAP), "* OK");
      assertBurstGreeted(engine.port(ServerSetup.PROTOCOL_SMTP), "220 ");
      assertBurstGreeted(engine.port(ServerSetup.PROTOCOL_POP3), "+OK");
    } finally {
      engine.stop();
    }
  }

  private static void assertBurstGreeted(int port, String greeting) throws IOException {
    ConnectBurst.Outcome outcome =
        ConnectBurst.firstLines(GreenMailEngine.HOST, port, BURST, greeting, Duration.ofSeconds(20));
    assertEquals(BURST, outcome.greeted(), greeting + ": " + outcome);
  }

  private static void assertPrompt(MockServer server, String command, String last, String greeting)
      throws IOException {
    server.start();
    long millis = rounds(server, command, last, greeting);
    assertTrue(millis < 400, ROUNDS + " x " + command.strip() + " took " + millis + " ms");
  }

  /** Milliseconds for ROUNDS of {@code command}, each answer read to its line starting {@code last}. */
  private static long rounds(MockServer server, String command, String last, String greeting)
      throws IOException {
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(10_000);
      socket.setTcpNoDelay(true);
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      assertTrue(in.readLine().startsWith(greeting));
      long start = System.nanoTime();
      for (int i = 0; i < ROUNDS; i++) {
        out.write(command.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String line;
        do {
          line = in.readLine();
          assertTrue(line != null, "the server closed");
        } while (!line.startsWith(last));
      }
      return (System.nanoTime() - start) / 1_000_000;
    }
  }
}
