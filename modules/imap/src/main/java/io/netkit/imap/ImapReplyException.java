package io.netkit.imap;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetReplyException;
import java.util.Objects;
import java.util.Optional;

/**
 * The server answered a command with a tagged {@code NO} or {@code BAD}. The message and {@link
 * #replyText()} carry the reply as the server sent it, response code included ({@code NO
 * [OVERQUOTA] Quota exceeded}); {@link #responseCode()} gives the code alone. IMAP has no numeric
 * reply codes, so {@link #replyCode()} is empty. The connection stays usable. Immutable.
 *
 * <p>Refusals with a meaning of their own come as other types: a rejected login ({@code
 * [AUTHENTICATIONFAILED]}, {@code [AUTHORIZATIONFAILED]}, {@code [EXPIRED]}) as {@link
 * io.netkit.core.NetAuthenticationException}, a missing mailbox ({@code [NONEXISTENT]}, {@code
 * [TRYCREATE]}) or message as {@link io.netkit.core.NetNotFoundException}.
 */
public final class ImapReplyException extends NetReplyException {
  private final String status;
  private final String responseCode;

  /**
   * The server answered {@code status} ({@code NO} or {@code BAD}) and {@code text} to {@code
   * what}.
   *
   * @param responseCode the bracketed code's name ({@code OVERQUOTA}), or null
   */
  public ImapReplyException(
      ErrorContext context, String status, String responseCode, String text, String what) {
    super(context, status + (text.isEmpty() ? "" : " " + text), what);
    this.status = Objects.requireNonNull(status, "status");
    this.responseCode = responseCode;
  }

  /** {@code NO} or {@code BAD}. */
  public String status() {
    return status;
  }

  /** The response code's name, upper case ({@code TRYCREATE}, {@code OVERQUOTA}), if any. */
  public Optional<String> responseCode() {
    return Optional.ofNullable(responseCode);
  }
}
