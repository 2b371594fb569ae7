package io.netkit.core.line;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTruncatedException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads a dot-terminated multi-line body (NNTP articles, POP3 messages, SMTP-style data, Gopher
 * text) as a stream: the terminating {@code .} line ends the stream and is not part of it, and a
 * leading {@code ..} on a line is unstuffed to {@code .}. Line ends pass through as received.
 * Reads exactly up to the terminator, never past it, so the connection stays usable. Memory use
 * is constant whatever the body's size. Not thread-safe.
 *
 * <p>A terminator line may end in CRLF or a bare LF. When the source ends before the terminator,
 * {@link NetTruncatedException} (a {@link NetProtocolException}) is thrown if the terminator is
 * required; otherwise the stream just ends and {@link #terminated()} stays false.
 */
public final class DotTerminatedInputStream extends InputStream {
  private enum State { LINE_START, MIDDLE, DOT, DOT_CR, END }

  private final InputStream source;
  private final boolean requireTerminator;
  private final ErrorContext context;
  private State state = State.LINE_START;
  /** Bytes decided but not yet handed out (at most two: a dot and what followed it). */
  private final byte[] pending = new byte[3];
  private int pendingCount;
  private int pendingPosition;
  /** The source ended before the terminator (possible only when it is not required). */
  private boolean unterminated;

  /** Reads from {@code source}; a missing terminator is an error when {@code requireTerminator}. */
  public DotTerminatedInputStream(
      InputStream source, boolean requireTerminator, ErrorContext context) {
    this.source = Objects.requireNonNull(source, "source");
    this.requireTerminator = requireTerminator;
    this.context = Objects.requireNonNull(context, "context");
  }

  /** Reads from a line stream, terminator required, with its error context. */
  public DotTerminatedInputStream(LineInputStream source) {
    this(source, true, source.context());
  }

  /** True once the terminating dot line was read. */
  public boolean terminated() {
    return state == State.END && !unterminated;
  }

  /** True when the body ended because the source ended, without a terminator (lenient mode). */
  public boolean endedWithoutTerminator() {
    return unterminated;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) {
      return 0;
    }
    int count = 0;
    while (count < length) {
      if (pendingPosition < pendingCount) {
        target[offset + count++] = pending[pendingPosition++];
        continue;
      }
      if (state == State.END) {
        break;
      }
      // Inside a line nothing needs decoding up to its LF: copy the run in bulk (a line input
      // stops at the LF, so nothing past the terminator is ever consumed). Per byte, this path
      // cost two virtual calls and a state step: 284 MB/s decoded before, see docs/performance.md.
      if (state == State.MIDDLE && source instanceof LineInputStream lines) {
        if (count > 0 && lines.buffered() <= 0) {
          break;
        }
        int n = lines.readToLineEnd(target, offset + count, length - count);
        if (n < 0) {
          endOfSource();
          break;
        }
        if (target[offset + count + n - 1] == '\n') {
          state = State.LINE_START;
        }
        count += n;
        continue;
      }
      // Once some bytes are ready, do not block for more unless they are already buffered.
      if (count > 0 && source.available() <= 0) {
        break;
      }
      int b = source.read();
      if (b < 0) {
        endOfSource();
        break;
      }
      step((byte) b);
    }
    return count == 0 && state == State.END && pendingPosition >= pendingCount ? -1 : count;
  }

  private void step(byte b) {
    pendingCount = pendingPosition = 0;
    switch (state) {
      case LINE_START -> {
        if (b == '.') {
          state = State.DOT;
        } else {
          emit(b);
          state = b == '\n' ? State.LINE_START : State.MIDDLE;
        }
      }
      case MIDDLE -> {
        emit(b);
        if (b == '\n') {
          state = State.LINE_START;
        }
      }
      case DOT -> {
        if (b == '\r') {
          state = State.DOT_CR;
        } else if (b == '\n') {
          state = State.END;
        } else {
          // ".." is a stuffed dot; a lone dot before other text is kept as sent (tolerated).
          if (b != '.') {
            emit((byte) '.');
          }
          emit(b);
          state = State.MIDDLE;
        }
      }
      case DOT_CR -> {
        if (b == '\n') {
          state = State.END;
        } else {
          emit((byte) '.');
          emit((byte) '\r');
          emit(b);
          state = State.MIDDLE;
        }
      }
      case END -> throw new IllegalStateException("read past the terminator");
    }
  }

  private void emit(byte b) {
    pending[pendingCount++] = b;
  }

  private void endOfSource() throws NetProtocolException {
    if (requireTerminator) {
      throw new NetTruncatedException(
          context, "connection closed before the end of the body (no terminating '.' line)");
    }
    pendingCount = pendingPosition = 0;
    // A dot (and CR) held back in case they began the terminator were body after all.
    if (state == State.DOT || state == State.DOT_CR) {
      emit((byte) '.');
    }
    if (state == State.DOT_CR) {
      emit((byte) '\r');
    }
    state = State.END;
    unterminated = true;
  }

  /**
   * Reads and discards the rest of the body, so the connection can be used again.
   *
   * @throws IOException as {@link #read()} does
   */
  public void skipToEnd() throws IOException {
    byte[] scratch = new byte[8192];
    while (read(scratch, 0, scratch.length) >= 0) {
      // discard
    }
  }

  @Override
  public int available() {
    return pendingCount - pendingPosition;
  }

  /** Does not close the source: the connection outlives the body. */
  @Override
  public void close() {}
}
