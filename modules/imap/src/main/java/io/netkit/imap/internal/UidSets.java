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

  /** The UIDs a set names ({@code 3:5,9} -> 3, 4, 5, 9); a range is read in either order. */
  static List<Long> read(String set) {
    List<Long> out = new ArrayList<>();
    for (String part : set.split(",")) {
      int colon = part.indexOf(':');
      if (colon < 0) {
        out.add(Long.parseLong(part.trim()));
        continue;
      }
      long a = Long.parseLong(part.substring(0, colon).trim());
      long b = Long.parseLong(part.substring(colon + 1).trim());
      if (Math.abs(b - a) > 1_000_000) {
        throw new NumberFormatException("UID range too large: " + part);
      }
      for (long u = Math.min(a, b); u <= Math.max(a, b); u++) {
        out.add(u);
      }
    }
    return out;
  }
}
