package io.netkit.testkit;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.Protocol;
import io.netkit.core.transport.TcpConnection;
import io.netkit.core.transport.TcpServer;
import io.netkit.testkit.internal.FaultAbort;
import io.netkit.testkit.internal.FaultyOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The base of every testkit server written on netkit's own {@link TcpServer}: start, stop,
 * address, and every {@link Fault} applied the same way for every protocol, so a subclass only
 * writes its protocol in {@link #serve(MockConnection)}.
 *
 * <p>How faults are applied: {@link Fault#DISCONNECT_AT_START} closes before the handler runs;
 * {@link Fault#STALL} keeps the connection open and silent until the client gives up or the server
 * stops; the others act on what the handler writes (see {@link MockConnection#output()}): {@link
 * Fault#DRIP} sends one byte at a time with {@link #dripDelay(Duration) a pause}; {@link
 * Fault#DISCONNECT_MID_RESPONSE} closes after {@link #cutAfterBytes(long) N bytes}; {@link
 * Fault#GARBAGE_REPLY} and {@link Fault#OVERLONG_LINE} replace the first answer (a greeting, or
 * the reply to the first request) and close.
 *
 * <p>Defaults: connections time out after 30 s of client silence, drip pause 5 ms, cut after 64
 * bytes, overlong line 100,000 bytes (more than the core's 64 KiB default limit), no TLS, a listen
 * backlog of {@value #BACKLOG} (see there). Settings apply to connections accepted after they are
 * made. Thread-safe.
 *
 * <p>{@link #stop()} closes every connection and interrupts the handler threads (a thread pausing
 * between dripped bytes would otherwise outlive the server by up to the drip pause), so no handler
 * thread or socket outlives it; it returns within about three seconds whatever a handler does.
 */
public abstract class AbstractMockServer implements MockServer {
  /**
   * The listen backlog: room for a burst of simultaneous connects (tests and benches open hundreds
   * at once). With the core's default of 50, Linux answers the overflow with SYN cookies and drops
   * the handshake's last ACK while the accept queue is full: the client's connect has returned,
   * the server never learns of the connection, and the client waits for a greeting that never
   * comes. Linux caps it at {@code net.core.somaxconn} (4096 by default since 5.4).
   */
  public static final int BACKLOG = 4096;

  private static final byte[] DEFAULT_GARBAGE =
      "\0\u00ff\u00fe\u0001 garbage \t\t\tnot-a-port".getBytes(StandardCharsets.ISO_8859_1);

  private final Protocol protocol;
  private final String name;
  private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
  /** Threads inside {@link #serve}, interrupted by {@link #stop} to cut a drip pause short. */
  private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;
  private volatile TcpServer server;
  private volatile SSLContext tls;
  private volatile Duration readTimeout = Duration.ofSeconds(30);
  private volatile Duration dripDelay = Duration.ofMillis(5);
  private volatile long cutAfterBytes = 64;
  private volatile int overlongLineLength = 100_000;
  private volatile Consumer<Throwable> errors = e -> {};

  /** A server for {@code protocol}; {@code name} labels its threads and trace. */
  protected AbstractMockServer(Protocol protocol, String name) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The protocol's code: answers one connection, writing to {@link MockConnection#output()}. */
  protected abstract void serve(MockConnection connection) throws IOException;

  /**
   * What {@link Fault#GARBAGE_REPLY} sends: by default bytes no text protocol accepts (a NUL, bytes
   * that are not UTF-8, a line with no line end). Subclasses may send something nastier for their
   * protocol.
   */
  protected byte[] garbage() {
    return DEFAULT_GARBAGE.clone();
  }

  @Override
  public final Protocol protocol() {
    return protocol;
  }

  /** Serves implicit TLS with this server context (e.g. gophers, ftps); null turns TLS off. */
  public AbstractMockServer tls(SSLContext serverContext) {
    tls = serverContext;
    return this;
  }

  /** True when serving implicit TLS. */
  public boolean isTls() {
    return tls != null;
  }

  /** How long the server waits for a silent client before it drops it. */
  public AbstractMockServer readTimeout(Duration timeout) {
    readTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** The pause between bytes under {@link Fault#DRIP}. */
  public AbstractMockServer dripDelay(Duration delay) {
    dripDelay = Objects.requireNonNull(delay, "delay");
    return this;
  }

  /** How many bytes go out before {@link Fault#DISCONNECT_MID_RESPONSE} closes. */
  public AbstractMockServer cutAfterBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative");
    }
    cutAfterBytes = bytes;
    return this;
  }

  /** The length of the line {@link Fault#OVERLONG_LINE} sends. */
  public AbstractMockServer overlongLineLength(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("bytes must be positive");
    }
    overlongLineLength = bytes;
    return this;
  }

  /** Receives unexpected handler failures (a bug in a handler); by default they are dropped. */
  public AbstractMockServer onError(Consumer<Throwable> handler) {
    errors = Objects.requireNonNull(handler, "handler");
    return this;
  }

  @Override
  public synchronized void start(int port) throws IOException {
    if (server != null) {
      throw new IllegalStateException(name + " already started on port " + server.port());
    }
    stopping = false;
    server =
        TcpServer.builder()
            .bind(Endpoint.loopback(port))
            .backlog(BACKLOG)
            .name(name)
            .options(NetOptions.builder().readTimeout(readTimeout).build())
            .tls(tls)
            .onError(errors)
            .handler(this::accept)
            .start();
  }

  @Override
  public boolean isRunning() {
    TcpServer current = server;
    return current != null && current.isOpen();
  }

  @Override
  public int port() {
    TcpServer current = server;
    if (current == null) {
      throw new IllegalStateException(name + " is not started");
    }
    return current.port();
  }

  /** The root URL; the TLS scheme ({@code gophers}, ...) when serving TLS. */
  @Override
  public URI url() {
    String scheme = protocol.schemes().get(0);
    if (tls != null) {
      scheme = protocol.schemes().stream().filter(Protocol::isTlsScheme).findFirst().orElse(scheme);
    }
    return URI.create(scheme + "://" + host() + ":" + port() + "/");
  }

  @Override
  public void fault(Fault newFault) {
    fault.set(Objects.requireNonNull(newFault, "fault"));
  }

  /** The fault in force now. */
  public Fault fault() {
    return fault.get();
  }

  /** Connections accepted since start. */
  public int acceptedCount() {
    TcpServer current = server;
    return current == null ? 0 : current.acceptedCount();
  }

  @Override
  public synchronized void stop() {
    TcpServer current = server;
    server = null;
    if (current != null) {
      stopping = true;
      // Interrupt first: TcpServer.close() joins the handler threads, and one asleep in a drip
      // pause (the socket closing does not wake it) would hold that join for its whole timeout.
      handlers.forEach(Thread::interrupt);
      current.close();
    }
  }

  private void accept(TcpConnection connection) throws IOException {
    Thread self = Thread.currentThread();
    handlers.add(self);
    try {
      if (!stopping) {
        acceptWithFault(connection);
      }
    } catch (IOException e) {
      if (!stopping) {
        throw e;
      }
      // stop() interrupted a drip pause or an interruptible file read, or closed the socket:
      // the end of service, not a handler failure.
    } finally {
      handlers.remove(self);
      Thread.interrupted(); // leave no interrupt behind for the server's own clean-up
    }
  }

  private void acceptWithFault(TcpConnection connection) throws IOException {
    Fault now = fault.get();
    switch (now) {
      case DISCONNECT_AT_START -> {
        return;
      }
      case STALL -> {
        stall(connection);
        return;
      }
      default -> {
        // proceed below
      }
    }
    FaultyOutputStream.Settings settings =
        new FaultyOutputStream.Settings(dripDelay, cutAfterBytes, overlongLineLength, garbage());
    OutputStream output = new FaultyOutputStream(connection.output(), now, settings);
    try {
      serve(new MockConnection(connection, output, now));
      output.flush();
    } catch (FaultAbort planned) {
      // The fault ended the conversation; the server closes the connection.
    }
  }

  /** Holds the connection open and silent until the client closes it or the server stops. */
  private void stall(TcpConnection connection) {
    byte[] sink = new byte[1024];
    while (isRunning()) {
      try {
        if (connection.input().read(sink, 0, sink.length) < 0) {
          return;
        }
      } catch (NetTimeoutException e) {
        // A silent client: keep stalling (the socket is still open after a read timeout).
      } catch (IOException e) {
        return;
      }
    }
  }
}
