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

  private static String message(int code, String text, String what) {
    String reply = code + (text == null || text.isEmpty() ? "" : " " + text);
    return what == null ? reply : what + " refused: " + reply;
  }
}
