package io.netkit.ftp.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetException;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.ftp.FTPConnectionClosedException;

/**
 * Turns what Commons Net reports (booleans, nulls, reply codes, and the JDK's exceptions) into
 * netkit's typed exceptions, so no caller ever checks a boolean.
 */
final class Failures {
  private static final int FILE_UNAVAILABLE = 550;

  private Failures() {}

  /** The server refused: its last reply, as a {@link NetReplyException}. */
  static NetReplyException refused(Engine engine, String what) {
    return new NetReplyException(engine.context(), engine.getReplyCode(), engine.replyText(), what);
  }

  /**
   * The server refused: a {@link NetNotFoundException} about {@code missing} when the reply is
   * 550 (RFC 959: "file unavailable (e.g., file not found, no access)"), as curl reads a 550 to
   * RETR (its "remote file not found") or to CWD (its "access denied"); otherwise {@link #refused}.
   */
  static NetReplyException refused(Engine engine, String what, NetNotFoundException.Target missing) {
    if (engine.getReplyCode() == FILE_UNAVAILABLE) {
      return new NetNotFoundException(
          engine.context(), missing, engine.getReplyCode(), engine.replyText(), what);
    }
    return refused(engine, what);
  }

  /** Throws {@link #refused} unless the last reply was a positive completion (2xx). */
  static void requireCompletion(Engine engine, boolean ok, String what) throws NetReplyException {
    if (!ok || engine.getReplyCode() < 200 || engine.getReplyCode() >= 300) {
      throw refused(engine, what);
    }
  }

  /** As {@link #requireCompletion(Engine, boolean, String)}, a 550 meaning {@code missing}. */
  static void requireCompletion(
      Engine engine, boolean ok, String what, NetNotFoundException.Target missing)
      throws NetReplyException {
    if (!ok || engine.getReplyCode() < 200 || engine.getReplyCode() >= 300) {
      throw refused(engine, what, missing);
    }
  }

  /** Translates an I/O failure while {@code doing} something into a typed exception. */
  static NetException translate(ErrorContext context, IOException failure, String doing) {
    if (failure instanceof Engine.NoFinalReply missing) {
      failure = missing.getCause(); // an upload's final reply: what happened is what counts
    }
    if (failure instanceof NetException net) {
      return net;
    }
    // Commons Net wraps some failures ("Timed out waiting for initial connect reply"): look inside.
    if (failure instanceof SocketTimeoutException || causedBy(failure, SocketTimeoutException.class)) {
      return new NetTimeoutException(context, "timed out while " + doing, failure);
    }
    if (failure instanceof SSLException || causedBy(failure, SSLException.class)) {
      return new NetTlsException(
          context, "TLS failed while " + doing + ": " + oneLine(failure.getMessage()), failure);
    }
    if (failure instanceof UnknownHostException) {
      return new NetConnectException(
          context,
          "cannot resolve host " + oneLine(failure.getMessage())
              + (doing.equals("connecting") ? "" : " while " + doing),
          failure);
    }
    if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
      // "cannot connect: connection refused", not "cannot connect while connecting: ...".
      String when = doing.equals("connecting") ? "" : " while " + doing;
      return new NetConnectException(
          context, "cannot connect" + when + ": " + lowerFirst(oneLine(failure.getMessage())), failure);
    }
    if (failure instanceof FTPConnectionClosedException) {
      return new NetProtocolException(
          context, "the server closed the connection while " + doing, failure);
    }
    if (failure instanceof MalformedServerReplyException) {
      return new NetProtocolException(
          context, "malformed reply while " + doing + ": " + oneLine(failure.getMessage()), failure);
    }
    return new NetProtocolException(
        context, "connection failed while " + doing + ": " + oneLine(failure.getMessage()), failure);
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable c = failure.getCause(); c != null && c != failure; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /** {@code "Connection refused"} reads as {@code "connection refused"} after a colon. */
  private static String lowerFirst(String text) {
    return text.length() > 1 && Character.isUpperCase(text.charAt(0))
            && Character.isLowerCase(text.charAt(1))
        ? Character.toLowerCase(text.charAt(0)) + text.substring(1)
        : text;
  }

  private static String oneLine(String text) {
    if (text == null) {
      return "(no detail)";
    }
    String flat = text.replace("\r", "").replace('\n', ' ').trim();
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
