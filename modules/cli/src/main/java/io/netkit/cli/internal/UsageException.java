package io.netkit.cli.internal;

/** The user asked for something that cannot be done as asked: exit code 2, no stack trace. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message that says what is wrong and, where it helps, what would be right. */
  public UsageException(String message) {
    super(message);
  }
}
