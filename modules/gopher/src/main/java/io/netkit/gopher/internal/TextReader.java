package io.netkit.gopher.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetReplyException;
import io.netkit.core.TransferListener;
import io.netkit.core.line.DotTerminatedInputStream;
import io.netkit.core.line.LineInputStream;
import io.netkit.gopher.GopherTransfer;
import io.netkit.gopher.TextFraming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Streams a text item into a sink with constant memory: the {@code .} terminator and dot-stuffing
 * undone ({@link TextFraming#DOT_TERMINATED}, by the core's {@link DotTerminatedInputStream}) and
 * CRLF turned into LF. Text is lines, so a NUL byte or a line over the connection's line limit is
 * a {@link NetProtocolException} (fetch such items as binary).
 *
 * <p>A server asked for a text item it does not have answers with an error menu: one type
 * {@code 3} item line ({@code 3Not found<TAB>sel<TAB>host<TAB>port}). The first line is therefore
 * held back until it is complete, and if it has that shape the item is refused with a
 * {@link NetReplyException} (code 3, the item's text) before a byte reaches the sink. Not
 * thread-safe.
 */
public final class TextReader {
  private final LineInputStream in;
  private final OutputStream sink;
  private final TransferListener progress;
  private final int maxLineLength;
  private final ErrorContext context;
  private final byte[] out = new byte[16 * 1024];
  private int outCount;
  private long written;
  private int lineLength;
  private boolean pendingCr;
  private int last = -1;
  private boolean firstLineChecked;

  public TextReader(LineInputStream in, OutputStream sink, TransferListener progress) {
    this.in = in;
    this.sink = sink;
    this.progress = progress;
    this.maxLineLength = in.maxLineLength();
    this.context = in.context();
  }

  /** Copies the whole item; see {@link TextFraming} for how its end is recognised. */
  public GopherTransfer copy(TextFraming framing) throws IOException {
    DotTerminatedInputStream dotted =
        framing == TextFraming.DOT_TERMINATED ? new DotTerminatedInputStream(in, false, context) : null;
    InputStream source = dotted == null ? in : dotted;
    byte[] chunk = new byte[16 * 1024];
    for (int n = source.read(chunk, 0, chunk.length); n >= 0; n = source.read(chunk, 0, chunk.length)) {
      for (int i = 0; i < n; i++) {
        accept(chunk[i]);
      }
      drain();
    }
    if (pendingCr) {
      emit('\r');
    }
    checkFirstLine();
    drain();
    if (dotted == null) {
      return new GopherTransfer(written, GopherTransfer.End.CLOSED_BY_SERVER);
    }
    if (dotted.terminated()) {
      return new GopherTransfer(written, GopherTransfer.End.TERMINATOR);
    }
    if (written == 0) {
      throw new NetProtocolException(context, "server closed the connection without sending the text");
    }
    if (last != '\n') {
      throw new io.netkit.core.NetTruncatedException(
          context, "connection closed in the middle of a line after " + written
              + " bytes (no terminating '.' line)", -1, written, null);
    }
    // A complete last line and a close: tolerated, as many servers never send the terminator.
    return new GopherTransfer(written, GopherTransfer.End.CLOSED_BY_SERVER);
  }

  private void accept(byte b) throws IOException {
    if (b == 0) {
      throw new NetProtocolException(context, "text item contains a NUL byte (fetch it as binary)");
    }
    if (pendingCr) {
      pendingCr = false;
      if (b == '\n') {
        endLine();
        return;
      }
      emit('\r');
    }
    if (b == '\r') {
      pendingCr = true;
    } else if (b == '\n') {
      endLine();
    } else {
      emit(b);
    }
  }

  private void endLine() throws IOException {
    checkFirstLine();
    if (outCount == out.length) {
      drain();
    }
    out[outCount++] = '\n';
    last = '\n';
    lineLength = 0;
  }

  private void emit(int b) throws IOException {
    if (++lineLength > maxLineLength) {
      throw new NetProtocolException(
          context, "text line longer than " + maxLineLength + " bytes (fetch the item as binary)");
    }
    if (outCount == out.length) {
      drain();
    }
    out[outCount++] = (byte) b;
    last = b & 0xff;
  }

  /** Refuses an error menu in place of the text (see the class comment); runs once. */
  private void checkFirstLine() throws NetReplyException {
    if (firstLineChecked) {
      return;
    }
    firstLineChecked = true;
    String first = new String(out, 0, outCount, StandardCharsets.UTF_8);
    String[] fields = first.split("\t", -1);
    boolean errorItem =
        first.startsWith("3")
            && fields.length >= 4
            && !fields[3].isEmpty()
            && fields[3].chars().allMatch(c -> c >= '0' && c <= '9');
    if (errorItem) {
      throw new NetNotFoundException(
          context, NetNotFoundException.Target.ITEM, 3, fields[0].substring(1), "text item");
    }
  }

  private void drain() throws IOException {
    if (!firstLineChecked && outCount < out.length) {
      return; // hold the first line until it can be checked
    }
    checkFirstLine();
    if (outCount > 0) {
      sink.write(out, 0, outCount);
      written += outCount;
      outCount = 0;
      progress.progress(written, -1);
    }
  }
}
