package io.netkit.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes reads through and shows every byte read to a {@link Tracer}. */
public final class TracingInputStream extends FilterInputStream {
  private final Tracer tracer;

  public TracingInputStream(InputStream in, Tracer tracer) {
    super(in);
    this.tracer = tracer;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      tracer.received(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      tracer.received(buffer, offset, n);
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    tracer.flush();
    super.close();
  }
}
