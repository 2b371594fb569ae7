package io.netkit.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads through a {@link SocketGuard}, so every failure comes out typed. */
public final class GuardedInputStream extends FilterInputStream {
  private final SocketGuard guard;

  public GuardedInputStream(InputStream in, SocketGuard guard) {
    super(in);
    this.guard = guard;
  }

  @Override
  public int read() throws IOException {
    try {
      return in.read();
    } catch (IOException e) {
      throw guard.translate(e, "reading");
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      return in.read(buffer, offset, length);
    } catch (IOException e) {
      throw guard.translate(e, "reading");
    }
  }
}
