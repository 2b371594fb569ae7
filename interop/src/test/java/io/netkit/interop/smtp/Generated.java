package io.netkit.interop.smtp;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Deterministic content of any size, made as it is read (never held in memory): text lines of 72
 * characters and an LF, none starting with a dot, after an optional prefix. The same arguments give
 * the same bytes, so parent and child JVMs agree without sharing a file.
 */
final class Generated extends InputStream {
  private final byte[] prefix;
  private final long size;
  private long position;

  /** {@code size} bytes in all, the first of them {@code prefix}. */
  Generated(String prefix, long size) {
    this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
    this.size = size;
  }

  private int at(long i) {
    if (i < prefix.length) {
      return prefix[(int) i] & 0xff;
    }
    long j = i - prefix.length;
    int column = (int) (j % 73);
    if (column == 72 || i == size - 1) {
      return '\n';
    }
    long line = j / 73;
    return 'a' + (int) ((line * 31 + column * 7) % 26);
  }

  @Override
  public int read() {
    return position >= size ? -1 : at(position++);
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (position >= size) {
      return -1;
    }
    int n = (int) Math.min(len, size - position);
    for (int k = 0; k < n; k++) {
      b[off + k] = (byte) at(position++);
    }
    return n;
  }
}
