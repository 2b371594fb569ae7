package io.netkit.pop3;

/**
 * How {@link Pop3Client#connect} logs in with the endpoint's credentials. RFC 2384's URL
 * parameter {@code ;AUTH=} names the same choices ({@code *}, {@code +APOP}, a SASL mechanism).
 */
public enum Pop3Login {
  /**
   * The best the server offers: SASL PLAIN when CAPA lists it, else APOP when the greeting has a
   * timestamp and {@link Pop3Options#allowApop()} says yes, else USER/PASS. Never XOAUTH2 (the
   * password is not a token).
   */
  ANY,
  /** SASL PLAIN (RFC 4616), with an initial response; fails when the server does not offer it. */
  SASL_PLAIN,
  /**
   * SASL XOAUTH2 (Google, Microsoft): the endpoint's password is the OAuth 2 bearer token; fails
   * when the server does not offer it.
   */
  XOAUTH2,
  /** APOP (RFC 1939 section 7): an MD5 digest of the greeting's timestamp and the password. */
  APOP,
  /** USER then PASS (RFC 1939 section 7): the password in the clear (use TLS). */
  USER_PASS
}
