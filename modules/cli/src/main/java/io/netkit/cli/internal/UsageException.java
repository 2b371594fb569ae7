package io.netkit.cli.internal;

import io.netkit.cli.ExitCode;

/**
 * The user asked for something that cannot be done as asked: exit code 2 (or, for a malformed
 * URL or an unsupported scheme, curl's 3 or 1), no stack trace.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** With a message that says what is wrong and, where it helps, what would be right. */
  public UsageException(String message) {
    this(message, ExitCode.USAGE);
  }

  /** With its own {@link ExitCode}, e.g. {@link ExitCode#BAD_URL}. */
  public UsageException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The exit code for this mistake. */
  public int exitCode() {
    return exitCode;
  }
}
