package io.netkit.pop3.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetException;
import io.netkit.pop3.Pop3ErrorException;
import io.netkit.pop3.Pop3LoginDelayException;
import io.netkit.pop3.Pop3MailboxInUseException;
import io.netkit.pop3.Pop3NoSuchMessageException;
import io.netkit.pop3.Pop3ResponseCode;

/** Turns an {@code -ERR} into the exception a caller can act on. */
final class Failures {
  private Failures() {}

  /** The text of an {@code -ERR}, with its response code token when it was not one we know. */
  private static String text(Status status) {
    return status.code() == Pop3ResponseCode.OTHER
        ? "[" + status.codeToken() + "] " + status.text()
        : status.text();
  }

  /** A refusal of {@code what}, which named no message. */
  static NetException refused(ErrorContext context, Status status, String what) {
    return switch (status.code()) {
      case IN_USE -> new Pop3MailboxInUseException(context, status.text(), what);
      case LOGIN_DELAY -> new Pop3LoginDelayException(context, status.text(), what);
      default -> new Pop3ErrorException(context, status.code(), text(status), what);
    };
  }

  /**
   * A refusal of a command about message {@code number}: without a response code, RFC 1939's
   * only reason is that there is no such message (or it is marked deleted).
   */
  static NetException refusedMessage(ErrorContext context, Status status, int number, String what) {
    if (status.code() == Pop3ResponseCode.NONE) {
      return new Pop3NoSuchMessageException(context, number, status.text(), what);
    }
    return refused(context, status, what);
  }

  /**
   * A refusal at login: IN-USE, LOGIN-DELAY and SYS/* are not about the credentials and keep
   * their types; everything else is {@link NetAuthenticationException}.
   */
  static NetException loginRefused(ErrorContext context, Status status, String user, String how) {
    Pop3ResponseCode code = status.code();
    if (code == Pop3ResponseCode.IN_USE || code == Pop3ResponseCode.LOGIN_DELAY
        || code == Pop3ResponseCode.SYS_TEMP || code == Pop3ResponseCode.SYS_PERM) {
      return refused(context, status, how + " login as " + user);
    }
    String reply = "-ERR" + (status.codeToken() == null ? "" : " [" + status.codeToken() + "]")
        + (status.text().isEmpty() ? "" : " " + status.text());
    return new NetAuthenticationException(
        context, how + " login as " + user + " refused: " + reply, -1, status.text());
  }
}
