package io.netkit.cli.internal;

import java.io.IOException;

/**
 * A local file (or standard input/output) could not be read or written: exit code 23. Kept apart
 * from network failures so the user knows where to look.
 */
public final class LocalFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** {@code message} names the file and what failed. */
  public LocalFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
