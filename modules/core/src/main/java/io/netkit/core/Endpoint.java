package io.netkit.core;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where to connect or bind: a host, a port and an address family, or a Unix domain socket path;
 * optionally with credentials, as a URL's userinfo carries them.
 *
 * <p>Hosts are names, IPv4 literals, IPv6 literals (bracketed or not), {@code ""} for any local
 * address, or {@code <broadcast>} for UDP broadcast. Ports are numbers or service names; port 0
 * means "not given" (a client then uses its protocol's well-known port, a server an ephemeral
 * port). Immutable and thread-safe. {@link #toString()} never shows the password.
 */
public final class Endpoint {
  /** The host meaning "any local address" when binding. */
  public static final String ANY_HOST = "";

  /** The host meaning "the broadcast address" for UDP. */
  public static final String BROADCAST_HOST = "<broadcast>";

  private final String host;
  private final int port;
  private final AddressFamily family;
  private final Path unixPath;
  private final Credentials credentials;

  private Endpoint(
      String host, int port, AddressFamily family, Path unixPath, Credentials credentials) {
    this.host = host;
    this.port = port;
    this.family = family;
    this.unixPath = unixPath;
    this.credentials = credentials;
  }

  /**
   * An endpoint for {@code host} and a port number (0 = not given).
   *
   * @throws IllegalArgumentException for a malformed host or a port outside 0-65535
   */
  public static Endpoint of(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
    }
    String bare = unbracket(host);
    return new Endpoint(bare, port, familyOf(bare), null, null);
  }

  /**
   * An endpoint for {@code host} and a port given as a number or a service name ({@code "smtp"}).
   *
   * @throws IllegalArgumentException for an unknown service name or a malformed host or port
   */
  public static Endpoint of(String host, String portOrService) {
    return of(host, Services.parsePort(portOrService));
  }

  /**
   * Parses {@code host}, {@code host:port}, {@code host:service}, {@code [v6]}, {@code [v6]:port}
   * or a bare IPv6 literal such as {@code ::1} (which then has no port).
   *
   * @throws IllegalArgumentException when the text is malformed
   */
  public static Endpoint parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("missing ']' in IPv6 endpoint: " + text);
      }
      String host = text.substring(1, close);
      if (host.isEmpty()) {
        throw new IllegalArgumentException("empty IPv6 literal in endpoint: " + text);
      }
      String rest = text.substring(close + 1);
      if (rest.isEmpty()) {
        return of(host, 0);
      }
      if (!rest.startsWith(":")) {
        throw new IllegalArgumentException("unexpected text after ']' in endpoint: " + text);
      }
      return of(host, rest.substring(1));
    }
    int first = text.indexOf(':');
    if (first >= 0 && first != text.lastIndexOf(':')) {
      return of(text, 0); // several colons and no brackets: an IPv6 literal without a port
    }
    return first < 0 ? of(text, 0) : of(text.substring(0, first), text.substring(first + 1));
  }

  /** A Unix domain socket endpoint on {@code path}. */
  public static Endpoint unix(Path path) {
    return new Endpoint("", 0, AddressFamily.UNIX, Objects.requireNonNull(path, "path"), null);
  }

  /** An endpoint on {@code port} of any local address, for binding servers. */
  public static Endpoint anyLocal(int port) {
    return of(ANY_HOST, port);
  }

  /** The loopback address 127.0.0.1 on {@code port} (0 = ephemeral when binding). */
  public static Endpoint loopback(int port) {
    return of("127.0.0.1", port);
  }

  /** The host as given, without IPv6 brackets; {@code ""} for any address. */
  public String host() {
    return host;
  }

  /** The port, or 0 when none was given. */
  public int port() {
    return port;
  }

  /** True when a port was given. */
  public boolean hasPort() {
    return port != 0;
  }

  /**
   * The port, which must have been given.
   *
   * @throws IllegalStateException for port 0 (no port given where a real one is needed)
   */
  public int requirePort() {
    if (port == 0) {
      throw new IllegalStateException("port 0 given where a real port is needed: " + this);
    }
    return port;
  }

  /** The address family: from the literal's form, UNIX for paths, otherwise UNSPEC. */
  public AddressFamily family() {
    return family;
  }

  /** The Unix domain socket path, for UNIX endpoints. */
  public Optional<Path> unixPath() {
    return Optional.ofNullable(unixPath);
  }

  /** The credentials carried with this endpoint, if any. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** This endpoint with another port. */
  public Endpoint withPort(int newPort) {
    Endpoint changed = of(host, newPort);
    return new Endpoint(changed.host, changed.port, family, unixPath, credentials);
  }

  /** This endpoint, with {@code defaultPort} when it has no port. */
  public Endpoint withDefaultPort(int defaultPort) {
    return hasPort() || family == AddressFamily.UNIX ? this : withPort(defaultPort);
  }

  /** This endpoint with credentials (null removes them). */
  public Endpoint withCredentials(Credentials newCredentials) {
    return new Endpoint(host, port, family, unixPath, newCredentials);
  }

  /**
   * This endpoint restricted to one address family when resolving a name.
   *
   * @throws IllegalArgumentException when a literal's form contradicts the family
   */
  public Endpoint withFamily(AddressFamily newFamily) {
    if (family != AddressFamily.UNSPEC && family != newFamily) {
      throw new IllegalArgumentException(host + " is not an " + newFamily + " address");
    }
    return new Endpoint(host, port, newFamily, unixPath, credentials);
  }

  /** The host as it stands in a URL: IPv6 literals bracketed. */
  public String hostForUrl() {
    return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
  }

  /**
   * Resolves the host to a socket address. {@code ""} is the wildcard address, and
   * {@code <broadcast>} is 255.255.255.255.
   *
   * @throws NetConnectException when the name cannot be resolved in the wanted family
   */
  public InetSocketAddress resolve() throws NetConnectException {
    if (family == AddressFamily.UNIX) {
      throw new IllegalStateException("a Unix domain endpoint has no IP address: " + this);
    }
    if (host.isEmpty()) {
      return new InetSocketAddress(port);
    }
    if (host.equals(BROADCAST_HOST)) {
      return new InetSocketAddress(broadcastAddress(), port);
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (matches(address)) {
          return new InetSocketAddress(address, port);
        }
      }
      throw new NetConnectException(
          new ErrorContext(null, toString()), "host has no " + family + " address");
    } catch (UnknownHostException e) {
      throw new NetConnectException(
          new ErrorContext(null, toString()), "cannot resolve host name '" + host + "'", e);
    }
  }

  private boolean matches(InetAddress address) {
    return switch (family) {
      case INET -> address instanceof Inet4Address;
      case INET6 -> address instanceof Inet6Address;
      default -> true;
    };
  }

  private static InetAddress broadcastAddress() {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255});
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static String unbracket(String host) {
    if (host.startsWith("[") && host.endsWith("]")) {
      if (host.length() == 2) {
        // "[]" is not the any-address "": brackets promise an IPv6 literal
        throw new IllegalArgumentException("empty IPv6 literal: " + host);
      }
      return host.substring(1, host.length() - 1);
    }
    if (host.startsWith("[") || host.endsWith("]")) {
      throw new IllegalArgumentException("unbalanced brackets in host: " + host);
    }
    return host;
  }

  private static AddressFamily familyOf(String host) {
    if (host.isEmpty() || host.equals(BROADCAST_HOST)) {
      return AddressFamily.UNSPEC;
    }
    if (host.indexOf(':') >= 0) {
      return ipv6LiteralFamily(host);
    }
    if (host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
      requireIpv4Literal(host);
      return AddressFamily.INET;
    }
    if (!host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_')) {
      throw new IllegalArgumentException("malformed host name: '" + host + "'");
    }
    return AddressFamily.UNSPEC;
  }

  /**
   * Checks an IPv6 literal, optionally with a zone ({@code fe80::1%eth0}), and gives its family.
   * The zone is checked for form only: whether the interface exists is a matter for {@link
   * #resolve()}, as it is for a host name.
   */
  private static AddressFamily ipv6LiteralFamily(String host) {
    int percent = host.indexOf('%');
    String address = percent >= 0 ? host.substring(0, percent) : host;
    String zone = percent >= 0 ? host.substring(percent + 1) : null;
    boolean plausible =
        address.chars().allMatch(c -> c == ':' || c == '.' || isAsciiHexDigit(c))
            && (zone == null
                || (!zone.isEmpty()
                    && zone.chars()
                        .allMatch(c -> isAsciiHexDigit(c) || (c >= 'g' && c <= 'z')
                            || (c >= 'G' && c <= 'Z') || c == '.' || c == '_' || c == '-')));
    if (plausible) {
      try {
        // For text containing ':' the JDK parses a literal and never consults DNS. It turns an
        // IPv4-mapped literal (::ffff:192.0.2.1) into the IPv4 address, and connects to that.
        return InetAddress.getByName(address) instanceof Inet6Address
            ? AddressFamily.INET6
            : AddressFamily.INET;
      } catch (UnknownHostException malformed) {
        // fall through to the typed error below
      }
    }
    throw new IllegalArgumentException("malformed IPv6 address: " + host);
  }

  private static boolean isAsciiHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static void requireIpv4Literal(String host) {
    String[] parts = host.split("\\.", -1);
    boolean ok = parts.length == 4;
    for (int i = 0; ok && i < 4; i++) {
      ok = !parts[i].isEmpty() && parts[i].length() <= 3 && Integer.parseInt(parts[i]) <= 255;
    }
    if (!ok) {
      throw new IllegalArgumentException("malformed IPv4 address: " + host);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Endpoint e
        && host.equals(e.host)
        && port == e.port
        && family == e.family
        && Objects.equals(unixPath, e.unixPath)
        && Objects.equals(credentials, e.credentials);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, family, unixPath, credentials);
  }

  /** {@code host:port}, {@code [v6]:port}, or {@code unix:/path}; never the credentials. */
  @Override
  public String toString() {
    if (family == AddressFamily.UNIX) {
      return "unix:" + unixPath;
    }
    return hostForUrl() + (port == 0 ? "" : ":" + port);
  }
}
