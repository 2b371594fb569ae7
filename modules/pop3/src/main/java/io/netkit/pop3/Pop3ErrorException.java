package io.netkit.pop3;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetReplyException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The server answered {@code -ERR}: {@link #replyText()} is its text (without the response code)
 * and {@link #responseCode()} the bracketed code, if any. POP3 has no numeric reply codes, so
 * {@link #replyCode()} is empty. Subtypes mark the refusals a caller acts on differently: {@link
 * Pop3MailboxInUseException} and {@link Pop3LoginDelayException} (retry later); credentials
 * refused are {@link io.netkit.core.NetAuthenticationException}, a message number the server does
 * not know is {@link io.netkit.core.NetNotFoundException}. Immutable.
 */
public class Pop3ErrorException extends NetReplyException {
  private final Pop3ResponseCode responseCode;
  private final String composed;
  private final String detail;

  /**
   * The server answered {@code -ERR [code] text} to {@code what} (e.g. {@code "RETR 3"}; never a
   * command that carries a secret).
   */
  public Pop3ErrorException(
      ErrorContext context, Pop3ResponseCode responseCode, String text, String what) {
    // POP3 has no reply codes: 0 stands for "none" in the parent and is hidden by replyCode().
    super(context, 0, text, what);
    this.responseCode = Objects.requireNonNull(responseCode, "responseCode");
    this.detail = describe(responseCode, text, what);
    String where = context.describe();
    this.composed = where.isEmpty() ? detail : where + ": " + detail;
  }

  /**
   * {@code "RETR 3 refused: -ERR [SYS/TEMP] text"}: the message of a POP3 refusal, shared with
   * the other POP3 failures that are not of this type.
   */
  static String describe(Pop3ResponseCode code, String text, String what) {
    // OTHER: the unknown token is already part of the text (see internal.Failures).
    boolean shown = code != Pop3ResponseCode.NONE && code != Pop3ResponseCode.OTHER;
    String reply = "-ERR" + (shown ? " [" + token(code) + "]" : "")
        + (text == null || text.isEmpty() ? "" : " " + text);
    return what == null ? reply : what + " refused: " + reply;
  }

  private static String token(Pop3ResponseCode code) {
    return code.name().replace('_', code == Pop3ResponseCode.SYS_TEMP || code == Pop3ResponseCode.SYS_PERM ? '/' : '-');
  }

  /** The bracketed response code, {@link Pop3ResponseCode#NONE} when there was none. */
  public Pop3ResponseCode responseCode() {
    return responseCode;
  }

  /** True when retrying later may succeed (IN-USE, LOGIN-DELAY, SYS/TEMP). */
  public boolean isTransient() {
    return responseCode.isTransient();
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
