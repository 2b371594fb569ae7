package io.netkit.cli;

import java.io.BufferedOutputStream;
import java.io.Console;
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
 * @param outputIsTerminal true when {@code out} is a terminal: no progress bar is drawn into the
 *     content, and binary content is not written there unless asked for with {@code -o -}
 * @param passwords asks the person at the terminal for a password without echo, or null when
 *     there is nobody to ask
 */
public record Terminal(
    InputStream in,
    PrintStream out,
    PrintStream err,
    boolean interactive,
    boolean outputIsTerminal,
    PasswordPrompt passwords) {
  /** Asks for a secret without echoing it. */
  @FunctionalInterface
  public interface PasswordPrompt {
    /** The secret typed after {@code prompt}, or null when the person gave none (end of input). */
    char[] read(String prompt);
  }

  /** Checks the streams. */
  public Terminal {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /** Streams where standard output is not a terminal and no password can be asked for. */
  public Terminal(InputStream in, PrintStream out, PrintStream err, boolean interactive) {
    this(in, out, err, interactive, false, null);
  }

  /**
   * The process's streams. Interactive when standard error is a terminal: on Linux that is read
   * from {@code /proc/self/fd/2} (so {@code netkit get URL > file} still shows progress, as curl
   * does); elsewhere Java 17 can only tell whether the JVM has a console, which needs standard
   * input and output to be a terminal too. Passwords are asked for through {@link
   * System#console()}, which exists only when standard input and output are a terminal.
   */
  public static Terminal system() {
    // Fetched content is bytes, not text: a plain buffered byte stream, flushed by Main at exit.
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024), false);
    Console console = System.console();
    PasswordPrompt passwords = console == null ? null : prompt -> console.readPassword("%s", prompt);
    return new Terminal(
        System.in, out, System.err, isTerminal(2), isTerminal(1), passwords);
  }

  private static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
      return System.console() != null;
    }
  }
}
