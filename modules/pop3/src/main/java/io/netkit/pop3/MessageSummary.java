package io.netkit.pop3;

import java.util.Optional;

/**
 * A message as {@link Pop3Client#messages()} reports it: number, size and, when the server has
 * UIDL, unique id. Immutable.
 *
 * @param number the message number, valid for this session only
 * @param octets the size in bytes as the server counts it
 * @param uid the unique id, or null when the server has no UIDL
 */
public record MessageSummary(int number, long octets, String uid) {
  /** The unique id, when the server gave one. */
  public Optional<String> knownUid() {
    return Optional.ofNullable(uid);
  }
}
