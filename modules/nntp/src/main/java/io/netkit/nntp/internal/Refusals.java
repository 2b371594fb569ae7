package io.netkit.nntp.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetException;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetNotFoundException.Target;
import io.netkit.core.NetReplyException;
import io.netkit.core.line.Reply;

/**
 * Turns an NNTP refusal into the exception that says what to do about it: 411 (no such group)
 * is a missing {@linkplain Target#CONTAINER container}; 423 and 430 (no such article number,
 * no such message-id) and 421/422 (no next or previous article) a missing {@linkplain
 * Target#ITEM item}; 480 and 481 are {@link NetAuthenticationException}s; 483 (TLS required)
 * says to use TLS; the rest are {@link NetReplyException}s. Every one carries the code and the
 * server's text. Stateless.
 */
public final class Refusals {
  private Refusals() {}

  /** The exception for {@code reply} to {@code what} (e.g. {@code "GROUP misc.test"}). */
  public static NetException of(ErrorContext context, Reply reply, String what) {
    int code = reply.code();
    String text = reply.firstLine();
    return switch (code) {
      case 411 -> new NetNotFoundException(context, Target.CONTAINER, code, text, what + " (no such group)");
      case 423 -> new NetNotFoundException(context, Target.ITEM, code, text, what + " (no article with that number)");
      case 430 -> new NetNotFoundException(context, Target.ITEM, code, text, what + " (no article with that message-id)");
      case 421 -> new NetNotFoundException(context, Target.ITEM, code, text, what + " (no next article)");
      case 422 -> new NetNotFoundException(context, Target.ITEM, code, text, what + " (no previous article)");
      case 412 -> new NetReplyException(context, code, text, what + " (select a group first)");
      case 420 -> new NetReplyException(context, code, text, what + " (no current article: select one first)");
      case 480 ->
          new NetAuthenticationException(
              context,
              what + " needs authentication (" + code + " " + text + "): give a user and password",
              code,
              text);
      case 481 -> new NetAuthenticationException(context, "authentication failed: " + code + " " + text, code, text);
      case 483 ->
          new NetReplyException(
              context, code, text, what + " (the server wants TLS first: use nntps:// or STARTTLS)");
      default -> new NetReplyException(context, code, text, what);
    };
  }
}
