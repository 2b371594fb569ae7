package io.netkit.core.line;

import io.netkit.core.UnsafeArgumentException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes protocol command lines, each ended by CRLF and flushed. Refuses, before writing
 * anything, a line or argument that contains CR, LF or NUL: such a value could smuggle a second
 * command onto the wire. Not thread-safe.
 */
public final class LineWriter {
  private static final byte[] CRLF = {'\r', '\n'};

  private final OutputStream out;
  private final Charset charset;

  /** Writes UTF-8 lines to {@code out}. */
  public LineWriter(OutputStream out) {
    this(out, StandardCharsets.UTF_8);
  }

  /** Writes lines in {@code charset} to {@code out}. */
  public LineWriter(OutputStream out, Charset charset) {
    this.out = Objects.requireNonNull(out, "out");
    this.charset = Objects.requireNonNull(charset, "charset");
  }

  /**
   * Writes {@code line} and CRLF, then flushes.
   *
   * @throws UnsafeArgumentException when the line holds CR, LF or NUL (nothing is written)
   */
  public void writeLine(String line) throws IOException {
    UnsafeArgumentException.requireSafe("command line", line);
    out.write(line.getBytes(charset));
    out.write(CRLF);
    out.flush();
  }

  /**
   * Writes {@code verb arg1 arg2...} and CRLF, then flushes.
   *
   * @throws UnsafeArgumentException when any part holds CR, LF or NUL (nothing is written)
   */
  public void command(String verb, String... arguments) throws IOException {
    StringBuilder line = new StringBuilder(UnsafeArgumentException.requireSafe("command", verb));
    for (String argument : arguments) {
      line.append(' ').append(UnsafeArgumentException.requireSafe("argument", argument));
    }
    writeLine(line.toString());
  }

  /** The underlying stream, for raw bytes between lines. */
  public OutputStream stream() {
    return out;
  }
}
