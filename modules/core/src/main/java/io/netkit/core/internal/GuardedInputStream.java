package io.netkit.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads through a {@link SocketGuard}. For netkit's own connections every failure comes out
 * typed; for sockets handed to engines only an expiry (deadline, write timeout) is translated,
 * since engines may rely on the JDK's exception types for the rest.
 */
public final class GuardedInputStream extends FilterInputStream {
  private final SocketGuard guard;
  private final boolean translateAll;

  /** Translates every failure. */
  public GuardedInputStream(InputStream in, SocketGuard guard) {
    this(in, guard, true);
  }

  private GuardedInputStream(InputStream in, SocketGuard guard, boolean translateAll) {
    super(in);
    this.guard = guard;
    this.translateAll = translateAll;
  }

  /** Translates only failures caused by the guard closing the socket on expiry. */
  public static GuardedInputStream expiryOnly(InputStream in, SocketGuard guard) {
    return new GuardedInputStream(in, guard, false);
  }

  private IOException translate(IOException e) {
    return translateAll ? guard.translate(e, "reading") : guard.translateIfExpired(e, "reading");
  }

  @Override
  public int read() throws IOException {
    try {
      return in.read();
    } catch (IOException e) {
      throw translate(e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      return in.read(buffer, offset, length);
    } catch (IOException e) {
      throw translate(e);
    }
  }
}
