package io.netkit.core;

/** How a connection uses TLS. */
public enum TlsMode {
  /** Plain text only; STARTTLS is never attempted. */
  NONE,
  /** Upgrade with STARTTLS (or the protocol's equivalent) when the server offers it. */
  STARTTLS_IF_OFFERED,
  /**
   * Upgrade with STARTTLS; if the server does not offer it or the upgrade fails, fail with
   * {@link NetTlsException}. Never falls back to plain text.
   */
  STARTTLS_REQUIRED,
  /** TLS from the first byte (https, ftps, smtps, ...). */
  IMPLICIT
}
