package io.netkit.hardening.hygiene;

import java.io.File;
import java.time.Duration;

/**
 * The process's open file descriptors ({@code /proc/self/fd}) and live threads, and a settled
 * measurement of them: sockets close and handler threads end a moment after the client's close
 * returns (a server thread sees the end of its stream, an engine's idle thread times out), so a
 * count is taken once it stops falling or is back at a baseline, within a bound.
 */
record ProcessResources(int descriptors, int threads) {

  /** True where {@code /proc/self/fd} exists (Linux); elsewhere only threads are counted. */
  static boolean descriptorsCounted() {
    return new File("/proc/self/fd").isDirectory();
  }

  /** Counts now. */
  static ProcessResources now() {
    String[] fds = new File("/proc/self/fd").list();
    return new ProcessResources(fds == null ? -1 : fds.length, java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount());
  }

  /**
   * Waits (up to {@code bound}) until the counts are at most {@code baseline} plus {@code slack},
   * and returns the last count.
   */
  static ProcessResources settled(ProcessResources baseline, int slack, Duration bound)
      throws InterruptedException {
    long end = System.nanoTime() + bound.toNanos();
    ProcessResources now = now();
    while (!now.within(baseline, slack) && System.nanoTime() < end) {
      System.gc(); // sockets a test dropped without closing would be finalized here, and counted
      Thread.sleep(100);
      now = now();
    }
    return now;
  }

  /** The names of the live threads, sorted: what a failure shows. */
  static String threadNames() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList()
        .toString();
  }

  boolean within(ProcessResources baseline, int slack) {
    return descriptors <= baseline.descriptors + slack && threads <= baseline.threads + slack;
  }

  @Override
  public String toString() {
    return descriptors + " descriptors, " + threads + " threads";
  }
}
