package io.netkit.testkit.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FtpMockServerSessionTest {
  /** MockFtpServer alone sleeps 20 ms between looks at the control connection. */
  @Test
  void answersEachCommandAsItArrivesNotAtTheNextPoll() throws IOException {
    try (FtpMockServer ftp = new FtpMockServer().user("alice", "secret", "/")) {
      ftp.start();
      try (Socket socket = new Socket(ftp.host(), ftp.port())) {
        socket.setSoTimeout(10_000);
        BufferedReader in = new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
        assertTrue(in.readLine().startsWith("220"));
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
          out.write("NOOP\r\n");
          out.flush();
          assertTrue(in.readLine().startsWith("200"));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Polling costs 30 x 10-20 ms (300 ms or more); answered at once, a few ms on loopback.
        assertTrue(millis < 250, "30 NOOPs took " + millis + " ms");
      }
    }
  }

  @Test
  void aClientThatLeavesWithoutQuitEndsItsSession() throws Exception {
    try (FtpMockServer ftp = new FtpMockServer().user("alice", "secret", "/")) {
      ftp.start();
      int before = sessionThreads();
      try (Socket socket = new Socket(ftp.host(), ftp.port())) {
        BufferedReader in = new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        assertTrue(in.readLine().startsWith("220"));
        assertEquals(before + 1, sessionThreads());
      }
      long until = System.nanoTime() + 5_000_000_000L;
      while (sessionThreads() > before && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertEquals(before, sessionThreads(), "the session's thread still runs");
    }
  }

  /** MockFtpServer runs each session on a thread of its own, named Thread-N. */
  private static int sessionThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> java.util.Arrays.stream(t.getStackTrace())
            .anyMatch(f -> f.getClassName().equals("org.mockftpserver.core.session.DefaultSession")))
        .count();
  }
}
