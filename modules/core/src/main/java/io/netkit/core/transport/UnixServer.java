package io.netkit.core.transport;

import io.netkit.core.internal.Closeables;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A Unix domain socket server on a file-system path: accepts in a loop and hands each connection
 * to a handler on its own thread. {@link #close()} stops accepting, closes every connection and
 * removes the socket file. Thread-safe.
 */
public final class UnixServer implements Closeable {
  /** Serves one accepted Unix connection; the server closes it afterwards. */
  @FunctionalInterface
  public interface Handler {
    /** Talks to the client. */
    void handle(UnixConnection connection) throws IOException;
  }

  private final ServerSocketChannel channel;
  private final Path path;
  private final NetOptions options;
  private final Handler handler;
  private final Consumer<Throwable> onError;
  private final Set<UnixConnection> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;

  private UnixServer(
      ServerSocketChannel channel, Path path, NetOptions options, Handler handler, Consumer<Throwable> onError) {
    this.channel = channel;
    this.path = path;
    this.options = options;
    this.handler = handler;
    this.onError = onError;
    this.acceptor = new Thread(this::acceptLoop, "unix-server-accept");
    acceptor.setDaemon(true);
  }

  /**
   * Binds {@code path} (which must not exist) with {@code backlog} and starts accepting.
   *
   * @throws NetException when the path cannot be bound
   */
  public static UnixServer start(Path path, int backlog, NetOptions options, Handler handler)
      throws NetException {
    return start(path, backlog, options, handler, e -> {});
  }

  /** As {@link #start(Path, int, NetOptions, Handler)}, reporting handler failures. */
  public static UnixServer start(
      Path path, int backlog, NetOptions options, Handler handler, Consumer<Throwable> onError)
      throws NetException {
    try {
      ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.bind(UnixDomainSocketAddress.of(path), backlog);
      } catch (IOException e) {
        channel.close();
        throw e;
      }
      UnixServer server = new UnixServer(channel, path, options, handler, onError);
      server.acceptor.start();
      return server;
    } catch (IOException e) {
      throw new NetException(new ErrorContext("unix", "unix:" + path), "cannot bind: " + e.getMessage(), e);
    }
  }

  /** The socket file's path. */
  public Path path() {
    return path;
  }

  private void acceptLoop() {
    while (!closed) {
      SocketChannel client;
      try {
        client = channel.accept();
      } catch (IOException e) {
        if (!closed) {
          onError.accept(e);
        }
        return;
      }
      Thread worker = new Thread(() -> serve(client), "unix-server-conn");
      worker.setDaemon(true);
      worker.start();
    }
  }

  private void serve(SocketChannel client) {
    UnixConnection connection = null;
    try {
      connection = new UnixConnection(client, path, options, "unix-server");
      open.add(connection);
      if (closed) {
        return; // close() may have run before the add: it did not see this connection
      }
      handler.handle(connection);
      connection.output().flush();
    } catch (IOException | RuntimeException e) {
      if (!closed && !(e instanceof NetException)) {
        onError.accept(e);
      }
    } finally {
      if (connection != null) {
        open.remove(connection);
        connection.close();
      } else {
        Closeables.closeQuietly(client);
      }
    }
  }

  /** Stops accepting, closes every connection and deletes the socket file. Idempotent. */
  @Override
  public void close() {
    closed = true;
    Closeables.closeQuietly(channel);
    open.forEach(UnixConnection::close);
    try {
      acceptor.join(1000);
      Files.deleteIfExists(path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException ignored) {
      // a socket file that cannot be removed is harmless
    }
  }
}
