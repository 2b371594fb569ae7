package io.netkit.mail.internal;

import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.trace.TraceMasker;
import io.netkit.core.transport.SocketFactories;
import jakarta.mail.Session;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;

/**
 * Builds Angus sessions whose every socket is the core's. For a protocol and {@link NetOptions}:
 *
 * <ul>
 *   <li>The provider is the implicit-TLS one ({@code smtps}, {@code imaps}, {@code pop3s}) for
 *       {@link TlsMode#IMPLICIT}, else the plain one; {@code mail.<p>.ssl.enable} says the same.
 *   <li>Sockets: {@code mail.<p>.socketFactory} is put as an object (Angus ignores factories set
 *       as strings) with {@code mail.<p>.socketFactory.fallback=false}, so a failing factory is an
 *       error and never a silent {@code new Socket()}. Plain and STARTTLS sessions get the core's
 *       plain factory for the connection and its TLS factory as {@code mail.<p>.ssl.socketFactory}
 *       for the STARTTLS upgrade (which layers over the core's socket and takes its trace over).
 *       Implicit-TLS sessions get only a plain factory whose sockets are core TLS sockets ({@link
 *       ImplicitTlsSocketFactory} says why) and no {@code ssl.socketFactory}, which would make
 *       Angus open its own socket. Both frame reads as {@link MailProtocol#framing()} says
 *       ({@code REPLIES} for SMTP, {@code LINES} for POP3 and IMAP): one line per read (so a
 *       STARTTLS upgrade refuses bytes injected after the go-ahead), lines longer than {@link
 *       NetOptions#maxLineLength()} fail the read, and for SMTP whole replies are bounded too. The connection factory
 *       remembers its sockets so that {@link MailSession#abort()} can cut them.
 *   <li>Timeouts: {@code connectiontimeout} and {@code timeout} are always set from the options
 *       (Angus's defaults are infinite; the core's sockets would replace an infinite one anyway).
 *       Writes are bounded by the core's sockets themselves, through the core's one shared
 *       watchdog thread. {@code writetimeout} is deliberately <em>not</em> set: Angus would wrap
 *       the core's socket in its {@code WriteTimeoutSocket}, which is no {@code SSLSocket} (so an
 *       implicit-TLS socket would get a second TLS layer) and no core socket (so a STARTTLS
 *       upgrade could no longer take the trace over), and it would cost an executor.
 *   <li>TLS: {@code ssl.checkserveridentity} follows {@link
 *       io.netkit.core.Trust#verifiesHostnames()} (true unless the trust is the insecure test
 *       value); {@code starttls.enable} for {@link TlsMode#STARTTLS_IF_OFFERED} and {@link
 *       TlsMode#STARTTLS_REQUIRED}, {@code starttls.required} for the latter (Angus then fails
 *       before any AUTH when the server offers no STARTTLS).
 *   <li>Debugging: Angus's debug output is off ({@code mail.debug=false}, {@code
 *       mail.debug.auth=false}, a debug stream that discards) so nothing, credentials included,
 *       reaches stdout; the core's trace is the transcript, with {@link
 *       TraceMasker#authExchanges()} added to the options' masker so that AUTH PLAIN's blob, AUTH
 *       LOGIN's base64 lines, XOAUTH2's token and IMAP LOGIN's arguments are masked whatever else
 *       the caller masks.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class MailSessions {
  /** Settings a caller may not change: they are what keeps every socket the core's. */
  private static final Set<String> RESERVED =
      Set.of(
          "socketfactory",
          "socketfactory.class",
          "socketfactory.fallback",
          "socketfactory.port",
          "ssl.socketfactory",
          "ssl.socketfactory.class",
          "ssl.socketfactory.port",
          "ssl.enable",
          "ssl.trust",
          "ssl.checkserveridentity",
          "ssl.hostnameverifier",
          "ssl.hostnameverifier.class",
          "starttls.enable",
          "starttls.required",
          "connectiontimeout",
          "timeout",
          "writetimeout",
          "executor.writetimeout",
          "proxy.host",
          "proxy.port",
          "socks.host",
          "socks.port",
          "usesocketchannels");

  private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

  private MailSessions() {}

  /** A session for {@code protocol} under {@code options}, with no further settings. */
  public static MailSession open(MailProtocol protocol, NetOptions options) {
    return open(protocol, options, Map.of());
  }

  /**
   * A session for {@code protocol} under {@code options}, plus settings: a name that starts with
   * {@code mail.} is taken whole ({@code "mail.mime.allowutf8"}), any other is a protocol setting
   * named by its suffix after {@code mail.<p>.} (e.g. {@code "auth.mechanisms"} -> {@code "PLAIN
   * LOGIN"}, {@code "localhost"} -> the EHLO name). Values are put as given.
   *
   * @throws IllegalArgumentException when a setting would change how sockets, TLS or timeouts are
   *     made (those come from {@code options} only)
   */
  public static MailSession open(
      MailProtocol protocol, NetOptions options, Map<String, ?> settings) {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(settings, "settings");
    NetOptions masked =
        options.toBuilder()
            .traceMasker(options.traceMasker().andThen(TraceMasker.authExchanges()))
            .build();
    TlsMode mode = masked.tlsMode();
    String name = protocol.providerName(mode);
    String p = "mail." + name + ".";
    String label = protocol.label();
    Properties props = new Properties();
    SSLSocketFactory tls = SocketFactories.tls(masked, label, protocol.framing());
    TrackingSocketFactory sockets;
    if (mode == TlsMode.IMPLICIT) {
      sockets = new TrackingSocketFactory(new ImplicitTlsSocketFactory(tls));
    } else {
      // STARTTLS layers over the tracked plain socket: closing that one cuts the TLS one too.
      sockets =
          new TrackingSocketFactory(
              SocketFactories.plain(masked, label, protocol.framing()));
      props.put(p + "ssl.socketFactory", tls);
    }
    props.put(p + "socketFactory", sockets);
    props.put(p + "socketFactory.fallback", "false");
    props.put(p + "ssl.enable", Boolean.toString(mode == TlsMode.IMPLICIT));
    props.put(p + "ssl.checkserveridentity", Boolean.toString(masked.trust().verifiesHostnames()));
    props.put(
        p + "starttls.enable",
        Boolean.toString(mode == TlsMode.STARTTLS_IF_OFFERED || mode == TlsMode.STARTTLS_REQUIRED));
    props.put(p + "starttls.required", Boolean.toString(mode == TlsMode.STARTTLS_REQUIRED));
    props.put(p + "connectiontimeout", millis(masked.connectTimeout()));
    props.put(p + "timeout", millis(masked.readTimeout()));
    props.put(p + "usesocketchannels", "false");
    props.put("mail.debug", "false");
    props.put("mail.debug.auth", "false");
    props.put("mail.debug.auth.password", "false");
    for (Map.Entry<String, ?> setting : settings.entrySet()) {
      String key = Objects.requireNonNull(setting.getKey(), "setting name");
      String full = key.startsWith("mail.") ? key : p + key;
      if (reserved(full, p)) {
        throw new IllegalArgumentException(full + " is set from NetOptions and cannot be overridden");
      }
      props.put(full, Objects.requireNonNull(setting.getValue(), key));
    }
    Session session = Session.getInstance(props);
    session.setDebug(false);
    session.setDebugOut(DISCARD);
    return new MailSession(protocol, name, session, masked, sockets::closeAll);
  }

  /** True for the settings that keep sockets, TLS, timeouts and debugging as netkit makes them. */
  private static boolean reserved(String full, String prefix) {
    String lower = full.toLowerCase(Locale.ROOT);
    if (lower.startsWith("mail.debug")) {
      return true;
    }
    for (String other : new String[] {"smtp", "smtps", "pop3", "pop3s", "imap", "imaps"}) {
      String start = "mail." + other + ".";
      if (lower.startsWith(start) && RESERVED.contains(lower.substring(start.length()))) {
        return true;
      }
    }
    return lower.startsWith(prefix.toLowerCase(Locale.ROOT))
        && RESERVED.contains(lower.substring(prefix.length()));
  }

  /** Milliseconds as Angus reads them: a decimal string, at least 1, at most an int. */
  static String millis(Duration d) {
    long ms = Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    return Long.toString(ms);
  }
}
