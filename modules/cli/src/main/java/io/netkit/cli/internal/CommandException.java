package io.netkit.cli.internal;

import java.io.IOException;

/**
 * A failure of the command's own doing (a port it cannot listen on, content it will not write to
 * a terminal), whose message is already the one plain sentence for the user, with the exit code
 * it deserves. Printed as it is: no exception type, no stack trace without {@code -v}.
 */
public final class CommandException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** {@code message} says what failed and, where it helps, what to do. */
  public CommandException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The exit code for this failure. */
  public int exitCode() {
    return exitCode;
  }
}
