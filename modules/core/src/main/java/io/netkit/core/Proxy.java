package io.netkit.core;

import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy to reach servers through: plain requests are sent to it whole, TLS connections
 * are tunnelled with {@code CONNECT}. Which modules honour it is theirs to say (HTTP does).
 * Optional credentials are sent as {@code Proxy-Authorization: Basic}. Immutable and
 * thread-safe; {@link #toString()} never shows the password.
 */
public final class Proxy {
  private final String host;
  private final int port;
  private final Credentials credentials;

  private Proxy(String host, int port, Credentials credentials) {
    this.host = host;
    this.port = port;
    this.credentials = credentials;
  }

  /**
   * An HTTP proxy at {@code host:port}.
   *
   * @throws IllegalArgumentException for an empty host or a port outside 1-65535
   */
  public static Proxy http(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty() || port < 1 || port > 65535) {
      throw new IllegalArgumentException("bad proxy address " + host + ":" + port);
    }
    UnsafeArgumentException.requireSafe("proxy host", host);
    return new Proxy(host, port, null);
  }

  /** The same proxy, logging in with {@code login} (null: none). */
  public Proxy withCredentials(Credentials login) {
    return new Proxy(host, port, login);
  }

  /** The proxy's host name or address. */
  public String host() {
    return host;
  }

  /** The proxy's port. */
  public int port() {
    return port;
  }

  /** The proxy login, if any. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Proxy p
        && host.equals(p.host)
        && port == p.port
        && Objects.equals(credentials, p.credentials);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, credentials);
  }

  /** {@code http://host:port}, with the user but never the password. */
  @Override
  public String toString() {
    String user = credentials == null ? "" : credentials.user() + ":****@";
    return "http://" + user + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
