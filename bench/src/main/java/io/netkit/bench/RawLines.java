package io.netkit.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The least a raw-socket client does with CRLF lines: the baseline the facades are held to. */
final class RawLines {
  private RawLines() {}

  /** One line without its CRLF. */
  static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder(80);
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new EOFException("connection closed mid-line");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  /** A dot-terminated block, unstuffed, into {@code out}; returns its length. */
  static long dotBody(InputStream in, OutputStream out) throws IOException {
    long n = 0;
    while (true) {
      String line = line(in);
      if (line.equals(".")) {
        return n;
      }
      byte[] bytes = (line.startsWith("..") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1);
      out.write(bytes);
      out.write('\r');
      out.write('\n');
      n += bytes.length + 2;
    }
  }
}
