package io.netkit.nntp;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.Protocol;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.core.spi.ClientProvider;
import io.netkit.nntp.internal.Arguments;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A news URL as RFC 5538 defines it: {@code nntp://host[:port]/group/number} (and {@code nntps}
 * for implicit TLS), {@code news://host[:port]/message-id} or {@code news://host/group}, and the
 * host-less {@code news:group}, {@code news:message-id} and {@code news:*}. A message-id is
 * written without its angle brackets ({@code news:abc@example.com}; percent-encoded brackets are
 * accepted too); anything with an {@code @} is a message-id, anything else a group. netkit also
 * reads {@code nntp://host/} (the group list) and {@code nntp://host/group} (the group). Port 119,
 * or 563 for {@code nntps}. Userinfo ({@code nntp://user:pw@host/}) gives the credentials.
 *
 * <p><b>Which server a host-less {@code news:} URL names:</b> RFC 5538 leaves it to the client's
 * configuration. netkit uses the {@code NNTPSERVER} environment variable when it is set (as tin,
 * slrn and Python's nntplib did; a host, or {@code host:port} for a server on another port than
 * 119), otherwise {@code localhost}; {@link #parse(URI, String)} takes it explicitly. Immutable.
 *
 * @param tls true for {@code nntps}
 * @param host the server
 * @param port the port
 * @param credentials the userinfo, or null
 * @param group the group, or null (the group list, or a message-id URL)
 * @param number the article number, or -1
 * @param messageId the message-id with angle brackets, or null
 */
public record NntpUrl(
    boolean tls, String host, int port, Credentials credentials, String group, long number, String messageId) {
  /** Checks the parts. */
  public NntpUrl {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (group != null) {
      Arguments.group(group);
    }
    if (messageId != null) {
      messageId = Arguments.messageId(messageId);
    }
  }

  /** What a URL names. */
  public enum Kind {
    /** The server's groups ({@code nntp://host/}, {@code news:*}). */
    GROUPS,
    /** One group. */
    GROUP,
    /** One article, by group and number. */
    ARTICLE,
    /** One article, by message-id. */
    MESSAGE_ID
  }

  /** Parses a URL; a host-less {@code news:} URL goes to {@link #defaultHost()}. */
  public static NntpUrl parse(URI url) {
    return parse(url, defaultHost());
  }

  /**
   * Parses a URL; a host-less {@code news:} URL goes to {@code defaultHost} ({@code host} or
   * {@code host:port}).
   *
   * @throws IllegalArgumentException when the scheme is not a news scheme, the path has more
   *     parts than a group and a number, the number is not one, or a part is not a group name or
   *     message-id ({@link UnsafeArgumentException} for CR, LF or NUL)
   */
  public static NntpUrl parse(URI url, String defaultHost) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("nntp") && !scheme.equals("nntps") && !scheme.equals("news")) {
      throw new IllegalArgumentException("not a news URL: " + url);
    }
    boolean tls = scheme.equals("nntps");
    String host = url.getHost();
    String path;
    if (url.isOpaque()) {
      path = "/" + url.getRawSchemeSpecificPart();
      host = null;
    } else {
      path = url.getRawPath() == null ? "" : url.getRawPath();
    }
    int port = url.getPort() > 0 ? url.getPort() : Protocol.NNTP.defaultPort(scheme);
    if (host == null) {
      if (!scheme.equals("news")) {
        throw new IllegalArgumentException("URL has no host: " + url);
      }
      URI server = server(defaultHost);
      host = server.getHost();
      port = server.getPort() > 0 ? server.getPort() : port;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    Credentials credentials = url.isOpaque() || url.getRawUserInfo() == null ? null : Credentials.parse(ClientProvider.decode(url.getRawUserInfo()));
    String[] parts = path.isEmpty() || path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException("a news URL names a group and an article number at most: " + url);
    }
    String first = parts.length == 0 ? "" : UnsafeArgumentException.requireSafe("URL", ClientProvider.decode(parts[0]));
    if (parts.length == 2 && parts[1].isEmpty()) {
      parts = new String[] {parts[0]}; // nntp://host/group/ is the group
    }
    if (first.isEmpty() || first.equals("*")) {
      if (parts.length == 2) {
        throw new IllegalArgumentException("an article number needs a group: " + url);
      }
      return new NntpUrl(tls, host, port, credentials, null, -1, null);
    }
    if (first.indexOf('@') >= 0 || first.startsWith("<")) {
      if (parts.length == 2) {
        throw new IllegalArgumentException("a message-id URL has nothing after the message-id: " + url);
      }
      return new NntpUrl(tls, host, port, credentials, null, -1, first);
    }
    long number = -1;
    if (parts.length == 2) {
      String digits = ClientProvider.decode(parts[1]);
      if (!digits.matches("[0-9]{1,18}")) {
        throw new IllegalArgumentException("not an article number: '" + digits.replaceAll("\\p{Cntrl}", "?") + "' in " + url);
      }
      number = Long.parseLong(digits);
    }
    return new NntpUrl(tls, host, port, credentials, first, number, null);
  }

  /** {@code host}, {@code host:port} or {@code [v6]:port} as the authority of a URI. */
  private static URI server(String hostAndPort) {
    URI server;
    try {
      server = new URI("news://" + hostAndPort + "/");
    } catch (java.net.URISyntaxException e) {
      server = null;
    }
    if (server == null || server.getHost() == null || server.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "not a news server (host or host:port): '"
              + hostAndPort.replaceAll("\\p{Cntrl}", "?") + "'");
    }
    return server;
  }

  /**
   * The server for {@code news:} URLs without a host: {@code $NNTPSERVER} (a host, or {@code
   * host:port}), else {@code localhost}.
   */
  public static String defaultHost() {
    String configured = System.getenv("NNTPSERVER");
    return configured == null || configured.isBlank() ? "localhost" : configured.strip();
  }

  /** What the URL names. */
  public Kind kind() {
    if (messageId != null) {
      return Kind.MESSAGE_ID;
    }
    if (group == null) {
      return Kind.GROUPS;
    }
    return number < 0 ? Kind.GROUP : Kind.ARTICLE;
  }

  /** The article the URL names (a message-id, or a number in {@link #group()}). */
  public ArticleId article() {
    return switch (kind()) {
      case MESSAGE_ID -> ArticleId.messageId(messageId);
      case ARTICLE -> ArticleId.number(number);
      default -> throw new IllegalStateException("the URL names no article: " + this);
    };
  }

  /** Where to connect, with the credentials when the URL has them. */
  public Endpoint endpoint() {
    return Endpoint.of(host, port).withCredentials(credentials);
  }

  /** {@code nntp[s]://host[:port]/group[/number]} or {@code news://host[:port]/id}, without credentials. */
  public URI toUri() {
    String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host);
    String scheme = tls ? "nntps" : messageId != null ? "news" : "nntp";
    if (port != Protocol.NNTP.defaultPort(scheme)) {
      authority += ":" + port;
    }
    StringBuilder path = new StringBuilder("/");
    if (messageId != null) {
      path.append(encode(messageId.substring(1, messageId.length() - 1)));
    } else if (group != null) {
      path.append(encode(group));
      if (number >= 0) {
        path.append('/').append(number);
      }
    }
    return URI.create(scheme + "://" + authority + path);
  }

  @Override
  public String toString() {
    return toUri().toString();
  }

  private static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || (c < 0x80 && "-._~!$&'()*+,;=:@".indexOf(c) >= 0);
      out.append(plain ? String.valueOf((char) c) : String.format("%%%02X", c));
    }
    return out.toString();
  }
}
