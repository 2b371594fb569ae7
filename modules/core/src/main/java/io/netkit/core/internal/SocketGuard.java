package io.netkit.core.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import javax.net.ssl.SSLException;

/**
 * Watches one connection: enforces the overall deadline and write timeouts by closing it, and
 * turns the JDK's exceptions into netkit's typed ones, naming the real cause (a closed socket
 * after the deadline fired is a timeout, not "socket closed").
 */
public final class SocketGuard {
  private final Closeable target;
  private final ErrorContext context;
  private final Duration ioTimeout;
  private volatile String expired;
  private final ScheduledFuture<?> deadlineTimer;
  private final Object writeLock = new Object();
  // Guarded by writeLock: the writes under way, when the oldest of them started, and the one
  // watchdog check armed for this connection (null when none is).
  private int writesInProgress;
  private long writeStarted;
  private ScheduledFuture<?> writeCheck;
  private boolean closed;

  /**
   * Guards {@code target}; {@code deadline} may be null (none).
   *
   * <p>The watchdog closes {@code target} from its own single thread, so closing it must never
   * block: for a TLS socket pass the plain socket beneath it (a polite TLS close waits for the
   * lock that a blocked write holds, and would stall every timer in the JVM).
   *
   * @param ioTimeout bounds each write, as the socket's read timeout bounds each read
   */
  public SocketGuard(Closeable target, ErrorContext context, Duration ioTimeout, Duration deadline) {
    this.target = target;
    this.context = context;
    this.ioTimeout = ioTimeout;
    this.deadlineTimer =
        deadline == null
            ? null
            : Watchdog.after(deadline, () -> expire("deadline of " + describe(deadline)));
  }

  /** The error context of this connection. */
  public ErrorContext context() {
    return context;
  }

  /** Stops the deadline timer; call when the connection closes. */
  public void cancel() {
    if (deadlineTimer != null) {
      deadlineTimer.cancel(false);
    }
    ScheduledFuture<?> check;
    synchronized (writeLock) {
      closed = true;
      check = writeCheck;
      writeCheck = null;
    }
    if (check != null) {
      check.cancel(false);
    }
  }

  /**
   * Starts timing a write; close the returned handle when the write returns.
   *
   * <p>A write costs no timer of its own: it notes when it started, and one watchdog check per
   * connection, armed by the first write and re-armed while writes keep coming, closes the
   * connection when a write has been under way for the I/O timeout. Scheduling and cancelling a
   * timer for every write and flush woke the watchdog thread twice a command (issue 17: 6.3
   * futex calls per IMAP fetch against Angus's 1.4 on plain sockets).
   */
  public WriteTimer startWrite() {
    synchronized (writeLock) {
      if (writesInProgress++ == 0) {
        writeStarted = System.nanoTime();
      }
      if (writeCheck == null && !closed) {
        writeCheck = Watchdog.after(ioTimeout, this::checkWrites);
      }
    }
    return this::endWrite;
  }

  private void endWrite() {
    synchronized (writeLock) {
      writesInProgress--;
    }
  }

  /**
   * The watchdog's check: expires the connection if a write has been under way for the I/O
   * timeout, else looks again when the current write would reach it, or disarms when no write
   * is under way (the next write arms it again).
   */
  private void checkWrites() {
    long overdue;
    synchronized (writeLock) {
      if (writesInProgress == 0 || closed) {
        writeCheck = null;
        return;
      }
      overdue = System.nanoTime() - (writeStarted + ioTimeout.toNanos());
      if (overdue < 0) {
        writeCheck = Watchdog.after(Duration.ofNanos(-overdue), this::checkWrites);
        return;
      }
      writeCheck = null;
    }
    expire("write timeout of " + describe(ioTimeout));
  }

  /** True while a write started with {@link #startWrite()} has not returned. */
  public boolean writing() {
    synchronized (writeLock) {
      return writesInProgress > 0;
    }
  }

  /** True once the deadline or a write timeout closed the target. */
  public boolean expired() {
    return expired != null;
  }

  /** A timer for one write. */
  @FunctionalInterface
  public interface WriteTimer extends AutoCloseable {
    @Override
    void close();
  }

  private void expire(String what) {
    expired = what;
    try {
      target.close();
    } catch (IOException ignored) {
      // Closing is how the stuck call is woken; a failure to close changes nothing here.
    }
  }

  /**
   * For engines that expect the JDK's own exception types: the failure as it is, unless the
   * deadline or a write timeout closed the socket, in which case it is the timeout it really is.
   */
  public IOException translateIfExpired(IOException failure, String whileDoing) {
    return expired == null ? failure : translate(failure, whileDoing);
  }

  /** Translates an I/O failure of this connection into a typed {@link NetException}. */
  public NetException translate(IOException failure, String whileDoing) {
    if (expired != null) {
      return new NetTimeoutException(context, expired + " exceeded while " + whileDoing, failure);
    }
    if (failure instanceof NetException net) {
      return net;
    }
    if (failure instanceof SocketTimeoutException) {
      return new NetTimeoutException(
          context, "no data for " + describe(ioTimeout) + " while " + whileDoing, failure);
    }
    if (failure instanceof SSLException) {
      return new NetTlsException(context, "TLS failure while " + whileDoing + ": " + failure.getMessage(), failure);
    }
    return new NetProtocolException(
        context, "connection failed while " + whileDoing + ": " + failure.getMessage(), failure);
  }

  /** {@code 30 s}, {@code 250 ms}. */
  public static String describe(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
