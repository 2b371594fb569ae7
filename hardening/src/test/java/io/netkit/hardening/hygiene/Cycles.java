package io.netkit.hardening.hygiene;

/**
 * How many cycles the hygiene tests run: a short variant by default (CI: at most 200 cycles and
 * 50 failed connections of each kind, each phase cut after {@link #SHORT_BUDGET_SECONDS} seconds
 * so that a slow engine on a loaded machine still finishes in seconds), the full one with {@code
 * -Dnetkit.hygiene=full} (10,000 cycles and 1,000 failed connections of each kind per protocol,
 * no time limit, as docs/security.md reports). {@code -Dnetkit.hygiene.cycles=N} and {@code
 * -Dnetkit.hygiene.failures=N} set the counts, {@code -Dnetkit.hygiene.protocols=gopher,http} the
 * protocols (all by default).
 */
final class Cycles {
  private Cycles() {}

  static boolean full() {
    return "full".equalsIgnoreCase(System.getProperty("netkit.hygiene", "short"));
  }

  /** True when {@code protocol} is to be run. */
  static boolean selected(String protocol) {
    String list = System.getProperty("netkit.hygiene.protocols", "");
    return list.isBlank() || java.util.Arrays.asList(list.split(",")).contains(protocol);
  }

  /** The most seconds one phase of the short variant runs. */
  static final int SHORT_BUDGET_SECONDS = 5;

  /** True while a phase started at {@code startNanos} may go on. */
  static boolean inBudget(long startNanos) {
    return full() || System.nanoTime() - startNanos < SHORT_BUDGET_SECONDS * 1_000_000_000L;
  }

  /** Connect, request, close cycles against the protocol's mock. */
  static int successful() {
    return Integer.getInteger("netkit.hygiene.cycles", full() ? 10_000 : 200);
  }

  /** Failed connections of each kind (closed port, server that drops). */
  static int failed() {
    return Integer.getInteger("netkit.hygiene.failures", full() ? 1_000 : 50);
  }
}
