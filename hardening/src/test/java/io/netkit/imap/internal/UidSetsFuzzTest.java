package io.netkit.imap.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one piece of IMAP response parsing netkit does itself (in this package: it is internal):
 * the UID sets of a COPYUID response code (RFC 4315), which a server writes. A set may be refused
 * only with NumberFormatException (the caller then reports no target UIDs); what it accepts is a
 * bounded list of valid UIDs (1 to 2^32-1), whatever the server claims.
 */
class UidSetsFuzzTest {

  @FuzzTest
  void uidSetsRefuseOnlyWithNumberFormatAndStayBounded(byte[] input) {
    String set = new String(input, StandardCharsets.UTF_8);
    List<Long> uids;
    try {
      uids = UidSets.read(set);
    } catch (NumberFormatException expected) {
      return;
    }
    check(uids.size() <= UidSets.MAX_READ, "more than " + UidSets.MAX_READ + " UIDs");
    for (long uid : uids) {
      check(uid >= 1 && uid <= 0xFFFF_FFFFL, "not a UID: " + uid);
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
