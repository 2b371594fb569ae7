package io.netkit.pop3;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.Protocol;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.core.spi.ClientProvider;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A POP3 URL (RFC 2384): {@code pop3://[user[;AUTH=mechanism][:password]@]host[:port][/N]}, and
 * {@code pop3s://} for implicit TLS (port 995). The password part is curl's extension; {@code /N}
 * names message N (curl's extension too: RFC 2384 names only the mailbox). {@code ;AUTH=*} (or no
 * {@code ;AUTH}) means any mechanism, {@code ;AUTH=+APOP} APOP, {@code ;AUTH=PLAIN} SASL PLAIN,
 * {@code ;AUTH=XOAUTH2} XOAUTH2 with the password as the token, {@code ;AUTH=+USER} USER/PASS.
 * User, password and every other part are percent-decoded and checked for CR, LF and NUL before
 * anything connects. Immutable.
 *
 * @param tls true for {@code pop3s}
 * @param host the host
 * @param port the port (110 or 995 when the URL has none)
 * @param user the user, or null
 * @param password the password or token, or null
 * @param login how to log in
 * @param message the message number, or 0 when the URL names the mailbox
 */
public record Pop3Url(
    boolean tls, String host, int port, String user, String password, Pop3Login login, int message) {

  /** Checks the parts. */
  public Pop3Url {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(login, "login");
    UnsafeArgumentException.requireSafe("host", host);
    if (user != null) {
      UnsafeArgumentException.requireSafe("user name", user);
    }
    if (password != null) {
      UnsafeArgumentException.requireSafe("password", password);
    }
    if (port < 1 || port > 65_535 || message < 0) {
      throw new IllegalArgumentException("bad POP3 URL part: port " + port + ", message " + message);
    }
  }

  /**
   * Parses a {@code pop3} or {@code pop3s} URL.
   *
   * @throws IllegalArgumentException when the scheme is not POP3's, the host is missing, the path
   *     is not {@code /} or {@code /N}, the mechanism is unknown, or a part holds CR, LF or NUL
   *     ({@link UnsafeArgumentException})
   */
  public static Pop3Url parse(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("pop3") && !scheme.equals("pop3s")) {
      throw new IllegalArgumentException("not a pop3 URL: " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    String host = url.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean tls = scheme.equals("pop3s");
    int port = url.getPort() > 0 ? url.getPort() : Protocol.POP3.defaultPort(scheme);
    String user = null;
    String password = null;
    Pop3Login login = Pop3Login.ANY;
    String info = url.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      String userPart = colon < 0 ? info : info.substring(0, colon);
      password = colon < 0 ? null : ClientProvider.decode(info.substring(colon + 1));
      int auth = indexOfIgnoringCase(userPart, ";AUTH=");
      if (auth >= 0) {
        login = login(ClientProvider.decode(userPart.substring(auth + 6)));
        userPart = userPart.substring(0, auth);
      }
      user = ClientProvider.decode(userPart);
    }
    return new Pop3Url(tls, host, port, user, password, login, message(url));
  }

  /**
   * Where {@code what} starts in {@code text}, ignoring case, or -1. Not {@code
   * text.toUpperCase().indexOf(...)}: upper-casing may change a string's length (U+03B0 becomes
   * three characters), and the index would then point past the user name (a fuzzer found it).
   */
  private static int indexOfIgnoringCase(String text, String what) {
    for (int i = 0; i + what.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, what, 0, what.length())) {
        return i;
      }
    }
    return -1;
  }

  private static Pop3Login login(String mechanism) {
    return switch (mechanism.toUpperCase(Locale.ROOT)) {
      case "*" -> Pop3Login.ANY;
      case "+APOP" -> Pop3Login.APOP;
      case "+USER" -> Pop3Login.USER_PASS;
      case "PLAIN" -> Pop3Login.SASL_PLAIN;
      case "XOAUTH2" -> Pop3Login.XOAUTH2;
      default -> throw new IllegalArgumentException(
          "unsupported POP3 ;AUTH= mechanism (use *, +APOP, +USER, PLAIN or XOAUTH2)");
    };
  }

  private static int message(URI url) {
    String raw = url.getRawPath() == null ? "" : url.getRawPath();
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("a POP3 URL has no query or fragment: " + url);
    }
    String path = ClientProvider.decode(raw);
    UnsafeArgumentException.requireSafe("path", path);
    if (path.isEmpty() || path.equals("/")) {
      return 0;
    }
    String number = path.substring(1);
    if (!number.chars().allMatch(c -> c >= '0' && c <= '9') || number.length() > 9) {
      throw new IllegalArgumentException("a POP3 URL path is / or /N (a message number): " + url);
    }
    int n = Integer.parseInt(number);
    if (n < 1) {
      throw new IllegalArgumentException("POP3 message numbers start at 1: " + url);
    }
    return n;
  }

  /** The message number, when the URL names one. */
  public OptionalInt messageNumber() {
    return message == 0 ? OptionalInt.empty() : OptionalInt.of(message);
  }

  /** Where to connect, with the credentials when the URL has a user. */
  public Endpoint endpoint() {
    Endpoint endpoint = Endpoint.of(host, port);
    return user == null ? endpoint : endpoint.withCredentials(new Credentials(user, password == null ? "" : password));
  }

  /** The URL of message {@code number} in this URL's mailbox (without credentials). */
  public URI messageUri(int number) {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    boolean defaultPort = port == Protocol.POP3.defaultPort(tls ? "pop3s" : "pop3");
    return URI.create((tls ? "pop3s://" : "pop3://") + h + (defaultPort ? "" : ":" + port) + "/" + number);
  }

  @Override
  public String toString() {
    return messageUri(message).toString().replaceAll("/0$", "/");
  }
}
