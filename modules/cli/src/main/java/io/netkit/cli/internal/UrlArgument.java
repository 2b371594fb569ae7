package io.netkit.cli.internal;

import io.netkit.cli.ExitCode;
import io.netkit.core.Credentials;
import io.netkit.core.UnsafeArgumentException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Parses and checks a URL from the command line, before anything is sent: it must be absolute,
 * have a host (unless its scheme's provider serves URLs without one, as {@code news:} does), and
 * contain no CR, LF or NUL even once percent-decoded. Credentials from {@code
 * -u} replace the URL's userinfo (as in curl).
 */
public final class UrlArgument {
  private UrlArgument() {}

  /**
   * The URL, with {@code credentials} (when not null) as its userinfo.
   *
   * @throws UsageException when the URL is malformed, relative, has no host, or hides a control
   *     character
   */
  public static URI parse(String text, Credentials credentials) {
    return parse(text, credentials, scheme -> false);
  }

  /**
   * The URL, with {@code credentials} (when not null) as its userinfo; a URL without a host is
   * taken when {@code allowsNoHost} says so for its scheme (then without {@code -u}: there is no
   * authority to put the credentials in).
   *
   * @throws UsageException when the URL is malformed, relative, has no host where one is needed,
   *     or hides a control character
   */
  public static URI parse(
      String text, Credentials credentials, java.util.function.Predicate<String> allowsNoHost) {
    URI url;
    try {
      url = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new UsageException(
          "bad URL '" + visible(text) + "': " + e.getReason(), ExitCode.BAD_URL);
    }
    if (url.getScheme() == null) {
      throw new UsageException(
          "bad URL '" + visible(text) + "': no scheme (try gopher://host/)", ExitCode.BAD_URL);
    }
    boolean hostless = url.isOpaque() || url.getHost() == null;
    if (hostless && !allowsNoHost.test(url.getScheme())) {
      throw new UsageException("bad URL '" + visible(text) + "': no host", ExitCode.BAD_URL);
    }
    if (hostless && credentials != null) {
      throw new UsageException(
          "bad URL '" + visible(text) + "': -u needs a URL with a host", ExitCode.BAD_URL);
    }
    try {
      // Decoded parts are what protocols send: %0D%0A must not smuggle a second command.
      String[] parts =
          url.isOpaque()
              ? new String[] {url.getSchemeSpecificPart()}
              : new String[] {url.getPath(), url.getQuery(), url.getUserInfo()};
      for (String part : parts) {
        if (part != null) {
          UnsafeArgumentException.requireSafe("URL", part);
        }
      }
    } catch (UnsafeArgumentException e) {
      throw new UsageException("bad URL: " + e.getMessage(), ExitCode.BAD_URL);
    }
    return credentials == null ? url : withCredentials(url, credentials);
  }

  /** The URL with its userinfo replaced by {@code credentials}, percent-encoded. */
  static URI withCredentials(URI url, Credentials credentials) {
    StringBuilder s = new StringBuilder(url.getScheme()).append("://");
    s.append(encode(credentials.user())).append(':').append(encode(credentials.password()));
    s.append('@').append(url.getRawAuthority().substring(rawUserInfoLength(url)));
    if (url.getRawPath() != null) {
      s.append(url.getRawPath());
    }
    if (url.getRawQuery() != null) {
      s.append('?').append(url.getRawQuery());
    }
    if (url.getRawFragment() != null) {
      s.append('#').append(url.getRawFragment());
    }
    return URI.create(s.toString());
  }

  private static int rawUserInfoLength(URI url) {
    return url.getRawUserInfo() == null ? 0 : url.getRawUserInfo().length() + 1;
  }

  /** A name percent-encoded for one URL path segment (RFC 3986's unreserved characters kept). */
  public static String encodeSegment(String name) {
    return encode(name);
  }

  /** Percent-encodes everything but RFC 3986's unreserved characters. */
  static String encode(String text) {
    StringBuilder s = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
        s.append((char) c);
      } else {
        s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        s.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return s.toString();
  }

  /** The URL as the user typed it, minus any password, for error messages. */
  private static String visible(String text) {
    return text.replaceAll("(//[^/@:]*):[^/@]*@", "$1:****@").replaceAll("[\\r\\n\\x00]", "?");
  }
}
