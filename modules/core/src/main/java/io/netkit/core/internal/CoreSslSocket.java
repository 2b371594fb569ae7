package io.netkit.core.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;

/**
 * The TLS socket the bridge hands to engines: a delegate that applies netkit's timeout rules
 * (0 means the configured timeout, never forever), bounds writes, and traces the decrypted
 * conversation. Everything else is passed straight to the JDK's socket by {@link
 * DelegatingSslSocket}.
 */
public final class CoreSslSocket extends DelegatingSslSocket {
  private final NetOptions options;
  private final String protocol;
  private final CommandFraming framing;
  /** The plain socket {@code d} is layered over, or null when {@code d} owns its connection. */
  private final Socket plain;
  private volatile Tracer tracer;
  private volatile SocketGuard guard;
  /** A command connection's one input inside TLS, made when first asked for. */
  private CommandInputStream command;

  /**
   * Wraps {@code delegate}; {@code tracer} is null when not tracing (or not yet connected);
   * {@code framing} frames the decrypted reads of a command connection (null: raw data).
   */
  public CoreSslSocket(
      SSLSocket delegate, NetOptions options, String protocol, Tracer tracer, CommandFraming framing) {
    this(delegate, null, options, protocol, tracer, framing);
  }

  /**
   * Wraps {@code delegate}, which is layered over {@code plain} (null when it is not layered);
   * an expired timeout or deadline cuts {@code plain} rather than waiting for a polite TLS close.
   */
  public CoreSslSocket(
      SSLSocket delegate,
      Socket plain,
      NetOptions options,
      String protocol,
      Tracer tracer,
      CommandFraming framing) {
    super(delegate);
    this.plain = plain;
    this.options = options;
    this.protocol = protocol;
    this.framing = framing;
    this.tracer = tracer;
    if (delegate.isConnected()) {
      onConnected();
    }
  }

  private void onConnected() {
    String target = CoreSocket.describe(d.getRemoteSocketAddress());
    guard =
        new SocketGuard(
            this::abort,
            new ErrorContext(protocol, target),
            options.readTimeout(),
            options.deadline().orElse(null));
    if (tracer == null) {
      tracer =
          options.trace().map(sink -> new Tracer(sink, options.traceMasker(), protocol, target)).orElse(null);
    }
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    connect(endpoint, 0);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    d.connect(endpoint, timeout > 0 ? timeout : Timeouts.millis(options.connectTimeout()));
    if (d.getSoTimeout() == 0) {
      d.setSoTimeout(Timeouts.millis(options.readTimeout()));
    }
    onConnected();
  }

  /**
   * Ends the connection without the TLS goodbye, from the watchdog's thread: a polite close waits
   * for the lock a blocked write holds, and would stall the watchdog (and every timer with it).
   */
  private void abort() throws IOException {
    if (plain != null) {
      plain.close();
      return;
    }
    // With SO_LINGER 0 the TLS close does not wait for that lock: it shuts the socket down,
    // which wakes the blocked write, and resets the connection.
    try {
      d.setSoLinger(true, 0);
    } catch (SocketException alreadyClosed) {
      // closing below is all that is left to do
    }
    d.close();
  }

  /** Handshakes within the connect timeout, however slowly the peer trickles its bytes. */
  @Override
  public void startHandshake() throws IOException {
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> limit =
        Watchdog.after(
            options.connectTimeout(),
            () -> {
              expired.set(true);
              try {
                abort();
              } catch (IOException ignored) {
                // the handshake fails either way
              }
            });
    try {
      d.startHandshake();
    } catch (IOException e) {
      if (expired.get()) {
        SocketTimeoutException timeout =
            new SocketTimeoutException(
                "TLS handshake not done within " + SocketGuard.describe(options.connectTimeout()));
        timeout.initCause(e);
        throw timeout;
      }
      throw e;
    } finally {
      limit.cancel(false);
    }
    Tracer t = tracer;
    if (t != null) {
      t.note("TLS started: " + d.getSession().getProtocol() + " " + d.getSession().getCipherSuite());
    }
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    d.setSoTimeout(timeout > 0 ? timeout : Timeouts.millis(options.readTimeout()));
  }

  @Override
  public InputStream getInputStream() throws IOException {
    SocketGuard g = guard;
    return framing != null && g != null ? commandInput(g) : plainInput(g);
  }

  private InputStream plainInput(SocketGuard g) throws IOException {
    InputStream in = d.getInputStream();
    if (g != null) {
      in = GuardedInputStream.expiryOnly(in, g);
    }
    Tracer t = tracer;
    return t == null ? in : new TracingInputStream(in, t);
  }

  /**
   * The one framed input of a command connection inside TLS: the same bounds as on the plain
   * socket below (fresh counts: the handshake was the client's turn), and every call returns the
   * same stream, since it holds what it read ahead.
   */
  private synchronized CommandInputStream commandInput(SocketGuard g) throws IOException {
    if (command == null) {
      command = new CommandInputStream(plainInput(g), framing, g.context());
    }
    return command;
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    OutputStream out = d.getOutputStream();
    SocketGuard g = guard;
    if (g != null) {
      out = new GuardedOutputStream(out, g);
    }
    Tracer t = tracer;
    out = t == null ? out : new TracingOutputStream(out, t);
    return framing != null && g != null ? new PromptSignalOutputStream(out, commandInput(g)) : out;
  }

  @Override
  public void close() throws IOException {
    SocketGuard g = guard;
    if (g != null) {
      g.cancel();
    }
    Tracer t = tracer;
    if (t != null && !d.isClosed()) {
      t.flush();
      t.note("closed");
    }
    if (g != null && g.writing()) {
      abort(); // a blocked write holds the lock a polite close would wait for
    }
    d.close();
  }
}
