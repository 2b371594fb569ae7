package io.netkit.cli.internal;

import io.netkit.cli.ExitCode;
import java.io.IOException;

/**
 * A local file (or standard input/output) could not be read or written. Kept apart from network
 * failures so the user knows where to look; the exit code says which side failed, as curl's do:
 * 23 for writing (the default), 26 for reading, 77 for the {@code --cacert} file.
 */
public final class LocalFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** A failure writing; {@code message} names the file and what failed. */
  public LocalFileException(String message, Throwable cause) {
    this(message, cause, ExitCode.LOCAL_FILE);
  }

  /** A failure with its own {@link ExitCode}, e.g. {@link ExitCode#READ_ERROR}. */
  public LocalFileException(String message, Throwable cause, int exitCode) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A failure reading a local file or standard input (exit code 26). */
  public static LocalFileException reading(String message, Throwable cause) {
    return new LocalFileException(message, cause, ExitCode.READ_ERROR);
  }

  /** The exit code for this failure. */
  public int exitCode() {
    return exitCode;
  }
}
