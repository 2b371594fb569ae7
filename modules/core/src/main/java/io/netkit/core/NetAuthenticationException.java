package io.netkit.core;

/**
 * The server rejected the credentials. The message names the user at most, never the password.
 */
public class NetAuthenticationException extends NetException {
  /** Rejected with the server's reply {@code code text}; code is -1 when there was none. */
  public NetAuthenticationException(ErrorContext context, String message, int code, String text) {
    super(context, message, code, text, null);
  }
}
