package io.netkit.nntp.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.line.LineInputStream;
import io.netkit.core.line.Reply;
import io.netkit.core.transport.TcpConnection;
import io.netkit.nntp.NntpLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * NNTP's framing on one core connection: command lines out (UTF-8, CRLF, at most 512 bytes),
 * single-line status replies in, and dot-terminated text blocks (lists, overviews) read line by
 * line, unstuffed and bounded. Lines are decoded by {@link Text} (UTF-8, or byte-preserving
 * ISO-8859-1). Not thread-safe.
 */
public final class Wire {
  private final TcpConnection connection;

  public Wire(TcpConnection connection) {
    this.connection = connection;
  }

  /** The connection, for TLS and raw streams. */
  public TcpConnection connection() {
    return connection;
  }

  /** The error context. */
  public ErrorContext context() {
    return connection.context();
  }

  /**
   * Sends one command line.
   *
   * @throws IllegalArgumentException when it is longer than RFC 3977's 512 bytes with CRLF
   */
  public void send(String line) throws IOException {
    if (line.getBytes(StandardCharsets.UTF_8).length > Arguments.MAX_COMMAND) {
      throw new IllegalArgumentException(
          "command longer than RFC 3977's 512 bytes: " + line.substring(0, Math.min(line.length(), 40)) + "...");
    }
    connection.writeLine(line);
  }

  /** Reads one status line as a reply. */
  public Reply reply() throws IOException {
    String line = connection.input().readLine(StandardCharsets.ISO_8859_1);
    if (line == null) {
      throw new NetProtocolException(context(), "connection closed while waiting for a reply");
    }
    if (line.indexOf('\0') >= 0) {
      // The LINES framing lets NUL through for bodies; a status line never holds one.
      throw new NetProtocolException(context(), "NUL byte in a status line");
    }
    return Reply.parseLine(Text.decode(line), context());
  }

  /** Sends {@code line} and reads its reply. */
  public Reply exchange(String line) throws IOException {
    send(line);
    return reply();
  }

  /**
   * Reads a dot-terminated block, handing each unstuffed line to {@code each}. When {@code
   * limits} is not null, more than its lines or bytes fail the read.
   *
   * @return the number of lines read
   * @throws NetTruncatedException when the connection ends before the {@code .} line (received:
   *     the lines read)
   * @throws NetProtocolException when the block is over the limits; the connection is then out of step and must be closed
   */
  public long block(NntpLimits limits, Consumer<String> each) throws IOException {
    LineInputStream in = connection.input();
    long lines = 0;
    long bytes = 0;
    while (true) {
      String raw = in.readLine(StandardCharsets.ISO_8859_1);
      if (raw == null || !in.lastLineTerminated()) {
        throw new NetTruncatedException(
            context(),
            "connection closed after " + lines + " lines of a multi-line answer (no '.' line)",
            -1, lines, null);
      }
      if (raw.equals(".")) {
        return lines;
      }
      String line = raw.startsWith(".") ? raw.substring(1) : raw;
      lines++;
      bytes += raw.length() + 2;
      if (limits != null && (lines > limits.maxLines() || bytes > limits.maxBytes())) {
        throw new NetProtocolException(
            context(),
            "multi-line answer longer than " + limits.maxLines() + " lines or " + limits.maxBytes()
                + " bytes; use a streaming request or raise NntpLimits");
      }
      each.accept(Text.decode(line));
    }
  }
}
