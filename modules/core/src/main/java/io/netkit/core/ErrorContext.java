package io.netkit.core;

/**
 * Where a failure happened: the protocol's name and the host (with port) being talked to. Either
 * may be null when unknown. Immutable; carries no credentials.
 *
 * @param protocol the protocol's name, e.g. {@code "ftp"}, or null
 * @param host the host and port as text, e.g. {@code "127.0.0.1:21"}, or null
 */
public record ErrorContext(String protocol, String host) {
  /** No known protocol or host. */
  public static final ErrorContext NONE = new ErrorContext(null, null);

  /** The context of talking {@code protocol} to {@code endpoint}. */
  public static ErrorContext of(String protocol, Endpoint endpoint) {
    return new ErrorContext(protocol, endpoint == null ? null : endpoint.toString());
  }

  /** {@code "ftp 127.0.0.1:21"}, or the part that is known, or an empty string. */
  public String describe() {
    if (protocol == null && host == null) {
      return "";
    }
    if (protocol == null) {
      return host;
    }
    return host == null ? protocol : protocol + " " + host;
  }
}
