package io.netkit.imap.internal;

import io.netkit.core.NetTlsRequiredException;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetException;
import io.netkit.core.NetNotFoundException;
import io.netkit.imap.ImapReplyException;
import io.netkit.mail.internal.MailFailures;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;

/**
 * Turns what Angus throws into netkit's typed exceptions. IMAP's refusals have no numeric code,
 * so they are mapped here rather than in the mail glue: a tagged {@code NO} or {@code BAD} keeps
 * its text and response code, and the code decides the type ({@code [AUTHENTICATIONFAILED]} a
 * rejected login, {@code [NONEXISTENT]} and {@code [TRYCREATE]} a missing mailbox). Everything
 * else (connect failures, timeouts, TLS) goes to the glue's {@link MailFailures}, after looking
 * for the I/O failure a connection recorded, which Angus reduces to a text.
 */
final class Failures {
  private static final Pattern TAGGED = Pattern.compile("^\\S+\\s+(OK|NO|BAD|BYE)\\b\\s*(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern CODE = Pattern.compile("^\\[([A-Za-z0-9.-]+)");
  private static final Set<String> LOGIN_CODES =
      Set.of("AUTHENTICATIONFAILED", "AUTHORIZATIONFAILED", "EXPIRED", "PRIVACYREQUIRED");
  private static final Set<String> MISSING_CODES = Set.of("NONEXISTENT", "TRYCREATE");

  private Failures() {}

  /** The netkit exception for {@code failure}, which happened while {@code doing} something. */
  static NetException translate(Guards guards, Exception failure, String doing) {
    ErrorContext context = guards.context();
    if (failure instanceof NetException net) {
      return net;
    }
    TransportFailure transport = find(failure, TransportFailure.class);
    if (transport != null && transport.getCause() instanceof IOException io) {
      return io instanceof NetException net ? net : MailFailures.translate(context, io, doing);
    }
    TlsPolicyException tls = find(failure, TlsPolicyException.class);
    if (tls != null) {
      return new NetTlsRequiredException(context, tls.getMessage(), failure);
    }
    AuthenticationFailedException auth = find(failure, AuthenticationFailedException.class);
    ProtocolException refused = refusal(failure);
    if (refused != null && auth == null) {
      return refused(context, refused.getResponse(), doing);
    }
    if (auth != null) {
      String text = clean(auth.getMessage());
      return new NetAuthenticationException(
          context, "login refused: " + (text.isEmpty() ? "(no reply)" : text), -1, text);
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    if (message.contains("No login methods supported")) {
      return new NetAuthenticationException(
          context,
          "the server offers no login this client may use (LOGINDISABLED, and none of the"
              + " AUTHENTICATE mechanisms in ImapOptions.authMechanisms)",
          -1,
          null);
    }
    FolderNotFoundException missing = find(failure, FolderNotFoundException.class);
    if (missing != null) {
      String name = missing.getFolder() == null ? "" : " '" + missing.getFolder().getFullName() + "'";
      return new NetNotFoundException(
          context, NetNotFoundException.Target.CONTAINER, "no mailbox" + name, doing);
    }
    IOException recorded = guards.lastFailure();
    if (recorded != null) {
      return recorded instanceof NetException net ? net : MailFailures.translate(context, recorded, doing);
    }
    return MailFailures.translate(context, failure, doing);
  }

  /** The tagged NO or BAD the server answered, as a typed exception. */
  static NetException refused(ErrorContext context, Response response, String doing) {
    String line = response == null ? "" : clean(response.toString());
    Matcher m = TAGGED.matcher(line);
    String status = m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : "NO";
    String text = m.matches() ? m.group(2) : line;
    Matcher c = CODE.matcher(text);
    String code = c.find() ? c.group(1).toUpperCase(Locale.ROOT) : null;
    if (code != null && LOGIN_CODES.contains(code)) {
      return new NetAuthenticationException(
          context, "login refused: " + status + " " + text, -1, status + " " + text);
    }
    if (code != null && MISSING_CODES.contains(code)) {
      return new NetNotFoundException(
          context, NetNotFoundException.Target.CONTAINER, status + " " + text, doing);
    }
    return new ImapReplyException(context, status, code, text, doing);
  }

  /** A command's NO or BAD in the chain (Angus's {@code CommandFailedException}, ...), or null. */
  private static ProtocolException refusal(Throwable failure) {
    int guard = 0;
    for (Throwable t = failure; t != null && guard++ < 32; t = MailFailures.next(t)) {
      if (t instanceof ProtocolException p
          && !(t instanceof TransportFailure)
          && p.getResponse() != null
          && (p.getResponse().isNO() || p.getResponse().isBAD())) {
        return p;
      }
    }
    return null;
  }

  static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    return MailFailures.find(failure, type);
  }

  /** A server text on one line, without control characters, at most 300 characters. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("[\\p{Cntrl}]+", " ").trim();
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
