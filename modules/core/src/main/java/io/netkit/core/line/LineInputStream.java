package io.netkit.core.line;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A buffered input stream that also reads protocol lines. Lines end with CRLF or, tolerated, a
 * bare LF; neither is part of the returned line. A line longer than the limit fails with
 * {@link NetProtocolException} instead of buffering without bound. Raw byte reads and line reads
 * can be mixed freely: both consume the same buffer. Not thread-safe.
 */
public final class LineInputStream extends InputStream {
  private static final int BUFFER_SIZE = 16 * 1024;

  private final InputStream in;
  private final int maxLineLength;
  private final ErrorContext context;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private byte[] line = new byte[256];
  private boolean lastLineTerminated = true;

  /**
   * Reads from {@code in}, accepting lines of at most {@code maxLineLength} bytes (without the
   * line end); {@code context} names the connection in errors.
   */
  public LineInputStream(InputStream in, int maxLineLength, ErrorContext context) {
    this.in = Objects.requireNonNull(in, "in");
    if (maxLineLength < 1) {
      throw new IllegalArgumentException("maxLineLength must be positive");
    }
    this.maxLineLength = maxLineLength;
    this.context = Objects.requireNonNull(context, "context");
  }

  /** Reads a UTF-8 line; see {@link #readLine(Charset)}. */
  public String readLine() throws IOException {
    return readLine(StandardCharsets.UTF_8);
  }

  /**
   * Reads the next line, without its line end.
   *
   * @return the line, or null at the end of the stream when no byte was read; a last line that
   *     ends without a line end is returned as it is (see {@link #lastLineTerminated()})
   * @throws NetProtocolException when the line is longer than the limit
   */
  public String readLine(Charset charset) throws IOException {
    int length = 0;
    while (true) {
      if (position == limit && !fill()) {
        if (length == 0) {
          return null;
        }
        lastLineTerminated = false;
        return new String(line, 0, length, charset);
      }
      byte b = buffer[position++];
      if (b == '\n') {
        if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        lastLineTerminated = true;
        return new String(line, 0, length, charset);
      }
      // Allow one byte past the limit for the CR of a CRLF that ends a line of maximum length.
      if (length >= maxLineLength + 1 || (length == maxLineLength && b != '\r')) {
        throw new NetProtocolException(
            context, "line longer than " + maxLineLength + " bytes from the peer");
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, Math.min(line.length * 2, maxLineLength + 1));
      }
      line[length++] = b;
    }
  }

  /** False when the last line returned ended at the end of the stream without a line end. */
  public boolean lastLineTerminated() {
    return lastLineTerminated;
  }

  /** Bytes read from the source and not yet consumed. */
  public int buffered() {
    return limit - position;
  }

  /** The longest line accepted. */
  public int maxLineLength() {
    return maxLineLength;
  }

  /** The context named in errors. */
  public ErrorContext context() {
    return context;
  }

  @Override
  public int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) {
      return 0;
    }
    if (position == limit) {
      if (length >= buffer.length) {
        return in.read(target, offset, length); // large reads bypass the buffer
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(length, limit - position);
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }

  /**
   * Reads up to {@code length} bytes but never past the next LF (which is included): a bulk read
   * for line-structured bodies that must not consume what follows a line, such as a
   * dot-terminated body's terminator. Blocks only when nothing is buffered.
   *
   * @return the bytes read, or -1 at the end of the stream
   */
  public int readToLineEnd(byte[] target, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) {
      return 0;
    }
    if (position == limit && !fill()) {
      return -1;
    }
    int end = Math.min(limit, position + length);
    int i = position;
    while (i < end && buffer[i] != '\n') {
      i++;
    }
    int n = (i < end ? i + 1 : i) - position;
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }

  @Override
  public int available() throws IOException {
    // Ask the stream below only when nothing is buffered: readers such as the dot-terminated
    // stream call this after every byte, and on a plain socket each call is a system call.
    int buffered = buffered();
    return buffered > 0 ? buffered : in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      position = limit = 0;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
