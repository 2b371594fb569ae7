package io.netkit.core;

/**
 * TLS was required ({@link TlsMode#STARTTLS_REQUIRED}) and the server does not offer it, refused it, or a
 * protocol has no TLS at all; nothing else was sent after that (no credential went out). A {@link
 * NetTlsException}; the {@code netkit} command exits with curl's 64 ("requested TLS level
 * failed"). Immutable.
 */
public class NetTlsRequiredException extends NetTlsException {
  /** Required TLS failed in {@code context}, for the reason in {@code message}. */
  public NetTlsRequiredException(ErrorContext context, String message) {
    super(context, message, null);
  }

  /** Required TLS failed in {@code context}, for the reason in {@code message}, after {@code cause}. */
  public NetTlsRequiredException(ErrorContext context, String message, Throwable cause) {
    super(context, message, cause);
  }
}
