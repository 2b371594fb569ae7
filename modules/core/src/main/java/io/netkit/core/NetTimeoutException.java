package io.netkit.core;

/** An operation did not complete within its timeout or the overall deadline: the server was silent or too slow. The connection is closed; nothing partial is reported as complete. */
public class NetTimeoutException extends NetException {
  /** A failure in {@code context} with the given message and cause (which may be null). */
  public NetTimeoutException(ErrorContext context, String message, Throwable cause) {
    super(context, message, cause);
  }

  /** A failure in {@code context} with the given message. */
  public NetTimeoutException(ErrorContext context, String message) {
    super(context, message, null);
  }
}
