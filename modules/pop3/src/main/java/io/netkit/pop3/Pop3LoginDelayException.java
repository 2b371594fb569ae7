package io.netkit.pop3;

import io.netkit.core.ErrorContext;

/**
 * {@code -ERR [LOGIN-DELAY]} at login: the server allows a login only so often (its {@code
 * LOGIN-DELAY} capability says how many seconds apart). Retry later; the credentials are not in
 * question. Immutable.
 */
public final class Pop3LoginDelayException extends Pop3ErrorException {
  /** The server refused {@code what} with {@code -ERR [LOGIN-DELAY] text}. */
  public Pop3LoginDelayException(ErrorContext context, String text, String what) {
    super(context, Pop3ResponseCode.LOGIN_DELAY, text, what);
  }
}
