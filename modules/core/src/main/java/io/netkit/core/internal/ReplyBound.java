package io.netkit.core.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;

/**
 * Follows the replies of a reply-coded protocol (FTP, SMTP) byte by byte and fails as soon as one
 * whole reply, {@code ddd-} continuation lines included, runs past its bound, or a NUL byte comes.
 *
 * <p>A multi-line reply ends only at a line starting with its own code and a space ({@code "ddd
 * "}), RFC 959's rule. Engines end replies at that line or earlier (Commons Net's lenient parser at
 * any line with a digit first and no hyphen fourth, Angus Mail at any line without a hyphen
 * fourth), so a reply as an engine sees it is never longer than the one counted here, and the
 * bound holds for the engine. Not thread-safe: one reading thread.
 */
final class ReplyBound {
  private final int maxReply;
  private final ErrorContext context;
  private final byte[] head = new byte[4];
  private int headLength;
  private final byte[] code = new byte[3];
  private boolean multiLine;
  private long replyBytes;

  ReplyBound(int maxReply, ErrorContext context) {
    this.maxReply = maxReply;
    this.context = context;
  }

  /** Takes one byte of the peer's stream. */
  void accept(byte b) throws NetProtocolException {
    if (b == 0) {
      throw new NetProtocolException(context, "NUL byte in a reply line from the server");
    }
    if (++replyBytes > maxReply) {
      throw new NetProtocolException(
          context, "reply longer than " + maxReply + " bytes from the server (endless continuation lines?)");
    }
    if (b == '\n') {
      endOfLine();
    } else if (headLength < head.length) {
      head[headLength++] = b;
    }
  }

  private void endOfLine() {
    boolean coded = headLength >= 3 && digit(head[0]) && digit(head[1]) && digit(head[2]);
    if (!multiLine) {
      if (coded && headLength == 4 && head[3] == '-') {
        multiLine = true;
        System.arraycopy(head, 0, code, 0, 3);
      } else {
        replyBytes = 0; // a one-line reply (or a line the engine will refuse) is complete
      }
    } else if (coded && headLength == 4 && head[3] == ' '
        && head[0] == code[0] && head[1] == code[1] && head[2] == code[2]) {
      multiLine = false;
      replyBytes = 0;
    }
    headLength = 0;
  }

  private static boolean digit(byte b) {
    return b >= '0' && b <= '9';
  }
}
