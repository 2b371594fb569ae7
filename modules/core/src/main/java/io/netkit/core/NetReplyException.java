package io.netkit.core;

/**
 * The server understood the request and refused it: its reply code and text are carried, and
 * form the message ({@code "ftp 127.0.0.1:21: 550 No such file"}).
 */
public class NetReplyException extends NetException {
  /** The server answered {@code code text} to what was asked. */
  public NetReplyException(ErrorContext context, int code, String text) {
    this(context, code, text, null);
  }

  /** The server answered {@code code text}; {@code what} says what was being done. */
  public NetReplyException(ErrorContext context, int code, String text, String what) {
    super(context, message(code, text, what), code, text, null);
  }

  /**
   * The server refused with a reply that has no numeric code (IMAP's tagged {@code NO} and {@code
   * BAD}, POP3's {@code -ERR}): {@code reply} is that reply's text as the server sent it, and
   * {@link #replyCode()} is empty. {@code what} says what was being done (may be null).
   */
  public NetReplyException(ErrorContext context, String reply, String what) {
    super(context, what == null ? reply : what + " refused: " + reply, -1, reply, null);
  }

  private static String message(int code, String text, String what) {
    String reply = code + (text == null || text.isEmpty() ? "" : " " + text);
    return what == null ? reply : what + " refused: " + reply;
  }
}
