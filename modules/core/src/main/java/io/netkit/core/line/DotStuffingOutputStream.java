package io.netkit.core.line;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes a dot-terminated body: line ends are normalised to CRLF (a bare LF or CR becomes CRLF),
 * a line starting with {@code .} gets a second dot, and {@link #finish()} ends the body with the
 * {@code .} line, adding a line end first when the body lacks one. Streams with constant memory.
 * Not thread-safe.
 *
 * <p>Only {@link #finish()} sends the terminator. {@link #close()} without it abandons the body:
 * nothing more is sent, so a copy that failed part way inside try-with-resources can never pass
 * a truncated body (a half-sent mail, a cut article) off as complete. The caller must then
 * abort the connection. Closing never closes the underlying stream.
 */
public final class DotStuffingOutputStream extends OutputStream {
  private final OutputStream out;
  private boolean atLineStart = true;
  private boolean lastWasCr;
  private boolean finished;
  private boolean closed;

  /** Writes the stuffed body to {@code out}. */
  public DotStuffingOutputStream(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    b &= 0xff; // as OutputStream specifies: only the low byte counts, and 0x12E is a '.'
    if (b == '\n') {
      if (!lastWasCr) {
        out.write('\r');
      }
      out.write('\n');
      atLineStart = true;
      lastWasCr = false;
      return;
    }
    if (lastWasCr) {
      out.write('\n'); // a bare CR ends a line too
      atLineStart = true;
      lastWasCr = false;
    }
    if (b == '\r') {
      out.write('\r');
      lastWasCr = true;
      atLineStart = false;
      return;
    }
    if (atLineStart && b == '.') {
      out.write('.');
    }
    out.write(b);
    atLineStart = false;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    ensureOpen();
    int end = offset + length;
    int runStart = offset;
    // Copy runs of ordinary bytes in one call; handle line ends and leading dots one by one.
    for (int i = offset; i < end; i++) {
      byte b = bytes[i];
      boolean special = b == '\r' || b == '\n' || lastWasCr || (atLineStart && b == '.');
      if (special || (i == runStart && atLineStart)) {
        if (i > runStart) {
          out.write(bytes, runStart, i - runStart);
          atLineStart = false;
        }
        write(b & 0xff);
        runStart = i + 1;
      }
    }
    if (end > runStart) {
      out.write(bytes, runStart, end - runStart);
      atLineStart = false;
    }
  }

  /** Ends the body with the terminating dot line and flushes; later calls do nothing. */
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    if (closed) {
      throw new IOException("body abandoned: the stream was closed before finish()");
    }
    if (lastWasCr) {
      out.write('\n');
      atLineStart = true;
      lastWasCr = false;
    }
    if (!atLineStart) {
      out.write('\r');
      out.write('\n');
    }
    out.write('.');
    out.write('\r');
    out.write('\n');
    out.flush();
    finished = true;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /**
   * Ends this stream. After {@link #finish()} it changes nothing; before it, the body is
   * abandoned unterminated (see the class comment). The underlying stream stays open.
   */
  @Override
  public void close() {
    closed = true;
  }

  /** True when {@link #finish()} sent the terminator. */
  public boolean isFinished() {
    return finished;
  }

  private void ensureOpen() throws IOException {
    if (finished) {
      throw new IOException("body already finished");
    }
    if (closed) {
      throw new IOException("body abandoned: the stream was closed before finish()");
    }
  }
}
