package io.netkit.telnet.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Function;
import javax.net.SocketFactory;

/** Makes {@link GuardedSocket}s over the core's sockets. Thread-safe. */
final class GuardedSocketFactory extends SocketFactory {
  private final SocketFactory core;
  private final Function<InputStream, InputStream> guard;

  GuardedSocketFactory(SocketFactory core, Function<InputStream, InputStream> guard) {
    this.core = core;
    this.guard = guard;
  }

  @Override
  public Socket createSocket() throws IOException {
    return new GuardedSocket(core.createSocket(), guard);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
  }

  private Socket connected(InetSocketAddress remote, InetSocketAddress... local)
      throws IOException {
    Socket socket = createSocket();
    try {
      if (local.length > 0) {
        socket.bind(local[0]);
      }
      socket.connect(remote);
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }
}
