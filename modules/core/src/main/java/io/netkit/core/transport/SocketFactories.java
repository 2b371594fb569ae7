package io.netkit.core.transport;

import io.netkit.core.NetOptions;
import io.netkit.core.internal.CoreSocket;
import io.netkit.core.internal.CoreSslSocket;
import io.netkit.core.internal.TlsLayer;
import io.netkit.core.internal.Tracer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The bridge through which the engines netkit wraps (Commons Net, Angus Mail, OkHttp) open their
 * sockets, so their bytes go through the core too: the configured connect and read timeouts
 * replace any "wait forever" the engine asks for, writes are bounded, the overall deadline
 * applies, and the wire is traced (plaintext inside TLS, masked). TLS sockets verify the
 * certificate chain against the options' trust and, unless that trust is the insecure test
 * value, the host name.
 *
 * <p>Factories are thread-safe; each socket they create belongs to one connection.
 */
public final class SocketFactories {
  private SocketFactories() {}

  /** A plain socket factory for {@code protocol} (its name labels the trace). */
  public static SocketFactory plain(NetOptions options, String protocol) {
    return new PlainFactory(options, protocol);
  }

  /** A TLS socket factory for {@code protocol}, for implicit TLS and for STARTTLS layering. */
  public static SSLSocketFactory tls(NetOptions options, String protocol) {
    return new TlsFactory(options, protocol);
  }

  /** The trust manager matching {@link #tls} (OkHttp wants both). */
  public static X509TrustManager trustManager(NetOptions options) {
    return options.trust().trustManager();
  }

  private static final class PlainFactory extends SocketFactory {
    private final NetOptions options;
    private final String protocol;

    PlainFactory(NetOptions options, String protocol) {
      this.options = options;
      this.protocol = protocol;
    }

    @Override
    public Socket createSocket() throws IOException {
      return new CoreSocket(options, protocol);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      Socket socket = createSocket();
      socket.connect(new InetSocketAddress(host, port));
      return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      Socket socket = createSocket();
      socket.bind(new InetSocketAddress(localHost, localPort));
      socket.connect(new InetSocketAddress(host, port));
      return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      Socket socket = createSocket();
      socket.connect(new InetSocketAddress(host, port));
      return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      Socket socket = createSocket();
      socket.bind(new InetSocketAddress(localAddress, localPort));
      socket.connect(new InetSocketAddress(address, port));
      return socket;
    }
  }

  private static final class TlsFactory extends SSLSocketFactory {
    private final NetOptions options;
    private final String protocol;
    private final SSLContext context;

    TlsFactory(NetOptions options, String protocol) {
      this.options = options;
      this.protocol = protocol;
      this.context = options.trust().sslContext();
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return context.getSocketFactory().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return context.getSocketFactory().getSupportedCipherSuites();
    }

    /** Layers TLS over an open socket: STARTTLS, or an engine's own plain socket. */
    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose)
        throws IOException {
      Tracer tracer = plain instanceof CoreSocket core ? core.handOverTracer() : null;
      SSLSocket ssl =
          (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, autoClose);
      TlsLayer.configureClient(ssl, options.trust());
      return new CoreSslSocket(ssl, options, protocol, tracer);
    }

    @Override
    public Socket createSocket() throws IOException {
      SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket();
      TlsLayer.configureClient(ssl, options.trust());
      return new CoreSslSocket(ssl, options, protocol, null);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return createSocket(new PlainFactory(options, protocol).createSocket(host, port), host, port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      Socket plain = new PlainFactory(options, protocol).createSocket(host, port, localHost, localPort);
      return createSocket(plain, host, port, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return createSocket(
          new PlainFactory(options, protocol).createSocket(host, port), host.getHostName(), port, true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      Socket plain = new PlainFactory(options, protocol).createSocket(address, port, localAddress, localPort);
      return createSocket(plain, address.getHostName(), port, true);
    }
  }
}
