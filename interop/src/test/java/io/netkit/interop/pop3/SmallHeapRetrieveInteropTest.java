package io.netkit.interop.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * RETR of a 100 MiB message in a child JVM with {@code -Xmx64m}, from Dovecot, into a hashing
 * sink: if the client held the message in memory the child would die of OutOfMemoryError.
 */
class SmallHeapRetrieveInteropTest {
  private static final long SIZE = 100L * 1024 * 1024;
  /** 100 bytes a line with CRLF; every 10th line starts with a dot, so unstuffing is exercised. */
  private static final int LINE = 100;

  @Test
  void retrieveOfAMessageLargerThanTheHeapStreams() throws Exception {
    MailServers mail = new MailServers();
    mail.empty();
    String expected = mail.seed(SmallHeapRetrieveInteropTest::write, SIZE);
    try {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process child =
          new ProcessBuilder(
                  List.of(
                      java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                      SmallHeapRetrieveChild.class.getName(),
                      mail.servers.require("MAIL_HOST"), mail.servers.require("POP3_PORT"),
                      mail.credentials().user(), mail.credentials().password(),
                      mail.servers.require("CA_PEM"), Long.toString(SIZE)))
              .redirectErrorStream(true)
              .start();
      assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child finished in time");
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertEquals(0, child.exitValue(), output);
      String[] last = output.lines().reduce((a, b) -> b).orElse("").split(" ");
      assertEquals(Long.toString(SIZE), last[0], output);
      assertEquals(expected, last[1], output);
      assertTrue(Long.parseLong(last[2]) < SIZE, "the heap is smaller than the message: " + last[2]);
    } finally {
      mail.empty();
    }
  }

  /** The message: a short header, then lines of exactly {@link #LINE} bytes, to SIZE in all. */
  private static void write(OutputStream out) throws IOException {
    byte[] head = ("Subject: big\r\nMessage-ID: <big@netkit.test>\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    out.write(head);
    long left = SIZE - head.length;
    byte[] plain = line('x');
    byte[] dotted = line('.');
    byte[] chunk = new byte[LINE * 10 * 64];
    for (int i = 0; i < 64 * 10; i++) {
      System.arraycopy(i % 10 == 0 ? dotted : plain, 0, chunk, i * LINE, LINE);
    }
    while (left >= chunk.length) {
      out.write(chunk);
      left -= chunk.length;
    }
    while (left >= LINE) {
      out.write(plain);
      left -= LINE;
    }
    // The remainder: a last short line of 'y's ending in CRLF (left >= 2 is arranged by SIZE).
    byte[] tail = new byte[(int) left];
    java.util.Arrays.fill(tail, (byte) 'y');
    if (left >= 2) {
      tail[tail.length - 2] = '\r';
      tail[tail.length - 1] = '\n';
    }
    out.write(tail);
  }

  private static byte[] line(char first) {
    byte[] line = new byte[LINE];
    java.util.Arrays.fill(line, (byte) 'a');
    line[0] = (byte) first;
    line[LINE - 2] = '\r';
    line[LINE - 1] = '\n';
    return line;
  }
}
