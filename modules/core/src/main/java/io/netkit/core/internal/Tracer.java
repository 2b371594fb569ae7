package io.netkit.core.internal;

import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import io.netkit.core.trace.TraceMasker;
import io.netkit.core.trace.TraceSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns the raw bytes of one connection into masked transcript lines. One instance per
 * connection; each direction assembles its own line. Lines longer than {@link #MAX_SHOWN} are
 * cut (with the count of bytes left out) so a long line cannot flood the sink or memory.
 *
 * <p>Binary payloads (a Gopher image, an FTP data connection carrying a zip) are not dumped: a
 * direction whose bytes look binary, {@link #BINARY_CONTROL_BYTES} control bytes (other than tab,
 * CR, LF, form feed and escape) with no clean text line between them, is shown as one line
 * {@code <<< 65536 bytes of data >>>}, as curl's {@code --trace-ascii} users expect. Lines that
 * hold control bytes are kept back until that is decided, so the summary replaces them; they are
 * shown as they are (control bytes as {@code \xNN}) as soon as a clean line, the other direction
 * or the end of the connection shows they were text after all (a Telnet negotiation, say). The
 * summary is emitted when the connection ends, or when the other direction next sends a line
 * (a new request: what follows is a new reply, traced as text again).
 *
 * <p>Thread-safe: each direction serializes its own bytes. Tracers are made only when tracing is
 * on, so none of this costs anything otherwise.
 */
public final class Tracer {
  static final int MAX_SHOWN = 512;
  /** Control bytes (without a clean line between them) after which a direction is binary. */
  static final int BINARY_CONTROL_BYTES = 32;
  /** A line this long without control bytes shows the direction carries text. */
  private static final int CLEAN_LINE = 8;
  /** At most this many lines are held back (each at most {@link #MAX_SHOWN} long). */
  private static final int MAX_HELD = 64;
  private static final AtomicInteger IDS = new AtomicInteger();

  private final TraceSink sink;
  private final TraceMasker masker;
  private final String connection;
  private final LineAssembler sent = new LineAssembler(Direction.SENT);
  private final LineAssembler received = new LineAssembler(Direction.RECEIVED);

  /** A tracer naming its connection {@code label#N target}. */
  public Tracer(TraceSink sink, TraceMasker masker, String label, String target) {
    this.sink = sink;
    this.masker = masker == null ? TraceMasker.NONE : masker.forConnection();
    this.connection = label + "#" + IDS.incrementAndGet() + " " + target;
  }

  /** Records bytes that went out. */
  public void sent(byte[] bytes, int offset, int length) {
    if (endsALine(bytes, offset, length)) {
      received.settle(); // a new request: the reply to the last one is complete
    }
    sent.append(bytes, offset, length);
  }

  /** Records bytes that came in. */
  public void received(byte[] bytes, int offset, int length) {
    if (endsALine(bytes, offset, length)) {
      sent.settle();
    }
    received.append(bytes, offset, length);
  }

  /** Records an event that is not data. */
  public void note(String text) {
    emit(Direction.NOTE, text);
  }

  /** Emits what is pending in either direction (a last line without a line end, a summary). */
  public void flush() {
    sent.flush();
    received.flush();
  }

  private void emit(Direction direction, String text) {
    try {
      String masked = masker.mask(direction, text);
      if (masked == null) {
        return; // the masker leaves this line out (an HTTP body)
      }
      sink.record(new TraceEvent(Instant.now(), connection, direction, masked));
    } catch (RuntimeException sinkFailure) {
      // A broken sink must never break the connection it watches.
    }
  }

  /**
   * True when the bytes hold a line end: the other direction is then settled first (outside this
   * direction's lock, so two directions never wait on each other).
   */
  private static boolean endsALine(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        return true;
      }
    }
    return false;
  }

  /** The summary line of a binary payload. */
  static String summary(long bytes) {
    return "<<< " + bytes + (bytes == 1 ? " byte" : " bytes") + " of data >>>";
  }

  /** Bytes that are not text: control characters other than tab, LF, FF, CR and ESC; DEL. */
  private static boolean isControl(int b) {
    return b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r' && b != 0x1b || b == 0x7f;
  }

  private final class LineAssembler {
    private final Direction direction;
    private final StringBuilder line = new StringBuilder();
    /** Lines with control bytes, held until the direction is known to be text or binary. */
    private final List<String> held = new ArrayList<>();
    private long dropped;
    private long lineBytes; // raw bytes of the line being assembled, line end included
    private long heldBytes; // raw bytes of the held lines
    private int lineControls;
    private int suspicion; // control bytes since the last clean line
    private long payload = -1; // bytes of a binary payload, or -1 while the direction is text

    LineAssembler(Direction direction) {
      this.direction = direction;
    }

    synchronized void append(byte[] bytes, int offset, int length) {
      if (payload >= 0) {
        payload += length;
        return;
      }
      for (int i = offset; i < offset + length; i++) {
        int b = bytes[i] & 0xff;
        lineBytes++;
        if (isControl(b)) {
          lineControls++;
          if (++suspicion >= BINARY_CONTROL_BYTES) {
            // Binary: what was held back, the line so far and the rest are the payload.
            payload = heldBytes + lineBytes + (offset + length - i - 1);
            held.clear();
            heldBytes = 0;
            resetLine();
            return;
          }
        }
        if (b == '\n') {
          endLine(); // an empty line is a line too (a Gopher root request is one)
        } else if (b == '\r') {
          continue;
        } else if (line.length() >= MAX_SHOWN) {
          dropped++;
        } else if (b < 0x20 && b != '\t' || b == 0x7f) {
          line.append(String.format("\\x%02x", b));
        } else {
          line.append((char) b);
        }
      }
    }

    /**
     * The other direction spoke: ends a binary payload with its summary (the direction is text
     * again) or shows the lines held back, so the transcript keeps the order of the exchange.
     */
    synchronized void settle() {
      if (payload >= 0) {
        emit(direction, summary(payload));
        payload = -1;
        suspicion = 0;
      } else {
        releaseHeld();
      }
    }

    synchronized void flush() {
      if (payload < 0 && (line.length() > 0 || dropped > 0)) {
        endLine();
      }
      settle();
    }

    /** Ends the current line: held back if it has control bytes, else emitted. */
    private void endLine() {
      String text = dropped == 0 ? line.toString() : line + "... (" + dropped + " more bytes)";
      boolean suspect = lineControls > 0;
      boolean clean = !suspect && line.length() >= CLEAN_LINE;
      long raw = lineBytes;
      resetLine();
      if (suspect || !clean && !held.isEmpty() && held.size() < MAX_HELD) {
        held.add(text);
        heldBytes += raw;
        return;
      }
      if (clean) {
        suspicion = 0;
      }
      releaseHeld();
      emit(direction, text);
    }

    private void releaseHeld() {
      for (String h : held) {
        emit(direction, h);
      }
      held.clear();
      heldBytes = 0;
    }

    private void resetLine() {
      line.setLength(0);
      dropped = 0;
      lineBytes = 0;
      lineControls = 0;
    }
  }
}
