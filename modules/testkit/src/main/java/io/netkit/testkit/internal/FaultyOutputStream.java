package io.netkit.testkit.internal;

import io.netkit.testkit.Fault;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * Applies a response-time {@link Fault} to everything a mock server writes, whatever its
 * protocol: {@link Fault#DRIP} passes bytes one at a time with a pause; {@link
 * Fault#DISCONNECT_MID_RESPONSE} passes the first bytes then ends the conversation; {@link
 * Fault#GARBAGE_REPLY} and {@link Fault#OVERLONG_LINE} replace the first write (the greeting or the
 * first reply) with garbage or an endless line and end the conversation. Other faults pass
 * everything through. Not thread-safe (one per connection).
 */
public final class FaultyOutputStream extends OutputStream {
  private final OutputStream out;
  private final Fault fault;
  private final Settings settings;
  private long written;

  /** What the faults need to know; immutable. */
  public record Settings(Duration dripDelay, long cutAfterBytes, int overlongLineLength, byte[] garbage) {
    public Settings {
      Objects.requireNonNull(dripDelay, "dripDelay");
      garbage = garbage.clone();
    }

    @Override
    public byte[] garbage() {
      return garbage.clone();
    }
  }

  public FaultyOutputStream(OutputStream out, Fault fault, Settings settings) {
    this.out = Objects.requireNonNull(out, "out");
    this.fault = Objects.requireNonNull(fault, "fault");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length == 0) {
      return;
    }
    switch (fault) {
      case DRIP -> drip(bytes, offset, length);
      case DISCONNECT_MID_RESPONSE -> cut(bytes, offset, length);
      case GARBAGE_REPLY -> {
        out.write(settings.garbage());
        out.flush();
        throw new FaultAbort("garbage sent instead of the reply");
      }
      case OVERLONG_LINE -> {
        writeOverlongLine();
        throw new FaultAbort("overlong line sent instead of the reply");
      }
      default -> out.write(bytes, offset, length);
    }
    written += length;
  }

  private void drip(byte[] bytes, int offset, int length) throws IOException {
    for (int i = 0; i < length; i++) {
      out.write(bytes[offset + i]);
      out.flush();
      pause(settings.dripDelay());
    }
  }

  private void cut(byte[] bytes, int offset, int length) throws IOException {
    long room = settings.cutAfterBytes() - written;
    if (room >= length) {
      out.write(bytes, offset, length);
      return;
    }
    out.write(bytes, offset, (int) Math.max(0, room));
    out.flush();
    throw new FaultAbort("connection cut after " + settings.cutAfterBytes() + " bytes");
  }

  private void writeOverlongLine() throws IOException {
    byte[] chunk = new byte[8192];
    java.util.Arrays.fill(chunk, (byte) 'x');
    int left = settings.overlongLineLength();
    while (left > 0) {
      int n = Math.min(left, chunk.length);
      out.write(chunk, 0, n);
      left -= n;
    }
    out.write(new byte[] {'\r', '\n'});
    out.flush();
  }

  private static void pause(Duration delay) throws InterruptedIOException {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while dripping");
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Does not close the connection's stream: the server closes the connection. */
  @Override
  public void close() throws IOException {
    out.flush();
  }
}
