package io.netkit.imap;

import io.netkit.core.Protocol;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.core.spi.ClientProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IMAP URL as RFC 5092 defines it, read as curl reads it too: {@code
 * imap[s]://[user[;AUTH=mech]@]host[:port]/[MAILBOX[;UIDVALIDITY=n][/;UID=n[/;SECTION=x]]]} and
 * {@code imap://host/MAILBOX?SEARCH-KEYS}. curl's shorter {@code /MAILBOX;UID=n;SECTION=x} (no
 * slash before {@code ;UID}) is accepted too. The mailbox is percent-decoded UTF-8 (so {@code
 * Entw%C3%BCrfe} is {@code Entwürfe}), slashes included: {@code imap://h/Lists/netkit} is the
 * mailbox {@code Lists/netkit}. The search keys are percent-decoded and kept in IMAP syntax. The
 * port defaults to 143, or 993 for {@code imaps}. Immutable.
 *
 * <pre>{@code
 * ImapUrl.parse(URI.create("imap://bob;AUTH=*@h/INBOX/;UID=20/;SECTION=1.2"))
 * ImapUrl.parse(URI.create("imaps://h/INBOX?UNSEEN"))
 * }</pre>
 *
 * @param tls true for {@code imaps} (implicit TLS)
 * @param host the host
 * @param port the port
 * @param user the user name from the URL, or null
 * @param authMechanism the {@code ;AUTH=} mechanism, upper case ({@code *} = any), or null
 * @param mailbox the decoded mailbox name; empty when the URL names the server (its mailbox list)
 * @param uidValidity the {@code ;UIDVALIDITY=} the URL was made under, or -1
 * @param uid the {@code ;UID=}, or -1 when the URL names a mailbox
 * @param section the {@code ;SECTION=} (a part such as {@code 1.2}), or empty for the whole message
 * @param search the decoded search keys after {@code ?}, or null
 */
public record ImapUrl(
    boolean tls,
    String host,
    int port,
    String user,
    String authMechanism,
    String mailbox,
    long uidValidity,
    long uid,
    String section,
    String search) {
  private static final Pattern PARAMETER =
      Pattern.compile(";(UIDVALIDITY|UID|SECTION)=([^;/]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTH = Pattern.compile(";AUTH=([^;:@]*)", Pattern.CASE_INSENSITIVE);

  /** Checks the parts. */
  public ImapUrl {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(section, "section");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    UnsafeArgumentException.requireSafe("URL mailbox", mailbox);
    UnsafeArgumentException.requireSafe("URL section", section);
    if (search != null) {
      UnsafeArgumentException.requireSafe("URL search", search);
    }
    if (uid != -1 && mailbox.isEmpty()) {
      throw new IllegalArgumentException("a ;UID= needs a mailbox");
    }
    if (!section.isEmpty() && uid == -1) {
      throw new IllegalArgumentException("a ;SECTION= needs a ;UID=");
    }
  }

  /**
   * Parses an {@code imap} or {@code imaps} URL.
   *
   * @throws IllegalArgumentException when the scheme is not IMAP's, the host is missing, a
   *     parameter is malformed or a decoded part contains CR, LF or NUL
   */
  public static ImapUrl parse(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("imap") && !scheme.equals("imaps")) {
      throw new IllegalArgumentException("not an imap URL: " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    String host = url.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean tls = scheme.equals("imaps");
    int port = url.getPort() < 0 ? Protocol.IMAP.defaultPort(scheme) : url.getPort();
    String user = null;
    String auth = null;
    String info = url.getRawUserInfo();
    if (info != null) {
      Matcher m = AUTH.matcher(info);
      if (m.find()) {
        auth = ClientProvider.decode(m.group(1)).toUpperCase(Locale.ROOT);
        info = info.substring(0, m.start()) + info.substring(m.end());
      }
      int colon = info.indexOf(':');
      String rawUser = colon < 0 ? info : info.substring(0, colon);
      user = rawUser.isEmpty() ? null : ClientProvider.decode(rawUser);
    }
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    long uidValidity = -1;
    long uid = -1;
    String section = "";
    int firstParameter = path.indexOf(';');
    String rawMailbox = firstParameter < 0 ? path : path.substring(0, firstParameter);
    if (rawMailbox.endsWith("/")) {
      rawMailbox = rawMailbox.substring(0, rawMailbox.length() - 1);
    }
    if (firstParameter >= 0) {
      String rest = path.substring(firstParameter);
      Matcher m = PARAMETER.matcher(rest);
      int at = 0;
      while (m.find()) {
        String between = rest.substring(at, m.start());
        if (!between.isEmpty() && !between.equals("/")) {
          throw new IllegalArgumentException("unexpected '" + between + "' in IMAP URL " + url);
        }
        String name = m.group(1).toUpperCase(Locale.ROOT);
        String value = ClientProvider.decode(m.group(2));
        switch (name) {
          case "UIDVALIDITY" -> uidValidity = number(value, "UIDVALIDITY", url);
          case "UID" -> uid = number(value, "UID", url);
          default -> section = value.toUpperCase(Locale.ROOT);
        }
        at = m.end();
      }
      String tail = rest.substring(at);
      if (!tail.isEmpty() && !tail.equals("/")) {
        throw new IllegalArgumentException("unexpected '" + tail + "' in IMAP URL " + url);
      }
    }
    String mailbox = ClientProvider.decode(rawMailbox);
    String search = url.getRawQuery() == null ? null : ClientProvider.decode(url.getRawQuery());
    return new ImapUrl(tls, host, port, user, auth, mailbox, uidValidity, uid, section, search);
  }

  private static long number(String value, String what, URI url) {
    try {
      long n = Long.parseLong(value);
      if (n >= 1 && n <= Uids.MAX) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(";" + what + "= wants a number 1 to 4294967295 in " + url);
  }

  /** The UID when the URL names a message. */
  public OptionalLong knownUid() {
    return uid < 0 ? OptionalLong.empty() : OptionalLong.of(uid);
  }

  /** The search keys when the URL has a {@code ?} part. */
  public Optional<String> knownSearch() {
    return Optional.ofNullable(search);
  }

  /** The URL of a mailbox on the server {@code server} names (its scheme, host and port). */
  public static URI mailboxUri(URI server, String mailbox) {
    return URI.create(root(server) + encode(mailbox, true));
  }

  /** The URL of message {@code uid} in {@code mailbox}. */
  public static URI messageUri(URI server, String mailbox, long uid) {
    return URI.create(root(server) + encode(mailbox, true) + "/;UID=" + Uids.check(uid));
  }

  private static String root(URI server) {
    String authority = server.getRawAuthority() == null ? "" : server.getRawAuthority();
    int at = authority.lastIndexOf('@');
    return server.getScheme().toLowerCase(Locale.ROOT) + "://"
        + (at >= 0 ? authority.substring(at + 1) : authority) + "/";
  }

  /** Percent-encodes a mailbox name as UTF-8 for a URL path (slashes kept when asked). */
  static String encode(String name, boolean keepSlash) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,=:@".indexOf(c) >= 0 || (keepSlash && c == '/')) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
