package io.netkit.pop3;

import java.util.Locale;

/**
 * The extended response codes a server may put in brackets after {@code -ERR} (RFC 2449 section
 * 8, RFC 3206), which say what to do about a refusal.
 */
public enum Pop3ResponseCode {
  /** No response code was given. */
  NONE,
  /**
   * {@code [IN-USE]}: another session holds the mailbox lock; the credentials were fine. Retry
   * later, after the other session ends.
   */
  IN_USE,
  /** {@code [LOGIN-DELAY]}: logged in too recently; retry after the server's login delay. */
  LOGIN_DELAY,
  /** {@code [AUTH]}: the credentials (or mechanism) were refused: fix them, do not retry as is. */
  AUTH,
  /** {@code [SYS/TEMP]}: a temporary server-side problem; retry later. */
  SYS_TEMP,
  /** {@code [SYS/PERM]}: a permanent server-side problem; retrying will not help. */
  SYS_PERM,
  /** A code not listed here (it is kept in the error's text). */
  OTHER;

  /** The code for a bracketed token such as {@code "IN-USE"} or {@code "SYS/TEMP"}. */
  public static Pop3ResponseCode of(String token) {
    return switch (token.toUpperCase(Locale.ROOT)) {
      case "IN-USE" -> IN_USE;
      case "LOGIN-DELAY" -> LOGIN_DELAY;
      case "AUTH" -> AUTH;
      case "SYS/TEMP" -> SYS_TEMP;
      case "SYS/PERM" -> SYS_PERM;
      default -> OTHER;
    };
  }

  /** True when the same request may succeed later without any change (IN-USE, LOGIN-DELAY, SYS/TEMP). */
  public boolean isTransient() {
    return this == IN_USE || this == LOGIN_DELAY || this == SYS_TEMP;
  }
}
