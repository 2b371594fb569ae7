package io.netkit.core;

import java.io.IOException;

/**
 * The one shape of every netkit client: {@code connect} to an endpoint (the protocol's well-known
 * port unless the endpoint has one; credentials travel with the endpoint, so after connect the
 * client is ready, logged in where the protocol has a login), send any number of typed
 * {@code request}s, then {@code close}.
 *
 * <pre>{@code
 * try (GopherClient gopher = new GopherClient(NetOptions.defaults())) {
 *   gopher.connect(Endpoint.parse("gopher.example"));
 *   GopherReply menu = gopher.request(GopherRequest.menu(""));
 * }
 * }</pre>
 *
 * <p>Clients are not thread-safe unless their type says so: use one per thread.
 *
 * @param <Q> the request type (usually a sealed interface of records)
 * @param <R> the reply type
 */
public interface NetClient<Q, R> extends AutoCloseable {
  /** The protocol this client speaks. */
  Protocol protocol();

  /**
   * Connects (and logs in, where the protocol has a login, with the endpoint's credentials).
   *
   * @throws NetException when connecting, TLS or the login fails; the client is then closed
   * @throws IllegalStateException when already connected
   */
  void connect(Endpoint endpoint) throws IOException;

  /**
   * Sends one request and returns its reply.
   *
   * @throws NetException when the server refuses or the connection fails
   * @throws IllegalStateException when not connected
   */
  R request(Q request) throws IOException;

  /** True between a successful {@link #connect} and {@link #close}, while the link is up. */
  boolean isConnected();

  /** Says goodbye politely where the protocol has a way (QUIT, LOGOUT), then closes. Idempotent. */
  @Override
  void close();
}
