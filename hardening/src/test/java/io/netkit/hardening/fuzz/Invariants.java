package io.netkit.hardening.fuzz;

/** A broken invariant in a fuzz target: an error, so that Jazzer reports it as a finding. */
final class Invariants {
  private Invariants() {}

  /** Throws {@link AssertionError} with {@code message} unless {@code condition} holds. */
  static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
