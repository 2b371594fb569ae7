package io.netkit.core.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes through a {@link SocketGuard}: each write is bounded by the I/O timeout (a peer that
 * stops reading cannot block us forever) and every failure comes out typed.
 */
public final class GuardedOutputStream extends FilterOutputStream {
  private final SocketGuard guard;

  public GuardedOutputStream(OutputStream out, SocketGuard guard) {
    super(out);
    this.guard = guard;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    try (SocketGuard.WriteTimer timer = guard.startWrite()) {
      out.write(buffer, offset, length);
    } catch (IOException e) {
      throw guard.translate(e, "writing");
    }
  }

  @Override
  public void flush() throws IOException {
    try (SocketGuard.WriteTimer timer = guard.startWrite()) {
      out.flush();
    } catch (IOException e) {
      throw guard.translate(e, "writing");
    }
  }
}
