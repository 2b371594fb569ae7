package io.netkit.pop3;

/**
 * One line of a LIST answer: a message's number in this session and its size. Immutable.
 *
 * @param number the message number, 1 or more, valid for this session only
 * @param octets the size in bytes as the server counts it (with CRLF line ends)
 */
public record MessageSize(int number, long octets) {
  /** Checks the ranges. */
  public MessageSize {
    if (number < 1 || octets < 0) {
      throw new IllegalArgumentException("bad LIST entry: " + number + " " + octets);
    }
  }
}
