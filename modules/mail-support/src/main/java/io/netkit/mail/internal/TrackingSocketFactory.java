package io.netkit.mail.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * A plain {@link SocketFactory} that hands out another factory's sockets and remembers them
 * (weakly: a socket Angus has dropped is forgotten with it), so that {@link MailSession#abort()}
 * can cut a session's connections without a goodbye. Deliberately no {@link SSLSocketFactory},
 * whatever it wraps: Angus would open its own socket for one.
 *
 * <p>Thread-safe.
 */
final class TrackingSocketFactory extends SocketFactory {
  private final SocketFactory delegate;
  private final Map<Socket, Boolean> made = Collections.synchronizedMap(new WeakHashMap<>());

  TrackingSocketFactory(SocketFactory delegate) {
    this.delegate = delegate;
  }

  private Socket track(Socket socket) {
    made.put(socket, Boolean.TRUE);
    return socket;
  }

  /** Closes every socket made so far that is still open. */
  void closeAll() {
    List<Socket> open;
    synchronized (made) {
      open = new ArrayList<>(made.keySet());
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException | RuntimeException ignored) {
        // Aborting: a socket that will not close cleanly is closed as far as it goes.
      }
    }
  }

  @Override
  public Socket createSocket() throws IOException {
    return track(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return track(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return track(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return track(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return track(delegate.createSocket(address, port, localAddress, localPort));
  }

  @Override
  public String toString() {
    return "netkit core socket factory (" + delegate + ")";
  }
}
