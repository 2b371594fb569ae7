package io.netkit.core.transport;

import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.internal.ChannelStreams;
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

/**
 * A stream connection over a Unix domain socket ({@code AF_UNIX}, Java 16+ channels), with the
 * same line tools as {@link TcpConnection}; reads and writes are bounded by the read timeout.
 * Not thread-safe, except {@link #close()}.
 */
public final class UnixConnection implements Closeable {
  private final SocketChannel channel;
  private final ErrorContext context;
  private final LineInputStream input;
  private final OutputStream output;
  private final LineWriter writer;

  UnixConnection(SocketChannel channel, Path path, NetOptions options, String label)
      throws IOException {
    this.channel = channel;
    this.context = new ErrorContext(label, "unix:" + path);
    channel.configureBlocking(false);
    this.input =
        new LineInputStream(
            ChannelStreams.input(channel, options.readTimeout(), context),
            options.maxLineLength(),
            context);
    this.output =
        new BufferedOutputStream(ChannelStreams.output(channel, options.readTimeout(), context), 16 * 1024);
    this.writer = new LineWriter(output);
  }

  /**
   * Connects to the Unix domain socket at {@code path}.
   *
   * @throws NetConnectException when nothing listens there
   */
  public static UnixConnection connect(Path path, NetOptions options) throws NetException {
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(path));
      return new UnixConnection(channel, path, options, "unix");
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // already failing
        }
      }
      throw new NetConnectException(
          new ErrorContext("unix", "unix:" + path), "cannot connect: " + e.getMessage(), e);
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
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing more to do
    }
  }
}
