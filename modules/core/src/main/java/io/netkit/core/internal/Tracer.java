package io.netkit.core.internal;

import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import io.netkit.core.trace.TraceMasker;
import io.netkit.core.trace.TraceSink;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns the raw bytes of one connection into masked transcript lines. One instance per
 * connection; each direction assembles its own line. Lines longer than {@link #MAX_SHOWN} are
 * cut (with the count of bytes left out) so a binary transfer cannot flood the sink or memory.
 */
public final class Tracer {
  static final int MAX_SHOWN = 512;
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
    sent.append(bytes, offset, length);
  }

  /** Records bytes that came in. */
  public void received(byte[] bytes, int offset, int length) {
    received.append(bytes, offset, length);
  }

  /** Records an event that is not data. */
  public void note(String text) {
    emit(Direction.NOTE, text);
  }

  /** Emits what is pending in either direction (a last line without a line end). */
  public void flush() {
    sent.flush();
    received.flush();
  }

  private void emit(Direction direction, String text) {
    try {
      sink.record(new TraceEvent(Instant.now(), connection, direction, masker.mask(direction, text)));
    } catch (RuntimeException sinkFailure) {
      // A broken sink must never break the connection it watches.
    }
  }

  private final class LineAssembler {
    private final Direction direction;
    private final StringBuilder line = new StringBuilder();
    private long dropped;

    LineAssembler(Direction direction) {
      this.direction = direction;
    }

    synchronized void append(byte[] bytes, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        int b = bytes[i] & 0xff;
        if (b == '\n') {
          emitLine(); // an empty line is a line too (a Gopher root request is one)
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

    synchronized void flush() {
      if (line.length() > 0 || dropped > 0) {
        emitLine();
      }
    }

    private void emitLine() {
      String text = dropped == 0 ? line.toString() : line + "... (" + dropped + " more bytes)";
      line.setLength(0);
      dropped = 0;
      emit(direction, text);
    }
  }
}
