package io.netkit.core.transport;

import io.netkit.core.internal.Closeables;
import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.internal.ChannelStreams;
import io.netkit.core.internal.SocketGuard;
import io.netkit.core.internal.Watchdog;
import io.netkit.core.line.LineInputStream;
import io.netkit.core.line.LineWriter;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stream connection over a Unix domain socket ({@code AF_UNIX}, Java 16+ channels), with the
 * same line tools as {@link TcpConnection}; reads and writes are bounded by the read timeout.
 * Not thread-safe, except {@link #close()}.
 */
public final class UnixConnection implements Closeable {
  private final SocketChannel channel;
  private final ChannelStreams streams;
  private final ErrorContext context;
  private final LineInputStream input;
  private final OutputStream output;
  private final LineWriter writer;

  UnixConnection(SocketChannel channel, Path path, NetOptions options, String label)
      throws IOException {
    this.channel = channel;
    this.context = new ErrorContext(label, "unix:" + path);
    this.streams = new ChannelStreams(channel, options.readTimeout(), context);
    this.input = new LineInputStream(streams.input(), options.maxLineLength(), context);
    this.output = new BufferedOutputStream(streams.output(), 16 * 1024);
    this.writer = new LineWriter(output);
  }

  /**
   * Connects to the Unix domain socket at {@code path} within the connect timeout.
   *
   * @throws NetConnectException when nothing listens there
   * @throws NetTimeoutException when the server's backlog stays full for the connect timeout (a
   *     Unix connect waits for room in it, where TCP would time out or be refused)
   */
  public static UnixConnection connect(Path path, NetOptions options) throws NetException {
    ErrorContext context = new ErrorContext("unix", "unix:" + path);
    SocketChannel channel = null;
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> limit = null;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      SocketChannel opened = channel;
      // Closing a channel is the only way to end a blocking connect: the watchdog does it.
      limit =
          Watchdog.after(
              options.connectTimeout(),
              () -> {
                expired.set(true);
                Closeables.closeQuietly(opened);
              });
      channel.connect(UnixDomainSocketAddress.of(path));
      limit.cancel(false);
      return new UnixConnection(channel, path, options, "unix");
    } catch (IOException e) {
      if (limit != null) {
        limit.cancel(false);
      }
      if (channel != null) {
        Closeables.closeQuietly(channel);
      }
      if (expired.get()) {
        throw new NetTimeoutException(
            context, "connect timed out after " + SocketGuard.describe(options.connectTimeout()), e);
      }
      throw new NetConnectException(context, "cannot connect: " + e.getMessage(), e);
    }
  }


  /** Connects to a {@link Endpoint#unix(Path)} endpoint. */
  public static UnixConnection connect(Endpoint endpoint, NetOptions options) throws NetException {
    return connect(
        endpoint.unixPath().orElseThrow(() -> new IllegalArgumentException("not a Unix endpoint: " + endpoint)),
        options);
  }

  /** The buffered input (lines and raw bytes). */
  public LineInputStream input() {
    return input;
  }

  /** The buffered output; {@code flush()} sends. */
  public OutputStream output() {
    return output;
  }

  /** Writes command lines (validated, CRLF-ended, flushed). */
  public LineWriter writer() {
    return writer;
  }

  /** Reads one line, or null at the end of the stream. */
  public String readLine() throws IOException {
    return input.readLine();
  }

  /** Writes one line and CRLF, then flushes. */
  public void writeLine(String line) throws IOException {
    writer.writeLine(line);
  }

  /** The protocol and path named in errors. */
  public ErrorContext context() {
    return context;
  }

  /** True until closed. */
  public boolean isOpen() {
    return channel.isOpen();
  }

  /** Closes the connection; idempotent, safe from any thread. */
  @Override
  public void close() {
    streams.close();
  }
}
