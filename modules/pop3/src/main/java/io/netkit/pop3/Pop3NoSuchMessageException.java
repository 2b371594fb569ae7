package io.netkit.pop3;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetNotFoundException;
import java.util.OptionalInt;

/**
 * The server answered {@code -ERR} to a command naming a message number ({@code RETR}, {@code
 * TOP}, {@code DELE}, {@code LIST n}, {@code UIDL n}): there is no such message in this session
 * (or it is marked deleted). A {@link NetNotFoundException} with {@link Target#ITEM}. Immutable.
 */
public final class Pop3NoSuchMessageException extends NetNotFoundException {
  private final int number;
  private final String composed;
  private final String detail;

  /** The server refused {@code what} (about message {@code number}) with {@code -ERR text}. */
  public Pop3NoSuchMessageException(ErrorContext context, int number, String text, String what) {
    super(context, Target.ITEM, 0, text, what);
    this.number = number;
    this.detail = Pop3ErrorException.describe(Pop3ResponseCode.NONE, text, what);
    String where = context.describe();
    this.composed = where.isEmpty() ? detail : where + ": " + detail;
  }

  /** The message number asked for. */
  public int number() {
    return number;
  }

  /** Empty: POP3 has no numeric reply codes. */
  @Override
  public OptionalInt replyCode() {
    return OptionalInt.empty();
  }

  @Override
  public String getMessage() {
    return composed;
  }

  @Override
  public String detail() {
    return detail;
  }
}
