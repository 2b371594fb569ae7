package io.netkit.core.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes writes through and shows every byte written to a {@link Tracer}. */
public final class TracingOutputStream extends FilterOutputStream {
  private final Tracer tracer;

  public TracingOutputStream(OutputStream out, Tracer tracer) {
    super(out);
    this.tracer = tracer;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    tracer.sent(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    out.write(buffer, offset, length);
    tracer.sent(buffer, offset, length);
  }

  @Override
  public void close() throws IOException {
    tracer.flush();
    super.close();
  }
}
