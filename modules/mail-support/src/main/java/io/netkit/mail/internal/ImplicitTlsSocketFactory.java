package io.netkit.mail.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * A <em>plain</em> {@link SocketFactory} whose sockets are the core's TLS sockets, for Angus's
 * implicit-TLS providers ({@code smtps}, {@code imaps}, {@code pop3s}).
 *
 * <p>Why a plain factory: Angus's {@code SocketFetcher.createSocket} calls a factory's
 * no-argument {@code createSocket()} only when the factory is <em>not</em> an {@link
 * SSLSocketFactory}; given an SSL factory (as {@code mail.<p>.ssl.socketFactory} or as {@code
 * mail.<p>.socketFactory}) it opens a plain {@code new Socket()} itself, connects it, and only
 * layers the factory's TLS over it, so the TCP socket beneath would not be the core's. Handed a
 * plain factory, it takes the socket this factory makes (an unconnected core TLS socket), connects
 * it, sees an {@code SSLSocket} and so wraps nothing, and runs its own TLS set-up on it (enabled
 * protocols, endpoint identification, handshake). Every byte then goes through the core: the
 * connect and read timeouts, bounded writes, the deadline, the line bound and the trace.
 *
 * <p>Thread-safe; each socket belongs to one connection.
 */
final class ImplicitTlsSocketFactory extends SocketFactory {
  private final SSLSocketFactory tls;

  /** Makes its sockets with {@code tls}, one of the core's TLS factories. */
  ImplicitTlsSocketFactory(SSLSocketFactory tls) {
    this.tls = tls;
  }

  /** An unconnected core TLS socket: Angus connects it and starts the handshake. */
  @Override
  public Socket createSocket() throws IOException {
    return tls.createSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return tls.createSocket(host, port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return tls.createSocket(host, port, localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return tls.createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return tls.createSocket(address, port, localAddress, localPort);
  }

  @Override
  public String toString() {
    return "netkit core implicit-TLS socket factory";
  }
}
