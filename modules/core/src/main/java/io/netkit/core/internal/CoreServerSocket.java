package io.netkit.core.internal;

import io.netkit.core.NetOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * The listening socket the bridge hands to engines that accept connections from the server (FTP
 * active mode): accepting waits at most the read timeout unless the engine sets its own, and each
 * accepted connection is a {@link CoreSocket}, so its writes are bounded, the deadline applies
 * and it is traced like any connection the engine opens itself.
 */
public final class CoreServerSocket extends ServerSocket {
  private final NetOptions options;
  private final String protocol;

  /** An unbound server socket; bind it before accepting. */
  public CoreServerSocket(NetOptions options, String protocol) throws IOException {
    this.options = options;
    this.protocol = protocol;
    super.setSoTimeout(Timeouts.millis(options.readTimeout()));
  }

  @Override
  public Socket accept() throws IOException {
    if (isClosed()) {
      throw new SocketException("Socket is closed");
    }
    if (!isBound()) {
      throw new SocketException("Socket is not bound yet");
    }
    CoreSocket socket = new CoreSocket(options, protocol, null);
    implAccept(socket);
    socket.attach("accepted from " + socket.getRemoteSocketAddress());
    return socket;
  }

  @Override
  public synchronized void setSoTimeout(int timeout) throws SocketException {
    super.setSoTimeout(timeout > 0 ? timeout : Timeouts.millis(options.readTimeout()));
  }
}
