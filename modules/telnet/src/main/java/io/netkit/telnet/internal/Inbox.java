package io.netkit.telnet.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.net.telnet.TelnetInputListener;

/**
 * Where the session waits for decoded data. Commons Net's reader thread decodes into a small
 * queue (2048 bytes: it stops reading when that is full, so memory stays flat) and calls {@link
 * #telnetInputAvailable()} when the queue gets its first byte; the {@link WireGuard} beneath it
 * reports each return to the socket, the end of the stream and any failure. A wait here is the
 * session's own, with its own limit, so a silent server costs nothing but the time the caller
 * chose, and a read never blocks: it takes only what the queue holds.
 *
 * <p>Commons Net does not signal the first byte after its queue was full (it decides whether the
 * queue was empty before it waits for room), so while the reader is busy the session looks again
 * every {@link #BUSY_NANOS} instead of relying on the signal alone.
 *
 * <p>Thread-safe: the reader thread signals, one session thread reads, any thread may close.
 */
final class Inbox implements TelnetInputListener {
  /** The longest wait for a signal while the reader is blocked on the socket. */
  private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  /** How often to look while the reader is decoding (its signals can be missed then). */
  private static final long BUSY_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
  /** The longest wait for the reader to finish decoding a burst. */
  private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  /** Enough decoded bytes to hand over without waiting for the rest of a burst. */
  private static final int SETTLED_CHUNK = 1024;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ErrorContext context;
  private volatile InputStream data;
  private volatile boolean ended;
  private volatile IOException failure;
  private volatile boolean closing;
  private volatile boolean readerIdle;
  /** Counts the reader's returns to the socket: each means the chunk before is decoded. */
  private volatile long readerRounds;
  /** Opens once the engine is fully connected (see {@link #awaitStart}). */
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile Thread reader;

  Inbox(ErrorContext context) {
    this.context = context;
  }

  /** The engine's decoded stream, once connected: the reader may start reading. */
  void attach(InputStream decoded) {
    data = decoded;
    started.countDown();
  }

  /**
   * Called by the reader thread before it reads: holds it until the engine has finished
   * connecting. Commons Net starts its reader before it marks its queue as threaded, and a
   * reader that fills the queue (2048 bytes) in between dies of "Queue is full" without a word;
   * a server that talks at once on a loaded machine can do that.
   */
  void awaitStart() throws InterruptedIOException {
    reader = Thread.currentThread();
    try {
      if (!started.await(1, TimeUnit.MINUTES)) {
        return; // never attached nor closed: a bug elsewhere; read on rather than hang
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted before reading");
    }
  }

  @Override
  public void telnetInputAvailable() {
    signal();
  }

  private void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The reader thread is back at the socket, everything before decoded; {@code idle} when
   * nothing more is waiting there (it is about to block).
   */
  void readerIdle(boolean idle) {
    readerIdle = idle;
    readerRounds++;
    signal();
  }

  /** The reader has bytes to decode (cheap: no signal). */
  void readerBusy() {
    readerIdle = false;
  }

  /** The raw stream ended (null) or failed. The first report wins. */
  void ended(IOException why) {
    lock.lock();
    try {
      if (!ended) {
        failure = why;
        ended = true;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The session is closing: a failure from now on is the close, not the server. */
  void closing() {
    closing = true;
    started.countDown();
    signal();
  }

  boolean isClosing() {
    return closing;
  }

  /**
   * Reads up to {@code length} decoded bytes, waiting until {@code deadline} ({@link
   * System#nanoTime()}) for the first.
   *
   * @return the count; 0 when nothing came in time; -1 when the server closed
   */
  int read(byte[] buffer, int offset, int length, long deadline) throws IOException {
    InputStream in = data;
    if (in == null) {
      throw new IllegalStateException("not connected");
    }
    int available;
    lock.lock();
    try {
      while (true) {
        if (failure != null) {
          throw failure;
        }
        available = closing ? 0 : in.available();
        if (available > 0) {
          available = settle(in, available);
          break;
        }
        if (ended || closing) {
          return -1;
        }
        Thread decoding = reader;
        if (decoding != null && !decoding.isAlive()) {
          // The reader died without reporting (a bug in the engine): fail, never wait forever.
          ended(new NetProtocolException(context, "the Telnet decoder stopped unexpectedly"));
          continue;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return 0;
        }
        await(Math.min(left, readerIdle ? IDLE_NANOS : BUSY_NANOS));
      }
    } finally {
      lock.unlock();
    }
    try {
      // With the reader thread running, available() counts decoded bytes only: this never blocks.
      return in.read(buffer, offset, Math.min(length, available));
    } catch (IOException e) {
      throw failure != null ? failure : Failures.translate(context, e, "reading");
    }
  }

  /**
   * Lets the reader finish decoding what it has already received, so one burst from the server
   * (a prompt written in one go) is handed over whole rather than a byte at a time: the decoder
   * queues byte by byte, and a prompt pattern tested against half a prompt would match too early
   * or not at all. Waits until the reader has finished the chunk it is decoding (it comes back
   * to the socket), at most {@link #SETTLE_NANOS}, or until a good chunk is there. Holds the
   * lock.
   */
  private int settle(InputStream in, int available) throws IOException {
    long until = System.nanoTime() + SETTLE_NANOS;
    long round = readerRounds;
    int now = available;
    while (!readerIdle
        && readerRounds == round
        && !ended
        && !closing
        && now < SETTLED_CHUNK
        && System.nanoTime() < until) {
      await(BUSY_NANOS);
      now = in.available();
    }
    return in.available();
  }

  private void await(long nanos) throws InterruptedIOException {
    try {
      changed.awaitNanos(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the server");
    }
  }
}
