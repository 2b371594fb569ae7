package io.netkit.bench;

import io.netkit.core.ErrorContext;
import io.netkit.core.line.DotTerminatedInputStream;
import io.netkit.core.line.LineInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The dot-terminated decode path that POP3 RETR, NNTP ARTICLE and dot-framed Gopher text share
 * (core's LineInputStream under DotTerminatedInputStream), in memory with no socket:
 * {@code DotDecodeMain <MiB> <rounds>} prints the best MB/s of the rounds and, beside it, a plain
 * 64 KiB copy of the same bytes (the limit).
 */
public final class DotDecodeMain {
  private DotDecodeMain() {}

  public static void main(String[] args) throws IOException {
    int mib = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    ByteArrayOutputStream text = new ByteArrayOutputStream(mib * 1048576 + 16);
    String line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\r\n";
    String stuffed = "..a line that starts with a dot, stuffed on the wire\r\n";
    int i = 0;
    while (text.size() < mib * 1048576) {
      text.writeBytes((i++ % 50 == 0 ? stuffed : line).getBytes(StandardCharsets.US_ASCII));
    }
    text.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
    byte[] wire = text.toByteArray();
    ErrorContext context = new ErrorContext("bench", "memory");
    double bestDot = 0;
    double bestRaw = 0;
    byte[] buffer = new byte[64 * 1024];
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      DotTerminatedInputStream in = new DotTerminatedInputStream(
          new LineInputStream(new ByteArrayInputStream(wire), 8192, context));
      long n = 0;
      int k;
      while ((k = in.read(buffer, 0, buffer.length)) >= 0) {
        n += k;
      }
      if (!in.terminated()) {
        throw new IOException("not terminated after " + n);
      }
      bestDot = Math.max(bestDot, wire.length / 1e6 / ((System.nanoTime() - start) / 1e9));
      start = System.nanoTime();
      ByteArrayInputStream plain = new ByteArrayInputStream(wire);
      while (plain.read(buffer, 0, buffer.length) >= 0) {
        // the limit: a copy and nothing else
      }
      bestRaw = Math.max(bestRaw, wire.length / 1e6 / ((System.nanoTime() - start) / 1e9));
    }
    System.out.printf(Locale.ROOT, "dot-decode %.0f MB/s, plain copy %.0f MB/s%n", bestDot, bestRaw);
  }
}
