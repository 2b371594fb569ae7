package io.netkit.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The read buffer under an engine on a raw (unframed) connection: small reads (OkHttp's Okio
 * reads 8 KiB at a time) are served from one buffer filled by large reads of the stream below,
 * so a bulk transfer costs one underlying read per {@value #SIZE} bytes, not per 8 KiB.
 *
 * <p>Each fill is one read of the stream below, asking for up to the whole buffer: it returns as
 * soon as the peer has sent anything, so reading ahead never waits for more than the caller
 * would have waited for, and the timeouts, deadline and guard of the stream below apply to every
 * underlying read. A read at least as large as the buffer, with nothing buffered, goes straight
 * to the stream below. The buffer is allocated at the first small read. {@link #available()}
 * counts what is buffered plus what the stream below says it has. One reader at a time, like a
 * socket's own stream; {@link #pending()} may be asked from another thread.
 */
final class ReadAheadInputStream extends InputStream {
  /** The buffer's size, and the smallest read that bypasses it. */
  static final int SIZE = 64 * 1024;

  private final InputStream in;
  private byte[] buffer;
  private int position;
  private volatile int limit;

  ReadAheadInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) {
      return 0;
    }
    if (position == limit) {
      if (length >= SIZE) {
        return in.read(target, offset, length);
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(length, limit - position);
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }

  /** One read of the stream below into the (empty) buffer; false at its end. */
  private boolean fill() throws IOException {
    if (buffer == null) {
      buffer = new byte[SIZE];
    }
    position = 0;
    limit = 0;
    int n = in.read(buffer, 0, SIZE);
    if (n <= 0) {
      return false; // a blocking stream returns 0 only for a 0-byte request
    }
    limit = n;
    return true;
  }

  @Override
  public long skip(long n) throws IOException {
    if (n <= 0) {
      return 0;
    }
    int buffered = limit - position;
    if (buffered > 0) {
      int skipped = (int) Math.min(n, buffered);
      position += skipped;
      return skipped;
    }
    return in.skip(n);
  }

  @Override
  public int available() throws IOException {
    return (limit - position) + in.available();
  }

  /** Bytes read from below that no caller has read yet. */
  int pending() {
    return Math.max(0, limit - position);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
