package io.netkit.core;

/** TLS failed: an untrusted or mismatched certificate, a failed handshake, STARTTLS refused when it was required, or bytes injected before the handshake. */
public class NetTlsException extends NetException {
  /** A failure in {@code context} with the given message and cause (which may be null). */
  public NetTlsException(ErrorContext context, String message, Throwable cause) {
    super(context, message, cause);
  }

  /** A failure in {@code context} with the given message. */
  public NetTlsException(ErrorContext context, String message) {
    super(context, message, null);
  }
}
