package io.netkit.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
   * The process's streams. Interactive when standard error is a terminal: on Linux that is read
   * from {@code /proc/self/fd/2} (so {@code netkit get URL > file} still shows progress, as curl
   * does); elsewhere Java 17 can only tell whether the JVM has a console, which needs standard
   * input and output to be a terminal too.
   */
  public static Terminal system() {
    // Fetched content is bytes, not text: a plain buffered byte stream, flushed by Main at exit.
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024), false);
    return new Terminal(System.in, out, System.err, stderrIsTerminal());
  }

  private static boolean stderrIsTerminal() {
    Path stderr = Path.of("/proc/self/fd/2");
    try {
      String target = Files.readSymbolicLink(stderr).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
      return System.console() != null;
    }
  }
}
