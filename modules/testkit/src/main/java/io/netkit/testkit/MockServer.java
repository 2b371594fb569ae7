package io.netkit.testkit;

import io.netkit.core.Endpoint;
import io.netkit.core.Protocol;
import java.io.IOException;
import java.net.URI;

/**
 * The one shape of every testkit server, whatever engine is behind it (netkit's own TCP server,
 * GreenMail, MockFtpServer, MockWebServer): start on a free loopback port (or a chosen one),
 * report where it listens, misbehave on request, stop. Implementations are thread-safe.
 */
public interface MockServer extends AutoCloseable {
  /** The protocol served. */
  Protocol protocol();

  /**
   * Starts listening on 127.0.0.1: on {@code port}, or on a free port when {@code port} is 0.
   *
   * @throws IOException when the port cannot be bound
   * @throws IllegalStateException when already started
   */
  void start(int port) throws IOException;

  /** Starts on a free loopback port. */
  default void start() throws IOException {
    start(0);
  }

  /** True between {@link #start} and {@link #stop}. */
  boolean isRunning();

  /** The loopback host, {@code 127.0.0.1}. */
  default String host() {
    return "127.0.0.1";
  }

  /**
   * The port listened on.
   *
   * @throws IllegalStateException when not started
   */
  int port();

  /** Where clients connect: host and port. */
  default Endpoint endpoint() {
    return Endpoint.of(host(), port());
  }

  /** The server's root URL, e.g. {@code gopher://127.0.0.1:40123/}. */
  default URI url() {
    return URI.create(protocol().schemes().get(0) + "://" + host() + ":" + port() + "/");
  }

  /**
   * Makes the server misbehave in the given way for every connection accepted from now on (and,
   * for faults mid-response, every response); {@link Fault#NONE} restores normal service.
   *
   * @throws UnsupportedOperationException when this server cannot produce that fault
   */
  void fault(Fault fault);

  /** Stops listening and closes every open connection. Idempotent. */
  void stop();

  /** Same as {@link #stop()}. */
  @Override
  default void close() {
    stop();
  }
}
