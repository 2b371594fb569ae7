package io.netkit.gopher;

/**
 * How a text item ends on the wire.
 *
 * <p>RFC 1436 says a server sends text with lines that begin with {@code .} doubled and a last
 * line holding only {@code .}. Many servers (gophernicus among them) send the file as it is
 * instead: no stuffing, no terminator, the end marked only by the close. A client cannot tell the
 * two apart until the end, so the caller chooses.
 */
public enum TextFraming {
  /**
   * RFC 1436 (the default): the {@code .} line ends the text and is not part of it, and a leading
   * {@code ..} becomes {@code .}. A server that closes after a complete line without sending the
   * terminator is tolerated ({@link GopherTransfer#terminated()} is then false); one that closes in
   * the middle of a line is an error.
   */
  DOT_TERMINATED,
  /** Everything until the server closes, nothing unstuffed or removed, as curl shows it. */
  UNTIL_CLOSE
}
