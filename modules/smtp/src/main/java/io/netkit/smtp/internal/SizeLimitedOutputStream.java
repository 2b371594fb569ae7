package io.netkit.smtp.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes a message into DATA while counting it, and refuses (with {@link OverLimit}, before
 * passing them on) the bytes that would take it past the server's SIZE limit: a message whose
 * size was not known before MAIL FROM (a stream) is then cut, never ended with its dot line.
 * Not thread-safe.
 */
final class SizeLimitedOutputStream extends FilterOutputStream {
  /** The message went past the limit; nothing beyond the limit was passed on. */
  static final class OverLimit extends IOException {
    private static final long serialVersionUID = 1L;
    private final long written;

    OverLimit(long written, long limit) {
      super("the message went past the server's SIZE limit of " + limit + " bytes");
      this.written = written;
    }

    /** The bytes the message had reached (at least limit + 1). */
    long written() {
      return written;
    }
  }

  private final long limit;
  private long count;

  SizeLimitedOutputStream(OutputStream out, long limit) {
    super(out);
    this.limit = limit;
  }

  @Override
  public void write(int b) throws IOException {
    check(1);
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    check(len);
    out.write(b, off, len);
  }

  private void check(int len) throws OverLimit {
    if (count + len > limit) {
      throw new OverLimit(count + len, limit);
    }
    count += len;
  }
}
