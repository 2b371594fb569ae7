package io.netkit.core;

/** The server broke the protocol: a malformed reply, an overlong line, or a connection dropped in the middle of a reply or transfer. */
public class NetProtocolException extends NetException {
  /** A failure in {@code context} with the given message and cause (which may be null). */
  public NetProtocolException(ErrorContext context, String message, Throwable cause) {
    super(context, message, cause);
  }

  /** A failure in {@code context} with the given message. */
  public NetProtocolException(ErrorContext context, String message) {
    super(context, message, null);
  }
}
