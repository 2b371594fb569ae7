package io.netkit.pop3;

import java.util.Objects;

/**
 * One line of a UIDL answer: a message's number in this session and its unique id, which stays
 * the same across sessions (RFC 1939 section 7). Immutable.
 *
 * @param number the message number, 1 or more, valid for this session only
 * @param uid the unique id: 1 to 70 printable ASCII characters
 */
public record MessageUid(int number, String uid) {
  /** Checks the ranges. */
  public MessageUid {
    Objects.requireNonNull(uid, "uid");
    if (number < 1 || uid.isEmpty()) {
      throw new IllegalArgumentException("bad UIDL entry: " + number + " " + uid);
    }
  }
}
