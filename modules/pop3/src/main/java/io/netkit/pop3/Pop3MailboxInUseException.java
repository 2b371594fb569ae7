package io.netkit.pop3;

import io.netkit.core.ErrorContext;

/**
 * {@code -ERR [IN-USE]} at login: the credentials were accepted but another session holds the
 * mailbox (POP3 allows one session per mailbox). Retry after that session ends; do not ask the
 * user for a new password. Immutable.
 */
public final class Pop3MailboxInUseException extends Pop3ErrorException {
  /** The server refused {@code what} with {@code -ERR [IN-USE] text}. */
  public Pop3MailboxInUseException(ErrorContext context, String text, String what) {
    super(context, Pop3ResponseCode.IN_USE, text, what);
  }
}
