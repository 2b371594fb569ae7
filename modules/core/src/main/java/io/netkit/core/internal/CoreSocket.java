package io.netkit.core.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * The plain socket the bridge hands to engines (Commons Net, Angus Mail, OkHttp). It enforces
 * netkit's rules whatever the engine asks: a connect or read timeout of 0 ("forever") becomes the
 * configured one, writes are bounded, the overall deadline applies, and the wire is traced.
 */
public final class CoreSocket extends Socket {
  private final NetOptions options;
  private final String protocol;
  private final CommandFraming framing;
  private volatile Tracer tracer;
  private volatile SocketGuard guard;
  private volatile boolean tracePlaintext = true;
  /** A command connection's one input, made at the first stream asked for (null for raw data). */
  private CommandInputStream command;
  /**
   * A raw connection's one read buffer, under the trace, made at the first stream asked for once
   * connected (null for command connections): every stream handed out, the TLS socket's layered
   * on top included, reads through it, so nothing it read ahead is lost.
   */
  private ReadAheadInputStream readAhead;

  /**
   * A socket for {@code protocol}; {@code framing} frames reads of a command connection (see
   * {@link CommandInputStream}), null leaves reads unframed (raw data).
   */
  public CoreSocket(NetOptions options, String protocol, CommandFraming framing) throws SocketException {
    this.options = options;
    this.protocol = protocol;
    this.framing = framing;
    super.setSoTimeout(Timeouts.millis(options.readTimeout()));
    // As for netkit's own connections: small commands that each wait for a reply gain nothing
    // from Nagle's algorithm and can only be delayed by it.
    super.setTcpNoDelay(true);
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    connect(endpoint, 0);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    int limit = timeout > 0 ? timeout : Timeouts.millis(options.connectTimeout());
    super.connect(endpoint, limit);
    attach("connected to " + endpoint);
  }

  /**
   * Starts the guard (deadline, write timeouts) and the trace once the socket is connected, by
   * {@link #connect} or by a {@link CoreServerSocket} accepting into it.
   */
  void attach(String note) {
    String target = describe(getRemoteSocketAddress());
    ErrorContext context = new ErrorContext(protocol, target);
    guard = new SocketGuard(this, context, options.readTimeout(), options.deadline().orElse(null));
    tracer =
        options.trace().map(sink -> new Tracer(sink, options.traceMasker(), protocol, target)).orElse(null);
    if (tracer != null) {
      tracer.note(note);
    }
  }

  @Override
  public synchronized void setSoTimeout(int timeout) throws SocketException {
    super.setSoTimeout(timeout > 0 ? timeout : Timeouts.millis(options.readTimeout()));
  }

  @Override
  public InputStream getInputStream() throws IOException {
    if (framing != null && guard != null && tracePlaintext) {
      return commandInput();
    }
    return plainInput();
  }

  /**
   * The guarded, traced input. Once TLS is layered on top ({@link #handOverTracer}) it carries
   * records, not lines: neither traced nor framed. On a raw connection it reads through the one
   * {@link ReadAheadInputStream} (command connections buffer in their {@link CommandInputStream}
   * instead, and must not read ahead past it: see {@link #pendingPlaintext}).
   */
  private InputStream plainInput() throws IOException {
    InputStream in = framing == null && guard != null ? readAhead() : guarded();
    Tracer t = tracer;
    return t != null && tracePlaintext ? new TracingInputStream(in, t) : in;
  }

  private InputStream guarded() throws IOException {
    InputStream in = super.getInputStream();
    return guard != null ? GuardedInputStream.expiryOnly(in, guard) : in;
  }

  private synchronized ReadAheadInputStream readAhead() throws IOException {
    if (readAhead == null) {
      readAhead = new ReadAheadInputStream(guarded());
    }
    return readAhead;
  }

  /**
   * The one framed input of a command connection: every call returns the same stream, since it
   * holds what it read ahead.
   */
  private synchronized CommandInputStream commandInput() throws IOException {
    if (command == null) {
      command = new CommandInputStream(plainInput(), framing, guard.context());
    }
    return command;
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    OutputStream out = super.getOutputStream();
    if (guard != null) {
      out = new GuardedOutputStream(out, guard);
    }
    Tracer t = tracer;
    out = t != null && tracePlaintext ? new TracingOutputStream(out, t) : out;
    if (framing != null && guard != null && tracePlaintext) {
      out = new PromptSignalOutputStream(out, commandInput());
    }
    return out;
  }

  /**
   * Bytes the peer sent that no engine has read: those the command input (or, on a raw
   * connection, the read buffer) read ahead and, beyond them, those already waiting in the kernel. Before TLS is layered on a command connection this
   * must be 0: a TLS server says nothing until the client's hello, so anything there was sent
   * after the go-ahead reply and would otherwise be taken as if it came through TLS.
   */
  public int pendingPlaintext() throws IOException {
    CommandInputStream in;
    ReadAheadInputStream raw;
    synchronized (this) {
      in = command;
      raw = readAhead;
    }
    int buffered = (in == null ? 0 : in.pending()) + (raw == null ? 0 : raw.pending());
    return buffered + super.getInputStream().available();
  }

  /**
   * Stops tracing this socket's bytes, which are about to carry TLS records, and hands the tracer
   * to the TLS socket layered on top so the transcript shows the decrypted conversation.
   */
  public Tracer handOverTracer() {
    tracePlaintext = false;
    if (tracer != null) {
      tracer.flush();
    }
    return tracer;
  }

  /** The framing, passed on to a TLS socket layered on top (null: raw data). */
  public CommandFraming framing() {
    return framing;
  }

  /** The guard enforcing deadline and write timeouts, once connected. */
  public SocketGuard guard() {
    return guard;
  }

  @Override
  public synchronized void close() throws IOException {
    if (guard != null) {
      guard.cancel();
    }
    Tracer t = tracer;
    if (t != null && !isClosed()) {
      t.flush();
      t.note("closed");
    }
    super.close();
  }

  static String describe(SocketAddress endpoint) {
    if (endpoint instanceof InetSocketAddress inet) {
      String host = inet.getHostString();
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
    return String.valueOf(endpoint);
  }
}
