package io.netkit.imap;

import java.util.List;
import java.util.Objects;

/** Checks UIDs: IMAP's are unsigned 32-bit numbers from 1. */
final class Uids {
  static final long MAX = 0xFFFF_FFFFL;

  private Uids() {}

  static long check(long uid) {
    if (uid < 1 || uid > MAX) {
      throw new IllegalArgumentException("a UID is 1 to 4294967295: " + uid);
    }
    return uid;
  }

  /** A copy of {@code uids}, each checked; at least one. */
  static List<Long> checkAll(List<Long> uids) {
    Objects.requireNonNull(uids, "uids");
    List<Long> copy = List.copyOf(uids);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no UIDs given");
    }
    copy.forEach(Uids::check);
    return copy;
  }
}
