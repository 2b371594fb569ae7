package io.netkit.core.transport;

import io.netkit.core.internal.Closeables;
import io.netkit.core.Endpoint;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.internal.TlsLayer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A TCP server: binds (port 0 picks a free port, which {@link #port()} reports), listens with a
 * backlog, and accepts in a loop, handing each connection to a {@link ConnectionHandler} on its
 * own thread. {@link #close()} stops accepting and closes every open connection. Thread-safe.
 *
 * <pre>{@code
 * try (TcpServer server = TcpServer.builder()
 *     .bind(Endpoint.loopback(0))
 *     .handler(c -> c.writeLine("Thank you for connecting"))
 *     .start()) {
 *   System.out.println("listening on " + server.port());
 * }
 * }</pre>
 */
public final class TcpServer implements Closeable {
  private final ServerSocket serverSocket;
  private final Builder config;
  private final Set<TcpConnection> open = ConcurrentHashMap.newKeySet();
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread acceptor;
  private volatile boolean closed;

  private TcpServer(ServerSocket serverSocket, Builder config) {
    this.serverSocket = serverSocket;
    this.config = config;
    this.acceptor = new Thread(this::acceptLoop, config.name + "-accept-" + port());
    acceptor.setDaemon(true);
  }

  /** A builder: loopback, ephemeral port, backlog 50, default options, no TLS. */
  public static Builder builder() {
    return new Builder();
  }

  /** The bound port (the real one when port 0 was asked for). */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return (InetSocketAddress) serverSocket.getLocalSocketAddress();
  }

  /** An endpoint clients can connect to: the bound host (loopback for a wildcard) and port. */
  public Endpoint endpoint() {
    InetSocketAddress address = address();
    String host =
        address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
    return Endpoint.of(host, address.getPort());
  }

  /** Connections accepted so far. */
  public int acceptedCount() {
    return accepted.get();
  }

  /** Connections currently open. */
  public int openCount() {
    return open.size();
  }

  /** True until closed. */
  public boolean isOpen() {
    return !closed;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (!closed) {
          config.onError.accept(e);
        }
        return;
      }
      accepted.incrementAndGet();
      Thread worker = new Thread(() -> serve(socket), config.name + "-conn-" + socket.getPort());
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  private void serve(Socket socket) {
    TcpConnection connection = null;
    try {
      Socket wire = config.tls == null ? socket : TlsLayer.server(config.tls, socket);
      connection = TcpConnection.accepted(wire, socket, config.options, config.name);
      open.add(connection);
      if (closed) {
        return;
      }
      config.handler.handle(connection);
      connection.output().flush();
    } catch (IOException | RuntimeException e) {
      if (!closed && !(e instanceof SocketException) && !(e instanceof NetException)) {
        config.onError.accept(e);
      }
    } finally {
      if (connection != null) {
        open.remove(connection);
        connection.close();
      } else {
        Closeables.closeQuietly(socket);
      }
      workers.remove(Thread.currentThread());
    }
  }

  /**
   * Stops accepting, closes every open connection and waits briefly (up to 2 s) for handler
   * threads to finish. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    Closeables.closeQuietly(serverSocket);
    open.forEach(TcpConnection::close);
    long until = System.nanoTime() + 2_000_000_000L;
    for (Thread thread : Set.copyOf(workers)) {
      try {
        thread.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    try {
      acceptor.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Configures and starts a {@link TcpServer}. Not thread-safe. */
  public static final class Builder {
    private Endpoint bind = Endpoint.loopback(0);
    private int backlog = 50;
    private NetOptions options = NetOptions.defaults();
    private SSLContext tls;
    private String name = "tcp-server";
    private ConnectionHandler handler;
    private Consumer<Throwable> onError = e -> {};

    private Builder() {}

    /** Where to bind: host ("" for all addresses) and port (0 for a free one). */
    public Builder bind(Endpoint endpoint) {
      bind = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** The listen backlog: connections the OS queues before {@code accept}. */
    public Builder backlog(int connections) {
      if (connections < 1) {
        throw new IllegalArgumentException("backlog must be at least 1");
      }
      backlog = connections;
      return this;
    }

    /** Options for accepted connections (read timeout, trace, line limit). */
    public Builder options(NetOptions connectionOptions) {
      options = Objects.requireNonNull(connectionOptions, "options");
      return this;
    }

    /** Serves implicit TLS with this server context's key and certificate. */
    public Builder tls(SSLContext serverContext) {
      tls = serverContext;
      return this;
    }

    /** A name for threads, errors and the trace, e.g. {@code "gopher-mock"}. */
    public Builder name(String serverName) {
      name = Objects.requireNonNull(serverName, "name");
      return this;
    }

    /** What to do with each connection. */
    public Builder handler(ConnectionHandler connectionHandler) {
      handler = Objects.requireNonNull(connectionHandler, "handler");
      return this;
    }

    /** Receives unexpected handler failures (default: ignored). */
    public Builder onError(Consumer<Throwable> errors) {
      onError = Objects.requireNonNull(errors, "errors");
      return this;
    }

    /**
     * Binds, listens and starts accepting.
     *
     * @throws NetException when the address cannot be bound (in use, not local, no permission)
     */
    public TcpServer start() throws NetException {
      Objects.requireNonNull(handler, "handler");
      InetSocketAddress address = bind.resolve();
      ServerSocket socket = null;
      try {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(address, backlog);
      } catch (IOException e) {
        Closeables.closeQuietly(socket);
        throw new NetException(
            new io.netkit.core.ErrorContext(name, bind.toString()), "cannot bind: " + e.getMessage(), e);
      }
      TcpServer server = new TcpServer(socket, this);
      server.acceptor.start();
      return server;
    }
  }
}
