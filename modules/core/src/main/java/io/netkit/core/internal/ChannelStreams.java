package io.netkit.core.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Streams over a non-blocking channel whose every read and write waits at most a timeout: the
 * JDK's blocking channel streams (used for Unix domain sockets) would wait forever.
 */
public final class ChannelStreams {
  private ChannelStreams() {}

  /** An input stream whose reads fail with {@link NetTimeoutException} after {@code timeout}. */
  public static InputStream input(SocketChannel channel, Duration timeout, ErrorContext context) {
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
          if (n == 0) {
            await(channel, SelectionKey.OP_READ, timeout, context, "reading");
            n = channel.read(buffer);
          }
          return n;
        } catch (NetException e) {
          throw e;
        } catch (IOException e) {
          throw new NetProtocolException(context, "connection failed while reading: " + e.getMessage(), e);
        }
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  /** An output stream whose writes fail with {@link NetTimeoutException} after {@code timeout}. */
  public static OutputStream output(SocketChannel channel, Duration timeout, ErrorContext context) {
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
              await(channel, SelectionKey.OP_WRITE, timeout, context, "writing");
            }
          }
        } catch (NetException e) {
          throw e;
        } catch (IOException e) {
          throw new NetProtocolException(context, "connection failed while writing: " + e.getMessage(), e);
        }
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  private static void await(
      SocketChannel channel, int operation, Duration timeout, ErrorContext context, String doing)
      throws IOException {
    try (Selector selector = Selector.open()) {
      channel.register(selector, operation);
      if (selector.select(Math.max(1, timeout.toMillis())) == 0) {
        throw new NetTimeoutException(
            context, "no progress for " + SocketGuard.describe(timeout) + " while " + doing);
      }
    }
  }
}
