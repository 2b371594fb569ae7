package io.netkit.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The streams a command talks through, and whether a person is watching. {@link #system()} is the
 * process's own; tests pass captured streams. Immutable.
 *
 * @param in standard input (the content of {@code put URL -})
 * @param out standard output: fetched content, listings, tables
 * @param err standard error: errors, notices, progress, the wire trace
 * @param interactive true when progress bars may be drawn on {@code err}
 */
public record Terminal(InputStream in, PrintStream out, PrintStream err, boolean interactive) {
  /** Checks the streams. */
  public Terminal {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /**
   * The process's streams. Interactive when the JVM has a console: Java 17 cannot ask about
   * standard error alone, so progress is drawn only when standard input and output are a
   * terminal too (as with {@code netkit get URL -o file} typed at a prompt).
   */
  public static Terminal system() {
    // Fetched content is bytes, not text: a plain buffered byte stream, flushed by Main at exit.
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024), false);
    return new Terminal(System.in, out, System.err, System.console() != null);
  }
}
