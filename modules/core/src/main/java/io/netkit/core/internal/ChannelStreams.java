package io.netkit.core.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Streams over a non-blocking channel whose every read and write waits at most a timeout: the
 * JDK's blocking channel streams (used for Unix domain sockets) would wait forever.
 *
 * <p>One reader and one writer may work at once, each waiting on a selector of its own.
 * {@link #close()}, from any thread, closes the channel and wakes both at once: a waiting call
 * then fails saying the connection was closed, instead of sleeping out its timeout.
 */
public final class ChannelStreams implements Closeable {
  private final SocketChannel channel;
  private final Duration timeout;
  private final ErrorContext context;
  private final Selector readable;
  private final Selector writable;

  /**
   * Streams over {@code channel}, which this puts in non-blocking mode.
   *
   * @throws IOException when the channel cannot be set up (it is then left to the caller to close)
   */
  public ChannelStreams(SocketChannel channel, Duration timeout, ErrorContext context)
      throws IOException {
    this.channel = channel;
    this.timeout = timeout;
    this.context = context;
    channel.configureBlocking(false);
    Selector forReads = Selector.open();
    try {
      this.writable = Selector.open();
    } catch (IOException e) {
      forReads.close();
      throw e;
    }
    this.readable = forReads;
    try {
      channel.register(readable, SelectionKey.OP_READ);
      channel.register(writable, SelectionKey.OP_WRITE);
    } catch (IOException | RuntimeException e) {
      Closeables.closeQuietly(readable);
      Closeables.closeQuietly(writable);
      throw e;
    }
  }

  /** An input stream whose reads fail with {@link NetTimeoutException} after the timeout. */
  public InputStream input() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        ByteBuffer buffer = ByteBuffer.wrap(target, offset, length);
        try {
          int n = channel.read(buffer);
          // Never hand back 0: a caller would take it for the end of the stream.
          while (n == 0) {
            await(readable, "reading");
            n = channel.read(buffer);
          }
          return n;
        } catch (NetException e) {
          throw e;
        } catch (IOException e) {
          throw failure("reading", e);
        }
      }

      @Override
      public void close() {
        ChannelStreams.this.close();
      }
    };
  }

  /** An output stream whose writes fail with {@link NetTimeoutException} after the timeout. */
  public OutputStream output() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] source, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(source, offset, length);
        try {
          while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
              await(writable, "writing");
            }
          }
        } catch (NetException e) {
          throw e;
        } catch (IOException e) {
          throw failure("writing", e);
        }
      }

      @Override
      public void close() {
        ChannelStreams.this.close();
      }
    };
  }

  /** Closes the channel and wakes any call waiting on it. Idempotent; safe from any thread. */
  @Override
  public void close() {
    Closeables.closeQuietly(channel);
    // Closing a selector wakes the thread waiting in it and deregisters the channel, which lets
    // the channel's own close complete (it is deferred while the channel is registered).
    Closeables.closeQuietly(readable);
    Closeables.closeQuietly(writable);
  }

  private void await(Selector selector, String doing) throws IOException {
    long until = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = until - System.nanoTime();
      if (!channel.isOpen()) {
        throw closed(doing);
      }
      if (left <= 0) {
        throw new NetTimeoutException(
            context, "no progress for " + SocketGuard.describe(timeout) + " while " + doing);
      }
      int ready;
      try {
        ready = selector.select(Math.max(1, left / 1_000_000));
      } catch (ClosedSelectorException closedMeanwhile) {
        throw closed(doing);
      }
      if (ready > 0) {
        selector.selectedKeys().clear();
        return;
      }
    }
  }

  private NetException closed(String doing) {
    return new NetProtocolException(context, "connection closed while " + doing);
  }

  private NetException failure(String doing, IOException e) {
    return channel.isOpen()
        ? new NetProtocolException(context, "connection failed while " + doing + ": " + e.getMessage(), e)
        : new NetProtocolException(context, "connection closed while " + doing, e);
  }

}
