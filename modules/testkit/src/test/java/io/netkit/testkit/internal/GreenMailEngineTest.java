package io.netkit.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.testkit.MockServer;
import io.netkit.testkit.pop3.Pop3MockServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GreenMailEngineTest {
  private static final int ROUNDS = 20;

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
