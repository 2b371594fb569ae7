package io.netkit.core.spi;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a protocol module offers the rest of netkit, found with {@link java.util.ServiceLoader}
 * (list the implementation in {@code META-INF/services/io.netkit.core.spi.ClientProvider}). The
 * URL entry point ({@link io.netkit.core.Netkit}) and the {@code netkit} command learn protocols
 * only through this interface: the core names none of them.
 *
 * <p>The URL operations are one-shot: connect, act, close. A protocol that cannot do one (Gopher
 * has no upload) throws {@link UnsupportedOperationException} saying so. Implementations must be
 * thread-safe and stateless.
 */
public interface ClientProvider {
  /** The protocol, whose schemes this provider serves. */
  Protocol protocol();

  /** A new, unconnected client. */
  NetClient<?, ?> newClient(NetOptions options);

  /**
   * The endpoint a URL names: its host, its port or the scheme's default port, and its userinfo
   * (percent-decoded) as credentials.
   */
  default Endpoint endpoint(URI url) {
    if (url.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    Endpoint endpoint = Endpoint.of(url.getHost(), Math.max(url.getPort(), 0));
    endpoint = endpoint.withDefaultPort(protocol().defaultPort(url.getScheme()));
    String userInfo = url.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
      endpoint = endpoint.withCredentials(new Credentials(user, password));
    }
    return endpoint;
  }

  /**
   * Whether a URL of {@code scheme} may name no host, the server then coming from the user's
   * configuration (RFC 5538's {@code news:message-id}, served by {@code $NNTPSERVER}). The
   * command refuses a URL without a host unless its provider answers yes here. Default: no.
   */
  default boolean allowsNoHost(String scheme) {
    return false;
  }

  /** The options for a URL: implicit TLS for the {@code s} schemes, otherwise as given. */
  default NetOptions options(URI url, NetOptions base) {
    return Protocol.isTlsScheme(url.getScheme())
        ? base.toBuilder().tlsMode(TlsMode.IMPLICIT).build()
        : base;
  }

  /**
   * Fetches what the URL names into {@code out} (raw bytes; a listing rendered as text).
   *
   * @throws io.netkit.core.NetException when the server refuses or the transfer fails; a failed
   *     transfer may have written part of the content to {@code out}
   */
  void fetch(URI url, NetOptions options, OutputStream out, TransferListener progress)
      throws IOException;

  /** Lists what the URL names (a directory, a menu). */
  List<ListEntry> list(URI url, NetOptions options) throws IOException;

  /**
   * Stores {@code in} where the URL names.
   *
   * @param size the number of bytes, or -1 when unknown (only for progress)
   */
  default void store(
      URI url, NetOptions options, InputStream in, long size, TransferListener progress)
      throws IOException {
    throw new UnsupportedOperationException(protocol().name() + " has no upload");
  }

  /**
   * Deletes what the URL names (an FTP file, a POP3 or IMAP message, an HTTP resource), for
   * {@code netkit rm}. When this returns, the server has confirmed the deletion.
   *
   * @throws UnsupportedOperationException when the protocol cannot delete
   * @throws io.netkit.core.NetException when the server refuses or the connection fails; what
   *     was deleted is then the server's to say
   */
  default void delete(URI url, NetOptions options) throws IOException {
    throw new UnsupportedOperationException(protocol().name() + " cannot delete");
  }

  /**
   * The opening step every one-shot URL operation shares: connects {@code client} (which logs in
   * when the endpoint has credentials) and returns it for a try-with-resources block, or closes
   * it and rethrows when connecting fails, so a failed connect never leaks a socket.
   */
  static <C extends NetClient<?, ?>> C connected(C client, Endpoint endpoint) throws IOException {
    return connected(client, c -> c.connect(endpoint));
  }

  /**
   * {@link #connected(NetClient, Endpoint)} for clients whose connect takes more than an endpoint
   * (a chosen login mechanism, say): {@code connect} does it.
   */
  static <C extends NetClient<?, ?>> C connected(C client, Connector<C> connect)
      throws IOException {
    try {
      connect.connect(client);
      return client;
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** How {@link #connected(NetClient, Connector)} connects a client. */
  @FunctionalInterface
  interface Connector<C> {
    /** Connects {@code client}. */
    void connect(C client) throws IOException;
  }

  /** Percent-decodes a URL part, keeping {@code +} as it is (it means plus, not space, here). */
  static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
