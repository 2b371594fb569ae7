package io.netkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetTimeoutException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SocketGuardTest {
  private static final ErrorContext AT = ErrorContext.of("test", Endpoint.of("127.0.0.1", 9));

  /** Stands in for the socket: records when the guard closes it. */
  static final class Target implements Closeable {
    final CountDownLatch closed = new CountDownLatch(1);
    volatile long closedAt;

    @Override
    public void close() {
      closedAt = System.nanoTime();
      closed.countDown();
    }
  }

  @Test
  void writesThatReturnInTimeCostNoTimerEach() {
    SocketGuard guard = new SocketGuard(new Target(), AT, Duration.ofSeconds(30), null);
    long before = Watchdog.scheduledSoFar();
    for (int i = 0; i < 10_000; i++) {
      try (SocketGuard.WriteTimer timer = guard.startWrite()) {
        assertTrue(guard.writing());
      }
    }
    long scheduled = Watchdog.scheduledSoFar() - before;
    assertFalse(guard.writing());
    // Other tests' connections may schedule a few meanwhile; 10,000 timers were the old cost.
    assertTrue(scheduled < 50, "timers scheduled for 10,000 writes: " + scheduled);
    guard.cancel();
  }

  @Test
  void aWriteStuckForTheTimeoutClosesTheConnectionAndReadsAsATimeout() throws Exception {
    Target target = new Target();
    SocketGuard guard = new SocketGuard(target, AT, Duration.ofMillis(300), null);
    long start = System.nanoTime();
    try (SocketGuard.WriteTimer stuck = guard.startWrite()) {
      assertTrue(target.closed.await(5, TimeUnit.SECONDS), "the watchdog closed the socket");
    }
    long tookMillis = (target.closedAt - start) / 1_000_000;
    assertTrue(tookMillis >= 290 && tookMillis < 2_000, "closed after " + tookMillis + " ms");
    assertTrue(guard.expired());
    assertInstanceOf(
        NetTimeoutException.class, guard.translate(new IOException("Socket closed"), "writing"));
  }

  @Test
  void aLaterWriteGetsItsWholeTimeoutFromWhenItStarted() throws Exception {
    Target target = new Target();
    SocketGuard guard = new SocketGuard(target, AT, Duration.ofMillis(600), null);
    guard.startWrite().close(); // arms the connection's check at +600 ms
    Thread.sleep(300);
    long start = System.nanoTime();
    try (SocketGuard.WriteTimer stuck = guard.startWrite()) {
      assertTrue(target.closed.await(5, TimeUnit.SECONDS), "the watchdog closed the socket");
    }
    long tookMillis = (target.closedAt - start) / 1_000_000;
    assertTrue(tookMillis >= 590, "not cut short by the earlier write's check: " + tookMillis + " ms");
  }

  @Test
  void aCancelledGuardNeverClosesItsTarget() throws Exception {
    Target target = new Target();
    SocketGuard guard = new SocketGuard(target, AT, Duration.ofMillis(200), null);
    SocketGuard.WriteTimer timer = guard.startWrite();
    guard.cancel(); // the connection closed while a write was under way
    assertFalse(target.closed.await(600, TimeUnit.MILLISECONDS), "no close after cancel");
    timer.close();
    assertFalse(guard.expired());
  }
}
