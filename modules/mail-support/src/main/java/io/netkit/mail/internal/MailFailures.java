package io.netkit.mail.internal;

import io.netkit.core.NetTlsRequiredException;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;

/**
 * Turns Angus's failures (the {@link MessagingException} family, and the JDK's and the core's
 * exceptions it wraps) into netkit's typed exceptions, so callers of the mail modules see what
 * every other module throws:
 *
 * <ul>
 *   <li>a core exception anywhere in the cause chain (a timeout or deadline of the core's socket,
 *       an overlong line, a TLS failure the core named) is returned as it is: it is the real
 *       cause, already typed and placed;
 *   <li>{@link AuthenticationFailedException} -> {@link NetAuthenticationException} with the
 *       server's reply code and text when the message is a reply;
 *   <li>{@code SMTPSenderFailedException}, {@code SMTPAddressFailedException}, {@code
 *       SMTPSendFailedException} -> {@link NetReplyException} with the command, code and text;
 *   <li>connect failures ({@code MailConnectException}, {@link ConnectException}, {@link
 *       UnknownHostException}) -> {@link NetConnectException}; a connect that timed out, and any
 *       {@link SocketTimeoutException} -> {@link NetTimeoutException};
 *   <li>{@link SSLException}, and STARTTLS required but not offered -> {@link NetTlsException};
 *   <li>a closed store or folder, and anything else -> {@link NetProtocolException}.
 * </ul>
 *
 * <p>IMAP's tagged NO and BAD replies have no numeric code, which {@link NetReplyException}
 * needs: the IMAP module maps those (and a missing mailbox) itself, before calling this.
 *
 * <p>Messages are one line, built from server replies and Angus's own texts, which never carry
 * a password (Angus prints passwords nowhere with debugging off, which {@link MailSessions}
 * ensures). Stateless.
 */
public final class MailFailures {
  private static final Pattern STARTTLS_REQUIRED =
      Pattern.compile("(starttls|stls).*requir|requir.*(starttls|stls)");

  private MailFailures() {}

  /**
   * The netkit exception for {@code failure}, which happened while {@code doing} something
   * ({@code "connecting"}, {@code "sending"}) in {@code context}.
   */
  public static NetException translate(ErrorContext context, Exception failure, String doing) {
    NetException core = find(failure, NetException.class);
    if (core != null) {
      return core;
    }
    if (failure instanceof AuthenticationFailedException auth) {
      ServerReply reply = ServerReply.parse(auth.getMessage());
      String said = reply.oneLine().isEmpty() ? "(no reply)" : oneLine(reply.oneLine());
      return new NetAuthenticationException(
          context, "authentication refused: " + said, reply.code(), reply.code() < 0 ? said : reply.text());
    }
    NetReplyException refused = refusal(context, failure);
    if (refused != null) {
      return refused;
    }
    Throwable io = failure instanceof MessagingException m ? m.getNextException() : failure.getCause();
    MailConnectException connect = find(failure, MailConnectException.class);
    if (find(failure, SocketTimeoutException.class) != null) {
      return new NetTimeoutException(
          context,
          (connect != null ? "timed out connecting" : "timed out while " + doing)
              + ": " + oneLine(find(failure, SocketTimeoutException.class).getMessage()),
          failure);
    }
    SSLException tls = find(failure, SSLException.class);
    if (tls != null) {
      return new NetTlsException(
          context, "TLS failed while " + doing + ": " + oneLine(tls.getMessage()), failure);
    }
    if (find(failure, UnknownHostException.class) != null) {
      return new NetConnectException(context, "cannot resolve host", failure);
    }
    if (connect != null
        || find(failure, SocketConnectException.class) != null
        || find(failure, ConnectException.class) != null
        || find(failure, NoRouteToHostException.class) != null) {
      Throwable why = deepest(failure);
      return new NetConnectException(context, "cannot connect: " + oneLine(why.getMessage()), failure);
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    if (STARTTLS_REQUIRED.matcher(message.toLowerCase(Locale.ROOT)).find()) {
      return new NetTlsRequiredException(
          context, "TLS is required but the server does not offer STARTTLS; nothing was sent in clear", failure);
    }
    if (failure instanceof StoreClosedException || failure instanceof FolderClosedException) {
      return new NetProtocolException(
          context, "the server closed the connection while " + doing, failure);
    }
    if (io instanceof IOException ioe && !(io instanceof NetException)) {
      return new NetProtocolException(
          context, "connection failed while " + doing + ": " + oneLine(ioe.getMessage()), failure);
    }
    return new NetProtocolException(
        context, "failed while " + doing + ": " + oneLine(message), failure);
  }

  /** A refusal with a reply code from the SMTP provider, or null. */
  private static NetReplyException refusal(ErrorContext context, Exception failure) {
    // A SendFailedException's chain holds one exception per refused address: the first speaks.
    for (Exception e = failure; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
      if (e instanceof SMTPAddressFailedException a && a.getReturnCode() > 0) {
        return reply(context, a.getReturnCode(), a.getMessage(), a.getCommand());
      }
      if (e instanceof SMTPSenderFailedException s && s.getReturnCode() > 0) {
        return reply(context, s.getReturnCode(), s.getMessage(), s.getCommand());
      }
      if (e instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
        return reply(context, s.getReturnCode(), s.getMessage(), s.getCommand());
      }
    }
    return null;
  }

  /** The server refused {@code command} with {@code response} (Angus's text, code included). */
  public static NetReplyException reply(
      ErrorContext context, int code, String response, String command) {
    ServerReply reply = ServerReply.parse(response);
    String text = reply.code() == code ? reply.text() : oneLine(response == null ? "" : response);
    return new NetReplyException(context, code, oneLine(text), command == null ? null : oneLine(command));
  }

  /** The first throwable of type {@code type} in the chain (causes and next exceptions), or null. */
  public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    int guard = 0;
    for (Throwable t = failure; t != null && guard++ < 32; t = next(t)) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /**
   * The next throwable in a failure's chain: a {@code MessagingException}'s next exception
   * (where Angus keeps the I/O failure), else the cause; null at the end.
   */
  public static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static Throwable deepest(Throwable failure) {
    Throwable last = failure;
    int guard = 0;
    for (Throwable t = failure; t != null && guard++ < 32; t = next(t)) {
      last = t;
    }
    return last;
  }

  /** A text on one line, at most 300 characters. */
  public static String oneLine(String text) {
    if (text == null || text.isBlank()) {
      return "(no detail)";
    }
    String flat = text.replace("\r", "").replace('\n', ' ').trim();
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
