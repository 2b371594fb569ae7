package io.netkit.core.internal;

/**
 * The rules a command connection's bridge socket applies to what the peer sends, decided by the
 * framing the protocol module asked for. Immutable.
 *
 * @param maxLine the longest line, without its line end
 * @param replyCoded true for reply-coded protocols (FTP, SMTP): whole replies are bounded and a
 *     NUL byte is refused
 * @param maxReply the most bytes of one whole reply, line ends included (used when {@code
 *     replyCoded})
 * @param maxUnprompted the most bytes the peer may send while the client sends nothing; 0: no
 *     bound
 */
public record CommandFraming(int maxLine, boolean replyCoded, int maxReply, long maxUnprompted) {
  /** Checks the bounds. */
  public CommandFraming {
    if (maxLine < 1 || maxReply < 0 || maxUnprompted < 0) {
      throw new IllegalArgumentException("bad framing bounds: " + maxLine + ", " + maxReply + ", " + maxUnprompted);
    }
  }
}
