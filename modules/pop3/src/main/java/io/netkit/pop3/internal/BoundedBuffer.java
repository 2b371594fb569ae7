package io.netkit.pop3.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Collects at most {@code limit} bytes and then silently drops the rest, remembering that it did:
 * the body is still read to its end (so the session stays usable) but never held beyond the
 * limit. Not thread-safe.
 */
public final class BoundedBuffer extends OutputStream {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final long limit;
  private boolean overflowed;

  /** Keeps at most {@code limit} bytes. */
  public BoundedBuffer(long limit) {
    this.limit = limit;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (overflowed) {
      return;
    }
    if (bytes.size() + (long) len > limit) {
      overflowed = true;
      bytes.reset();
      return;
    }
    bytes.write(b, off, len);
  }

  /** True when more than the limit arrived (nothing is kept then). */
  public boolean overflowed() {
    return overflowed;
  }

  /** What was collected. */
  public InputStream toInputStream() {
    return new ByteArrayInputStream(bytes.toByteArray());
  }
}
