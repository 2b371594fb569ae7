package io.netkit.core.transport;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTlsException;
import io.netkit.core.internal.Closeables;
import io.netkit.core.internal.CommandFraming;
import io.netkit.core.internal.CoreServerSocket;
import io.netkit.core.internal.CoreSocket;
import io.netkit.core.internal.CoreSslSocket;
import io.netkit.core.internal.TlsLayer;
import io.netkit.core.internal.Tracer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
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
  /**
   * What the bytes read from a socket are, which decides what the bridge guarantees about them.
   *
   * <p>On a command connection ({@link #LINES}, {@link #REPLIES}) the bridge socket reads ahead
   * into its own buffer but hands the engine at most one line per {@code read} call, and {@code
   * available()} never counts past that line, so an engine's reader never holds bytes beyond the
   * line it parses. When the engine then layers TLS over the socket ({@link
   * SSLSocketFactory#createSocket(Socket, String, int, boolean)} on {@link #tls}), any byte the
   * server sent after its go-ahead reply is still in the bridge (or the kernel), and the upgrade
   * fails with {@link io.netkit.core.NetTlsException} ("the server sent N bytes after its STARTTLS
   * go-ahead") and closes the connection, instead of letting those bytes pass for ones that came
   * through TLS. A TLS socket layered over a command connection frames its decrypted bytes the
   * same way, with counts started afresh.
   */
  public enum Framing {
    /**
     * Command and reply lines that may carry message bodies on the same connection (POP3, IMAP,
     * NNTP): one line per read, the STARTTLS check, and a line longer than {@link
     * NetOptions#maxLineLength()} fails the read with {@link io.netkit.core.NetProtocolException},
     * so an engine with no bound of its own cannot be made to buffer without end. What the server
     * may send unprompted is bounded only if {@link NetOptions#maxUnpromptedLineBytes()} is set
     * (none by default: bodies stream here). NUL bytes pass (they may be in a body).
     */
    LINES,
    /**
     * The replies of a reply-coded protocol (FTP's control connection, SMTP): everything {@link
     * #LINES} does, and also one whole reply ({@code ddd-} continuation lines up to the closing
     * {@code "ddd "} line) is bounded by {@link NetOptions#maxReplyLength()} (default 1 MiB), the
     * server may send at most {@link NetOptions#maxUnpromptedReplyBytes()} (default 16 MiB)
     * while the client sends nothing, and a NUL byte is refused; each fails the read with {@link
     * io.netkit.core.NetProtocolException}.
     */
    REPLIES,
    /** Raw data (an FTP data connection, HTTP): no framing, no bound, reads passed straight. */
    RAW
  }

  private SocketFactories() {}

  /** A plain socket factory for raw data of {@code protocol} (its name labels the trace). */
  public static SocketFactory plain(NetOptions options, String protocol) {
    return plain(options, protocol, Framing.RAW);
  }

  /** A plain socket factory for {@code protocol} whose reads are framed as given. */
  public static SocketFactory plain(NetOptions options, String protocol, Framing framing) {
    return new PlainFactory(options, protocol, framing(options, framing));
  }

  /**
   * A TLS socket factory for raw data of {@code protocol}, for implicit TLS and for STARTTLS
   * layering (which keeps the framing of the socket it layers over).
   */
  public static SSLSocketFactory tls(NetOptions options, String protocol) {
    return tls(options, protocol, Framing.RAW);
  }

  /** A TLS socket factory for {@code protocol} whose new sockets' reads are framed as given. */
  public static SSLSocketFactory tls(NetOptions options, String protocol, Framing framing) {
    return new TlsFactory(options, protocol, framing(options, framing));
  }

  /**
   * A server socket factory for connections the peer opens to us (FTP active-mode data): accepted
   * sockets get the same timeouts, deadline and trace as the ones {@link #plain} makes, and an
   * accept waits at most the read timeout unless the engine sets another.
   */
  public static ServerSocketFactory serverSockets(NetOptions options, String protocol) {
    return new ServerFactory(options, protocol);
  }

  /** The rules a framing stands for, with the options' bounds; null for raw data. */
  private static CommandFraming framing(NetOptions options, Framing framing) {
    return switch (framing) {
      case RAW -> null;
      case LINES -> new CommandFraming(options.maxLineLength(), false, 0, options.maxUnpromptedLineBytes());
      case REPLIES ->
          new CommandFraming(
              options.maxLineLength(), true, options.maxReplyLength(), options.maxUnpromptedReplyBytes());
    };
  }

  /** The trust manager matching {@link #tls} (OkHttp wants both). */
  public static X509TrustManager trustManager(NetOptions options) {
    return options.trust().trustManager();
  }

  /**
   * Connects {@code socket} (bound first to {@code local} when given), closing it when that fails:
   * the caller never sees a socket that did not connect, so nothing else could close it.
   */
  private static Socket connected(Socket socket, InetSocketAddress remote, InetSocketAddress local)
      throws IOException {
    try {
      if (local != null) {
        socket.bind(local);
      }
      socket.connect(remote);
      return socket;
    } catch (IOException | RuntimeException e) {
      Closeables.closeQuietly(socket);
      throw e;
    }
  }

  /** Layers TLS over {@code plain} for {@code factory}, closing {@code plain} when that fails. */
  private static Socket layered(TlsFactory factory, Socket plain, String host, int port)
      throws IOException {
    try {
      return factory.createSocket(plain, host, port, true);
    } catch (IOException | RuntimeException e) {
      Closeables.closeQuietly(plain);
      throw e;
    }
  }

  /**
   * The name to verify the certificate against for an address: the name it was looked up by, or
   * else its literal. Never {@link InetAddress#getHostName()}, whose reverse lookup has no
   * timeout and would verify the certificate against whatever name the address's owner chose.
   */
  static String hostOf(InetAddress address) {
    String text = address.toString(); // "name/literal", or "/literal" when there is no name
    int slash = text.indexOf('/');
    return slash > 0 ? text.substring(0, slash) : address.getHostAddress();
  }


  private static final class PlainFactory extends SocketFactory {
    private final NetOptions options;
    private final String protocol;
    private final CommandFraming framing;

    PlainFactory(NetOptions options, String protocol, CommandFraming framing) {
      this.options = options;
      this.protocol = protocol;
      this.framing = framing;
    }

    @Override
    public Socket createSocket() throws IOException {
      return new CoreSocket(options, protocol, framing);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected(createSocket(), new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return connected(
          createSocket(),
          new InetSocketAddress(host, port),
          new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected(createSocket(), new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return connected(
          createSocket(),
          new InetSocketAddress(address, port),
          new InetSocketAddress(localAddress, localPort));
    }
  }

  private static final class ServerFactory extends ServerSocketFactory {
    private final NetOptions options;
    private final String protocol;

    ServerFactory(NetOptions options, String protocol) {
      this.options = options;
      this.protocol = protocol;
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new CoreServerSocket(options, protocol);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      return bound(new InetSocketAddress(port), 50);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      return bound(new InetSocketAddress(port), backlog);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      return bound(new InetSocketAddress(address, port), backlog);
    }

    private ServerSocket bound(InetSocketAddress address, int backlog) throws IOException {
      ServerSocket socket = createServerSocket();
      try {
        socket.bind(address, backlog);
        return socket;
      } catch (IOException | RuntimeException e) {
        socket.close();
        throw e;
      }
    }
  }

  private static final class TlsFactory extends SSLSocketFactory {
    private final NetOptions options;
    private final String protocol;
    private final CommandFraming framing;
    private final SSLContext context;

    TlsFactory(NetOptions options, String protocol, CommandFraming framing) {
      this.options = options;
      this.protocol = protocol;
      this.framing = framing;
      this.context = options.trust().sslContext();
    }

    private PlainFactory plainFactory() {
      return new PlainFactory(options, protocol, null); // TLS records are not lines: framed inside
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return context.getSocketFactory().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return context.getSocketFactory().getSupportedCipherSuites();
    }

    /**
     * Layers TLS over an open socket: STARTTLS, or an engine's own plain socket. Over a command
     * connection it first refuses, closing the connection, if the server sent anything after its
     * go-ahead (see {@link Framing}); the TLS socket keeps the command connection's framing.
     */
    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose)
        throws IOException {
      CoreSocket core = plain instanceof CoreSocket c ? c : null;
      CommandFraming layered = framing;
      if (core != null && core.framing() != null) {
        refuseInjected(core);
        layered = core.framing();
      }
      Tracer tracer = core != null ? core.handOverTracer() : null;
      SSLSocket ssl =
          (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, autoClose);
      TlsLayer.configureClient(ssl, options.trust());
      return new CoreSslSocket(ssl, plain, options, protocol, tracer, layered);
    }

    private void refuseInjected(CoreSocket core) throws IOException {
      int pending = core.pendingPlaintext();
      if (pending > 0) {
        ErrorContext where = core.guard() != null ? core.guard().context() : ErrorContext.NONE;
        Closeables.closeQuietly(core);
        throw new NetTlsException(
            where,
            "the server sent " + pending + " bytes after its STARTTLS go-ahead, before the TLS"
                + " handshake; refusing to start TLS over them (possible command injection)");
      }
    }

    @Override
    public Socket createSocket() throws IOException {
      SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket();
      // As for the plain sockets: request-reply traffic only loses from Nagle's algorithm.
      ssl.setTcpNoDelay(true);
      TlsLayer.configureClient(ssl, options.trust());
      return new CoreSslSocket(ssl, options, protocol, null, framing);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return layered(this, plainFactory().createSocket(host, port), host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      Socket plain = plainFactory().createSocket(host, port, localHost, localPort);
      return layered(this, plain, host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return layered(this, plainFactory().createSocket(host, port), hostOf(host), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      Socket plain = plainFactory().createSocket(address, port, localAddress, localPort);
      return layered(this, plain, hostOf(address), port);
    }
  }
}
