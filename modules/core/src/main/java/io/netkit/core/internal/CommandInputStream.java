package io.netkit.core.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The input of a command connection as the bridge hands it to an engine: it reads ahead into its
 * own buffer but gives the engine at most one line per {@code read} call, and {@link #available()}
 * never counts a byte past the end of the line being handed. Engines fill their buffers with one
 * read and read again only while {@code available()} says more is there (the JDK's {@code
 * InputStreamReader} under Commons Net, {@code BufferedInputStream} under Angus Mail), so they
 * never hold bytes past the line they parse: whatever a server sends after a go-ahead reply stays
 * here, where {@link #pending()} sees it before TLS is layered on top.
 *
 * <p>It also enforces the framing's bounds as bytes are handed over: line length, whole replies and
 * NUL bytes for reply-coded protocols, and how much the peer may send while the client sends
 * nothing. A failure is final: every later read fails the same way. Not thread-safe: one reading
 * thread (which also layers TLS); only {@link #clientSent()} may be called from a writing thread.
 */
public final class CommandInputStream extends InputStream {
  private static final int BUFFER = 8 * 1024;

  private final InputStream in;
  private final CommandFraming framing;
  private final ErrorContext context;
  private final ReplyBound replies;
  private final AtomicLong unprompted = new AtomicLong();
  private final byte[] buffer = new byte[BUFFER];
  private final byte[] single = new byte[1];
  private int position;
  private int limit;
  private int lineLength;
  private boolean atLineStart = true;
  private NetProtocolException failure;

  /** Frames {@code in} (the socket's guarded stream) by {@code framing}. */
  public CommandInputStream(InputStream in, CommandFraming framing, ErrorContext context) {
    this.in = in;
    this.framing = framing;
    this.context = context;
    this.replies = framing.replyCoded() ? new ReplyBound(framing.maxReply(), context) : null;
  }

  /** Bytes read from the peer and not yet handed to the engine. */
  public int pending() {
    return limit - position;
  }

  /** The client wrote: the unprompted count starts again. */
  void clientSent() {
    unprompted.set(0);
  }

  @Override
  public int read() throws IOException {
    int n = read(single, 0, 1);
    return n < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (failure != null) {
      throw failure;
    }
    if (length == 0) {
      return 0;
    }
    if (position == limit && !fill()) {
      return -1;
    }
    int n = Math.min(length, lineEnd() - position);
    try {
      check(n);
    } catch (NetProtocolException e) {
      failure = e;
      throw e;
    }
    System.arraycopy(buffer, position, target, offset, n);
    position += n;
    return n;
  }

  /**
   * The rest of the line being handed, as far as it is buffered; 0 between lines, so an engine's
   * reader that reads on while bytes are available stops at the line's end.
   */
  @Override
  public int available() {
    return atLineStart ? 0 : lineEnd() - position;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false; // end of stream (0 never comes from a blocking socket stream)
    }
    position = 0;
    limit = n;
    return true;
  }

  /** The index just past the first LF at or after the position, else the buffer's limit. */
  private int lineEnd() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i + 1;
      }
    }
    return limit;
  }

  private void check(int n) throws NetProtocolException {
    long sent = unprompted.addAndGet(n);
    if (framing.maxUnprompted() > 0 && sent > framing.maxUnprompted()) {
      throw new NetProtocolException(
          context,
          "the server sent more than " + framing.maxUnprompted() + " bytes without a command from the client");
    }
    for (int i = position; i < position + n; i++) {
      byte b = buffer[i];
      if (replies != null) {
        replies.accept(b);
      }
      if (b == '\n') {
        lineLength = 0;
      } else if (++lineLength > framing.maxLine() + 1) { // + 1 for the CR of the line end
        throw new NetProtocolException(
            context, "line longer than " + framing.maxLine() + " bytes from the peer");
      }
      atLineStart = b == '\n';
    }
  }
}
