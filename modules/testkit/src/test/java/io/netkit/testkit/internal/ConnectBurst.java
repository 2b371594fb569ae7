package io.netkit.testkit.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens many connections to one listener at the same instant (non-blocking connects, so every
 * SYN leaves before the server accepts any) and reads each one's first line: what a bench's
 * concurrent sessions do to a mock's accept queue, in one thread and a few seconds.
 */
public final class ConnectBurst {
  /** How the connections of one burst ended by the deadline. */
  public record Outcome(int greeted, int otherLine, int closed, int failed, int silent) {
    @Override
    public String toString() {
      return greeted + " greeted, " + otherLine + " another first line, " + closed
          + " closed before a line, " + failed + " failed to connect, " + silent
          + " silent at the deadline";
    }
  }

  private ConnectBurst() {}

  /**
   * Connects {@code count} times to {@code host}:{@code port} at once and waits up to {@code
   * deadline} for each connection's first line, which counts as greeted when it starts with
   * {@code greeting}; closes every connection before it returns.
   */
  public static Outcome firstLines(String host, int port, int count, String greeting, Duration deadline)
      throws IOException {
    InetSocketAddress address = new InetSocketAddress(host, port);
    List<SocketChannel> channels = new ArrayList<>(count);
    int greeted = 0;
    int otherLine = 0;
    int closed = 0;
    int failed = 0;
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < count; i++) {
        SocketChannel channel = SocketChannel.open();
        channels.add(channel);
        channel.configureBlocking(false);
        boolean now = channel.connect(address);
        channel.register(selector, now ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT,
            ByteBuffer.allocate(512));
      }
      long end = System.nanoTime() + deadline.toNanos();
      int open = count;
      while (open > 0) {
        long left = (end - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          break;
        }
        selector.select(left);
        for (var keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
          SelectionKey key = keys.next();
          keys.remove();
          SocketChannel channel = (SocketChannel) key.channel();
          ByteBuffer line = (ByteBuffer) key.attachment();
          try {
            if (key.isConnectable()) {
              channel.finishConnect();
              key.interestOps(SelectionKey.OP_READ);
              continue;
            }
            if (channel.read(line) < 0) {
              closed++;
            } else if (contains(line, (byte) '\n') || !line.hasRemaining()) {
              String text = new String(line.array(), 0, line.position(), StandardCharsets.US_ASCII);
              if (text.startsWith(greeting)) {
                greeted++;
              } else {
                otherLine++;
              }
            } else {
              continue;
            }
          } catch (IOException e) {
            failed++;
          }
          key.cancel();
          open--;
        }
      }
      return new Outcome(greeted, otherLine, closed, failed, open);
    } finally {
      for (SocketChannel channel : channels) {
        channel.close();
      }
    }
  }

  private static boolean contains(ByteBuffer buffer, byte wanted) {
    for (int i = 0; i < buffer.position(); i++) {
      if (buffer.get(i) == wanted) {
        return true;
      }
    }
    return false;
  }
}
