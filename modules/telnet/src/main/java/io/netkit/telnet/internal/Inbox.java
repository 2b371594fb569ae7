package io.netkit.telnet.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where decoded data waits for the session: a ring of {@link #CAPACITY} bytes that the {@link
 * WireGuard}, on Commons Net's reader thread, fills with the data of each chunk read from the
 * socket in one piece (so a burst from the server, a prompt written in one go, is handed over
 * whole), and the session empties in blocks. When the ring has no room for a chunk, the reader
 * waits, and so stops reading the socket: memory stays flat however fast the server writes. A wait
 * here is the session's own, with its own limit, so a silent server costs nothing but the time the
 * caller chose.
 *
 * <p>Thread-safe: the reader thread publishes, one session thread reads, any thread may close.
 */
final class Inbox {
  /** The ring's size; a chunk published is never larger (see {@link WireGuard#CHUNK}). */
  static final int CAPACITY = 64 * 1024;
  /** The longest wait before looking whether the reader is still alive. */
  private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final Condition room = lock.newCondition();
  private final ErrorContext context;
  private final byte[] ring = new byte[CAPACITY];
  private int head;
  private int count;
  private volatile boolean ended;
  private volatile IOException failure;
  private volatile boolean closing;
  /** Opens once the engine is fully connected (see {@link #awaitStart}). */
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile Thread reader;

  Inbox(ErrorContext context) {
    this.context = context;
  }

  /** The engine is connected: the reader may start reading. */
  void attach() {
    started.countDown();
  }

  /**
   * Called by the reader thread before it reads: holds it until the engine has finished
   * connecting, so that nothing is decoded (and no negotiation answered) before the session
   * exists. Commons Net starts its reader before it marks its own queue as threaded.
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

  /**
   * Adds the data of one chunk, in one piece: waits (the reader thread) until the ring has room
   * for all of it, or the session closes.
   *
   * @throws IOException when the session closes first
   */
  void publish(byte[] data, int offset, int length) throws IOException {
    if (length > CAPACITY) {
      throw new IllegalArgumentException("a chunk larger than the inbox: " + length);
    }
    lock.lock();
    try {
      while (CAPACITY - count < length) {
        if (closing) {
          throw new IOException("closed");
        }
        room.awaitNanos(IDLE_NANOS);
      }
      int tail = (head + count) % CAPACITY;
      int first = Math.min(length, CAPACITY - tail);
      System.arraycopy(data, offset, ring, tail, first);
      System.arraycopy(data, offset + first, ring, 0, length - first);
      count += length;
      arrived.signalAll();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the session to read");
    } finally {
      lock.unlock();
    }
  }

  /** The raw stream ended (null) or failed. The first report wins. */
  void ended(IOException why) {
    lock.lock();
    try {
      if (!ended) {
        failure = why;
        ended = true;
      }
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The session is closing: a failure from now on is the close, not the server. */
  void closing() {
    closing = true;
    started.countDown();
    lock.lock();
    try {
      arrived.signalAll();
      room.signalAll();
    } finally {
      lock.unlock();
    }
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
    lock.lock();
    try {
      while (true) {
        if (failure != null) {
          throw failure;
        }
        if (count > 0 && !closing) {
          return take(buffer, offset, length);
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
        arrived.awaitNanos(Math.min(left, IDLE_NANOS));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the server");
    } finally {
      lock.unlock();
    }
  }

  /** Moves what the ring holds, up to {@code length}, to the buffer. Holds the lock. */
  private int take(byte[] buffer, int offset, int length) {
    int n = Math.min(length, count);
    int first = Math.min(n, CAPACITY - head);
    System.arraycopy(ring, head, buffer, offset, first);
    System.arraycopy(ring, 0, buffer, offset + first, n - first);
    head = (head + n) % CAPACITY;
    count -= n;
    room.signalAll();
    return n;
  }
}
