package io.netkit.core.transport;

import io.netkit.core.internal.Closeables;
import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.internal.GuardedInputStream;
import io.netkit.core.internal.GuardedOutputStream;
import io.netkit.core.internal.SocketGuard;
import io.netkit.core.internal.Timeouts;
import io.netkit.core.internal.TlsLayer;
import io.netkit.core.internal.Tracer;
import io.netkit.core.internal.TracingInputStream;
import io.netkit.core.internal.TracingOutputStream;
import io.netkit.core.internal.Watchdog;
import io.netkit.core.line.LineInputStream;
import io.netkit.core.line.LineWriter;
import io.netkit.core.line.Reply;
import io.netkit.core.trace.TraceSink;
import io.netkit.core.trace.TraceTap;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * One TCP connection, client or server side: bounded reads (the read timeout), bounded writes,
 * an optional overall deadline, CRLF lines with a length limit, numeric replies, STARTTLS and
 * implicit TLS, and the wire trace. Every failure is a typed {@link NetException}.
 *
 * <p>Not thread-safe, except {@link #close()}, which may be called from any thread to abort a
 * blocked call.
 */
public final class TcpConnection implements Closeable {
  private final Endpoint endpoint;
  private final NetOptions options;
  private final ErrorContext context;
  private final Tracer tracer;
  private final SocketGuard guard;
  /** The TCP socket itself; {@link #socket} is the TLS layer over it once TLS is on. */
  private final Socket raw;
  private volatile Socket socket;
  private volatile boolean handshakeExpired;
  private LineInputStream input;
  private OutputStream output;
  private LineWriter writer;

  private TcpConnection(
      Socket socket,
      Socket raw,
      Endpoint endpoint,
      NetOptions options,
      ErrorContext context,
      String label,
      boolean accepted) {
    this.socket = socket;
    this.raw = raw;
    this.endpoint = endpoint;
    this.options = options;
    this.context = context;
    // A server's side of a connection is told the client's secrets: a test's secrets tap
    // (TraceTap) watches clients only.
    Optional<TraceSink> trace = accepted ? TraceTap.untapped(options.trace()) : options.trace();
    this.tracer =
        trace.map(sink -> new Tracer(sink, options.traceMasker(), label, endpoint.toString())).orElse(null);
    this.guard =
        new SocketGuard(
            this::closeRaw, context, options.readTimeout(), options.deadline().orElse(null));
  }

  /** Connects to {@code endpoint} (which must have a port) as a generic "tcp" client. */
  public static TcpConnection connect(Endpoint endpoint, NetOptions options) throws NetException {
    return connect(endpoint, options, "tcp");
  }

  /**
   * Connects to {@code endpoint}, which must have a port, within the connect timeout. With
   * {@link TlsMode#IMPLICIT} the TLS handshake is done before this returns.
   *
   * @param protocol the protocol's name, used in errors and the trace
   * @throws NetConnectException when the host cannot be resolved or the connection is refused
   * @throws NetTimeoutException when connecting takes longer than the connect timeout
   * @throws NetTlsException when the implicit TLS handshake fails or the certificate is rejected
   */
  public static TcpConnection connect(Endpoint endpoint, NetOptions options, String protocol)
      throws NetException {
    ErrorContext context = ErrorContext.of(protocol, endpoint);
    InetSocketAddress address = endpoint.resolve();
    if (address.getPort() == 0) {
      throw new IllegalArgumentException("port 0 given where a real port is needed: " + endpoint);
    }
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(address, Timeouts.millis(options.connectTimeout()));
      socket.setSoTimeout(Timeouts.millis(options.readTimeout()));
    } catch (SocketTimeoutException e) {
      Closeables.closeQuietly(socket);
      throw new NetTimeoutException(
          context, "connect timed out after " + SocketGuard.describe(options.connectTimeout()), e);
    } catch (ConnectException e) {
      Closeables.closeQuietly(socket);
      throw new NetConnectException(context, "connection refused", e);
    } catch (IOException e) {
      Closeables.closeQuietly(socket);
      throw new NetConnectException(context, "cannot connect: " + e.getMessage(), e);
    }
    TcpConnection connection =
        new TcpConnection(socket, socket, endpoint, options, context, protocol, false);
    connection.note("connected to " + address);
    if (options.tlsMode() == TlsMode.IMPLICIT) {
      connection.startTls();
    }
    return connection;
  }

  /**
   * Wraps a socket accepted by a server; {@code wire} is {@code raw} itself or a TLS layer over
   * it, and {@code label} names the connection in errors and the trace.
   */
  static TcpConnection accepted(Socket wire, Socket raw, NetOptions options, String label)
      throws IOException {
    raw.setTcpNoDelay(true);
    raw.setSoTimeout(Timeouts.millis(options.readTimeout()));
    Endpoint peer = Endpoint.of(raw.getInetAddress().getHostAddress(), raw.getPort());
    return new TcpConnection(wire, raw, peer, options, ErrorContext.of(label, peer), label, true);
  }

  /**
   * The buffered input: read lines with {@link LineInputStream#readLine()} or raw bytes with
   * {@code read}. Reads block for at most the read timeout.
   */
  public LineInputStream input() {
    if (input == null) {
      input = new LineInputStream(rawInput(), options.maxLineLength(), context);
    }
    return input;
  }

  /** The buffered output; {@code flush()} sends. Writes block for at most the read timeout. */
  public OutputStream output() {
    if (output == null) {
      output = new BufferedOutputStream(rawOutput(), 16 * 1024);
    }
    return output;
  }

  /** Writes command lines (validated, CRLF-ended, flushed). */
  public LineWriter writer() {
    if (writer == null) {
      writer = new LineWriter(output());
    }
    return writer;
  }

  /** Reads one line (UTF-8, without the line end), or null at the end of the stream. */
  public String readLine() throws IOException {
    return input().readLine();
  }

  /** Writes one line and CRLF, then flushes; refuses CR, LF or NUL inside it. */
  public void writeLine(String line) throws IOException {
    writer().writeLine(line);
  }

  /** Reads one numeric reply, following multi-line continuations. */
  public Reply readReply() throws IOException {
    return Reply.read(input());
  }

  /**
   * Upgrades this client connection to TLS after the server agreed (STARTTLS, AUTH TLS, STLS) or,
   * for implicit TLS, right after connecting. Certificates and the host name are verified as the
   * options' trust says.
   *
   * @throws NetTlsException when the peer already sent bytes that would be read as if they came
   *     through TLS (an injection attack), or when the handshake or verification fails; the
   *     connection is then closed
   */
  public void startTls() throws NetException {
    startTls(options.trust().sslContext(), java.util.List.of());
  }

  /**
   * {@link #startTls()} with a caller's client context (whose trust manager decides: the probe's
   * records the chain and still rejects what the options' trust rejects) and the application
   * protocols to offer (ALPN; empty: none). Host names are verified as the options' trust says.
   *
   * @throws NetTlsException as {@link #startTls()}
   */
  public void startTls(SSLContext clientContext, java.util.List<String> applicationProtocols)
      throws NetException {
    refuseBufferedPlaintext();
    try {
      SSLSocket ssl =
          TlsLayer.client(clientContext, options.trust(), socket, endpoint.host(), endpoint.port());
      if (!applicationProtocols.isEmpty()) {
        javax.net.ssl.SSLParameters parameters = ssl.getSSLParameters();
        parameters.setApplicationProtocols(applicationProtocols.toArray(String[]::new));
        ssl.setSSLParameters(parameters);
      }
      handshake(ssl);
    } catch (IOException e) {
      throw tlsFailure(e);
    }
  }

  /** The application protocol (ALPN) the server chose, when TLS is on and one was chosen. */
  public Optional<String> applicationProtocol() {
    return socket instanceof SSLSocket ssl
        ? Optional.ofNullable(ssl.getApplicationProtocol()).filter(p -> !p.isEmpty())
        : Optional.empty();
  }

  /** Upgrades this accepted connection to TLS as the server, with {@code context}'s key. */
  public void startTlsAsServer(SSLContext serverContext) throws NetException {
    refuseBufferedPlaintext();
    try {
      handshake(TlsLayer.server(serverContext, socket));
    } catch (IOException e) {
      throw tlsFailure(e);
    }
  }

  private void refuseBufferedPlaintext() throws NetTlsException {
    if (input != null && input.buffered() > 0) {
      int injected = input.buffered();
      close();
      throw new NetTlsException(
          context,
          "peer sent " + injected + " bytes after the TLS go-ahead and before the handshake;"
              + " refusing to continue (possible command injection)");
    }
  }

  private void handshake(SSLSocket ssl) throws IOException {
    // Bytes the caller wrote before the upgrade belong to the plaintext conversation: send them
    // now rather than drop them with the old buffer.
    if (output != null) {
      output.flush();
    }
    // The handshake is part of connecting: the connect timeout bounds each read of it and, through
    // the watchdog, the whole of it, so a peer that trickles a byte at a time cannot stall it.
    ssl.setSoTimeout(Timeouts.millis(options.connectTimeout()));
    socket = ssl;
    ScheduledFuture<?> limit =
        Watchdog.after(
            options.connectTimeout(),
            () -> {
              handshakeExpired = true;
              closeRaw();
            });
    try {
      ssl.startHandshake();
    } finally {
      limit.cancel(false);
    }
    ssl.setSoTimeout(Timeouts.millis(options.readTimeout()));
    input = null;
    output = null;
    writer = null;
    note("TLS started: " + ssl.getSession().getProtocol() + " " + ssl.getSession().getCipherSuite());
  }

  private NetException tlsFailure(IOException e) {
    close();
    if (e instanceof SocketTimeoutException || handshakeExpired) {
      return new NetTimeoutException(
          context, "TLS handshake timed out after " + SocketGuard.describe(options.connectTimeout()), e);
    }
    if (e instanceof NetException net) {
      return net;
    }
    String reason = e instanceof SSLException ? e.getMessage() : "connection failed: " + e.getMessage();
    return new NetTlsException(context, "TLS handshake failed: " + reason, e);
  }

  /** True when TLS is on. */
  public boolean isTls() {
    return socket instanceof SSLSocket;
  }

  /** The TLS session, when TLS is on. */
  public Optional<SSLSession> tlsSession() {
    return socket instanceof SSLSocket ssl ? Optional.of(ssl.getSession()) : Optional.empty();
  }

  /** The endpoint this connection talks to (for accepted connections, the client). */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The protocol and host named in errors. */
  public ErrorContext context() {
    return context;
  }

  /** The options this connection was made with. */
  public NetOptions options() {
    return options;
  }

  /** The peer's address. */
  public InetSocketAddress remoteAddress() {
    return (InetSocketAddress) socket.getRemoteSocketAddress();
  }

  /** This side's address. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Changes the read timeout for later reads (e.g. a long transfer). */
  public void readTimeout(Duration timeout) throws NetException {
    if (timeout.isNegative() || timeout.isZero()) {
      // The socket API reads 0 as "wait forever", which netkit never does.
      throw new IllegalArgumentException("read timeout must be positive: " + timeout);
    }
    try {
      socket.setSoTimeout(Timeouts.millis(timeout));
    } catch (IOException e) {
      throw guard.translate(e, "setting the read timeout");
    }
  }

  /** Flushes and half-closes the sending side (the peer reads end of stream). */
  public void shutdownOutput() throws NetException {
    try {
      if (output != null) {
        output.flush();
      }
      if (!isTls()) {
        socket.shutdownOutput();
      }
    } catch (IOException e) {
      throw guard.translate(e, "closing the sending side");
    }
  }

  /** True until closed (by us, the deadline, or a failure that closed the socket). */
  public boolean isOpen() {
    return !socket.isClosed() && !raw.isClosed();
  }

  /** Records a note in the trace, if tracing. */
  public void note(String text) {
    if (tracer != null) {
      tracer.note(text);
    }
  }

  /** Closes the connection at once. Idempotent; safe from any thread. */
  @Override
  public void close() {
    guard.cancel();
    if (tracer != null && isOpen()) {
      tracer.flush();
      tracer.note("closed");
    }
    Socket current = socket;
    if (current != raw && guard.writing()) {
      // A write blocked inside TLS holds the lock a polite TLS close waits for: cut the TCP
      // connection first so that both the write and this close return at once.
      closeRaw();
    }
    Closeables.closeQuietly(current);
    closeRaw();
  }

  /** Closes the TCP socket beneath any TLS layer: never blocks, wakes every blocked call. */
  private void closeRaw() {
    Closeables.closeQuietly(raw);
  }

  private InputStream rawInput() {
    try {
      InputStream in = new GuardedInputStream(socket.getInputStream(), guard);
      return tracer == null ? in : new TracingInputStream(in, tracer);
    } catch (IOException e) {
      throw new IllegalStateException("connection is closed: " + context.describe(), e);
    }
  }

  private OutputStream rawOutput() {
    try {
      OutputStream out = new GuardedOutputStream(socket.getOutputStream(), guard);
      return tracer == null ? out : new TracingOutputStream(out, tracer);
    } catch (IOException e) {
      throw new IllegalStateException("connection is closed: " + context.describe(), e);
    }
  }

}
