package io.netkit.core.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One shared daemon timer that enforces what sockets cannot: write timeouts and whole-connection
 * deadlines, by closing the socket when time runs out (which unblocks the stuck call).
 */
public final class Watchdog {
  private static final ScheduledThreadPoolExecutor TIMER = createTimer();

  private Watchdog() {}

  private static ScheduledThreadPoolExecutor createTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "netkit-watchdog");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /** How many timers have been scheduled so far (approximate, as the executor counts them). */
  static long scheduledSoFar() {
    return TIMER.getTaskCount();
  }

  /** Runs {@code action} after {@code delay} unless the returned future is cancelled first. */
  public static ScheduledFuture<?> after(Duration delay, Runnable action) {
    return TIMER.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
