package io.netkit.core;

/** The host name could not be resolved, or the connection was refused or could not be made. */
public class NetConnectException extends NetException {
  /** A failure in {@code context} with the given message and cause (which may be null). */
  public NetConnectException(ErrorContext context, String message, Throwable cause) {
    super(context, message, cause);
  }

  /** A failure in {@code context} with the given message. */
  public NetConnectException(ErrorContext context, String message) {
    super(context, message, null);
  }
}
