package io.netkit.core;

/**
 * The server says that what was named does not exist: a file, message or article (an {@linkplain
 * Target#ITEM item}), or a directory, group or mailbox (a {@linkplain Target#CONTAINER
 * container}). A {@link NetReplyException}, so it carries the reply; the distinction lets callers
 * (and the {@code netkit} command's exit codes, as curl's) tell "no such file" from "no such
 * directory" and from other refusals. Immutable.
 */
public class NetNotFoundException extends NetReplyException {
  /** What kind of thing was missing. */
  public enum Target {
    /** A file, message, article or other single thing to fetch. */
    ITEM,
    /** A directory, group, mailbox or other thing that holds items. */
    CONTAINER
  }

  private final Target target;

  /**
   * The server answered {@code code text} to a request naming something that does not exist.
   *
   * @param what what was being done, for the message (may be null)
   */
  public NetNotFoundException(
      ErrorContext context, Target target, int code, String text, String what) {
    super(context, code, text, what);
    this.target = java.util.Objects.requireNonNull(target, "target");
  }

  /**
   * The server answered {@code reply}, a refusal without a numeric code (an IMAP {@code NO
   * [NONEXISTENT]}), to a request naming something that does not exist; {@link #replyCode()} is
   * empty.
   *
   * @param what what was being done, for the message (may be null)
   */
  public NetNotFoundException(ErrorContext context, Target target, String reply, String what) {
    super(context, reply, what);
    this.target = java.util.Objects.requireNonNull(target, "target");
  }

  /** Whether an item or a container was missing. */
  public Target target() {
    return target;
  }
}
