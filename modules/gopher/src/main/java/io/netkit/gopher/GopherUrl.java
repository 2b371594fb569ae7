package io.netkit.gopher;

import io.netkit.core.Endpoint;
import io.netkit.core.Protocol;
import io.netkit.core.spi.ClientProvider;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A Gopher URL as RFC 4266 defines it and curl reads it: {@code
 * gopher[s]://host[:port]/<type><selector>[%09<search>]}. The path after the type character is
 * percent-decoded into the selector (a {@code ?query} part, when present, belongs to it, as curl
 * has it); a decoded tab separates the search string. {@code gopher://h}, {@code gopher://h/} and
 * {@code gopher://h/1} all name the root menu: type {@code 1}, empty selector (a URL without a
 * path has the path {@code /}, so {@code gopher://h?x} is type {@code ?}, selector {@code x}, as in
 * curl). The port defaults to 70. Immutable.
 *
 * <pre>{@code
 * GopherUrl.parse(URI.create("gopher://h/1/x"))        // menu, selector "/x"
 * GopherUrl.parse(URI.create("gopher://h/7/find%09cat")) // search "/find" for "cat"
 * }</pre>
 *
 * @param tls true for {@code gophers}
 * @param host the host
 * @param port the port
 * @param type the item type character
 * @param selector the decoded selector
 * @param search the decoded search string, or null when there is none
 */
public record GopherUrl(boolean tls, String host, int port, char type, String selector, String search) {
  private static final String KEEP = "-._~!$&'()*+,;=:@/";

  /** Checks the parts. */
  public GopherUrl {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(selector, "selector");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * Parses a {@code gopher} or {@code gophers} URL.
   *
   * @throws IllegalArgumentException when the scheme is not Gopher's, the host is missing, a
   *     percent escape is malformed or the item type is not an ASCII character
   */
  public static GopherUrl parse(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("gopher") && !scheme.equals("gophers")) {
      throw new IllegalArgumentException("not a gopher URL: " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    String host = url.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = url.getPort() < 0 ? Protocol.GOPHER.defaultPort() : url.getPort();
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      path = path + "?" + url.getRawQuery();
    }
    if (path.length() <= 1) {
      return new GopherUrl(scheme.equals("gophers"), host, port, '1', "", null);
    }
    // Decoded before the type is taken: toUri() percent-encodes a type such as '?' or '#', and
    // the URL must read back as the same item (found by fuzzing).
    String decoded = ClientProvider.decode(path.substring(1));
    char type = decoded.charAt(0);
    if (type > 0x7f) {
      // Item types are single ASCII characters; a non-ASCII one (half of a surrogate pair, even)
      // could not be written back (found by fuzzing).
      throw new IllegalArgumentException("a Gopher item type is one ASCII character: " + url);
    }
    String rest = decoded.substring(1);
    int tab = rest.indexOf('\t');
    String selector = tab < 0 ? rest : rest.substring(0, tab);
    String search = tab < 0 ? null : rest.substring(tab + 1);
    return new GopherUrl(scheme.equals("gophers"), host, port, type, selector, search);
  }

  /** The item type. */
  public GopherType kind() {
    return GopherType.of(type);
  }

  /** Where to connect. */
  public Endpoint endpoint() {
    return Endpoint.of(host, port);
  }

  /** The URL, with the selector and search percent-encoded and the port left out when 70. */
  public URI toUri() {
    StringBuilder url = new StringBuilder(tls ? "gophers://" : "gopher://");
    url.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
    if (port != Protocol.GOPHER.defaultPort()) {
      url.append(':').append(port);
    }
    url.append('/').append(encode(String.valueOf(type))).append(encode(selector));
    if (search != null) {
      url.append("%09").append(encode(search));
    }
    return URI.create(url.toString());
  }

  @Override
  public String toString() {
    return toUri().toString();
  }

  private static String encode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean plain =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || (c < 0x80 && KEEP.indexOf(c) >= 0);
      if (plain) {
        out.write(c);
      } else {
        out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
      }
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
