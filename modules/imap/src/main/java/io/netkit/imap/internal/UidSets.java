package io.netkit.imap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * UID sets as IMAP writes them ({@code 1:3,7}), in batches small enough for any server's command
 * line limit. Stateless.
 */
final class UidSets {
  /** UIDs per command: keeps a scattered set well under the 8 KiB lines some servers allow. */
  static final int BATCH = 500;

  private UidSets() {}

  /** The sets for {@code uids} (deduplicated, ascending), at most {@link #BATCH} UIDs each. */
  static List<String> batches(List<Long> uids) {
    List<Long> sorted = new ArrayList<>(new TreeSet<>(uids));
    List<String> out = new ArrayList<>();
    for (int from = 0; from < sorted.size(); from += BATCH) {
      List<Long> part = sorted.subList(from, Math.min(sorted.size(), from + BATCH));
      out.add(write(part));
    }
    return out;
  }

  static String write(List<Long> uids) {
    long[] array = uids.stream().mapToLong(Long::longValue).sorted().toArray();
    return UIDSet.toString(UIDSet.createUIDSets(array));
  }

  /**
   * The most UIDs one set read from a server may name: a COPYUID answers one batch, so an honest
   * one names at most {@link #BATCH}; a hostile one cannot make the client hold more.
   */
  static final int MAX_READ = BATCH;

  /** The largest UID (RFC 3501: a non-zero unsigned 32-bit number). */
  private static final long MAX_UID = 0xFFFF_FFFFL;

  /**
   * The UIDs a set names ({@code 3:5,9} -> 3, 4, 5, 9); a range is read in either order.
   *
   * @throws NumberFormatException for a part that is not a UID (0, negative, beyond 2^32-1 or not
   *     a number) or a set naming more than {@link #MAX_READ} UIDs in all
   */
  static List<Long> read(String set) {
    List<Long> out = new ArrayList<>();
    for (String part : set.split(",")) {
      int colon = part.indexOf(':');
      // Both ends are bounded UIDs before any arithmetic: a server's 2^63-1 must neither overflow
      // the range check nor make the loop below endless.
      long a = uid(colon < 0 ? part : part.substring(0, colon));
      long b = colon < 0 ? a : uid(part.substring(colon + 1));
      long low = Math.min(a, b);
      long high = Math.max(a, b);
      if (high - low + 1 > MAX_READ - out.size()) {
        throw new NumberFormatException("UID set names more than " + MAX_READ + " UIDs");
      }
      for (long u = low; u <= high; u++) {
        out.add(u);
      }
    }
    return out;
  }

  private static long uid(String text) {
    long uid = Long.parseLong(text.trim());
    if (uid < 1 || uid > MAX_UID) {
      throw new NumberFormatException("not a UID: " + text.trim());
    }
    return uid;
  }
}
