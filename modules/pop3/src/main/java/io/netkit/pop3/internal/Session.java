package io.netkit.pop3.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.TransferListener;
import io.netkit.core.line.DotTerminatedInputStream;
import io.netkit.core.transport.TcpConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The POP3 wire on one core {@link TcpConnection}: command lines out, status lines and
 * dot-terminated answers in. Every read is bounded by the connection's read timeout and line
 * limit; multi-line answers by a line count; message bodies stream. Not thread-safe.
 */
public final class Session {
  /** The most lines a CAPA answer may have. */
  static final int MAX_CAPA_LINES = 1000;

  private final TcpConnection connection;

  /** Talks POP3 on {@code connection}. */
  public Session(TcpConnection connection) {
    this.connection = connection;
  }

  /** The connection. */
  public TcpConnection connection() {
    return connection;
  }

  /** The protocol and host named in errors. */
  public ErrorContext context() {
    return connection.context();
  }

  /** Reads one status line. */
  public Status readStatus() throws IOException {
    String line = connection.readLine();
    if (line == null) {
      throw new NetProtocolException(context(), "connection closed while waiting for a status line");
    }
    return Status.parse(line, context());
  }

  /** Sends {@code line} (CR, LF and NUL refused before anything is sent) and reads the status. */
  public Status command(String line) throws IOException {
    connection.writeLine(line);
    return readStatus();
  }

  /**
   * Reads the lines of a multi-line answer up to its {@code .} line, unstuffing {@code ..}.
   *
   * @throws NetTruncatedException when the connection ends before the {@code .} line (or in
   *     the middle of a line)
   * @throws NetProtocolException when the answer has more than {@code maxLines} lines
   */
  public List<String> readLines(int maxLines, String what) throws IOException {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = connection.readLine();
      if (line == null || !connection.input().lastLineTerminated()) {
        throw new NetTruncatedException(
            context(), "connection closed before the end of the " + what + " answer (no '.' line)");
      }
      if (line.equals(".")) {
        return lines;
      }
      if (lines.size() >= maxLines) {
        throw new NetProtocolException(
            context(), what + " answer longer than " + maxLines + " lines");
      }
      lines.add(line.startsWith(".") ? line.substring(1) : line);
    }
  }

  /**
   * Streams a dot-terminated body into {@code sink}, unstuffed, without the {@code .} line.
   *
   * <p>The body reader reads the connection's line input directly: it then copies whole lines
   * out of that buffer (its fast path), and asks the socket for {@code available()} only when the
   * buffer is empty (100 MiB once took 40 s when it asked after every byte).
   *
   * <p>{@code total} (a size the server announced, e.g. {@code +OK 5000 octets}) is informational
   * only, as RFC 1939 says: it feeds progress, nothing is allocated by it, and a body that ends
   * properly with its {@code .} line is accepted whatever its length.
   *
   * @param total the expected size for progress, or -1
   * @return the bytes written
   * @throws NetTruncatedException when the connection ends before the {@code .} line: what was
   *     written is then not the whole message ({@code expected} is {@code total})
   */
  public long copyBody(OutputStream sink, TransferListener progress, long total) throws IOException {
    DotTerminatedInputStream body = new DotTerminatedInputStream(connection.input(), false, context());
    byte[] buffer = new byte[64 * 1024];
    long bytes = 0;
    int n;
    while ((n = body.read(buffer, 0, buffer.length)) >= 0) {
      sink.write(buffer, 0, n);
      bytes += n;
      progress.progress(bytes, total);
    }
    if (body.endedWithoutTerminator()) {
      throw new NetTruncatedException(context(),
          "connection closed after " + bytes + (total >= 0 ? " of " + total + " announced" : "")
              + " bytes of the message, before its terminating '.' line",
          total, bytes, null);
    }
    return bytes;
  }

  /** Reads and discards a dot-terminated body (after the caller's limit was reached). */
  public void skipBody() throws IOException {
    copyBody(OutputStream.nullOutputStream(), TransferListener.NONE, -1);
  }
}
