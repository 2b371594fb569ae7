package io.netkit.core.internal;

import java.time.Duration;

/** Turns a {@link Duration} into the {@code int} milliseconds the socket API takes. */
public final class Timeouts {
  private Timeouts() {}

  /**
   * {@code timeout} in milliseconds, at least 1 and at most {@link Integer#MAX_VALUE}. The socket
   * API reads 0 as "wait forever": a positive timeout under a millisecond must never become that,
   * and one too long for an {@code int} must not fail with an arithmetic overflow.
   */
  public static int millis(Duration timeout) {
    long millis;
    try {
      millis = timeout.toMillis();
    } catch (ArithmeticException tooLong) {
      millis = Long.MAX_VALUE;
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
  }
}
