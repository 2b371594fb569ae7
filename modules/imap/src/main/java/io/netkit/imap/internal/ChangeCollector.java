package io.netkit.imap.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.iap.ResponseHandler;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * Hears the untagged responses of an IDLE or NOOP and remembers what they say changed: EXISTS
 * (messages arrived), EXPUNGE (by sequence number) and FETCH with FLAGS. Registered on the
 * connection beside Angus's own folder, which keeps its counts from the same responses. Runs on
 * whichever thread reads the responses, under Angus's locks; read it only after the wait ended.
 * At most {@link #LIMIT} changes are kept, so a flooding server cannot fill the heap through it.
 */
final class ChangeCollector implements ResponseHandler {
  static final int LIMIT = 10_000;

  private boolean arrived;
  private final List<Integer> expunged = new ArrayList<>();
  /** Flag changes by UID when the FETCH named it. */
  private final Map<Long, Set<String>> flagsByUid = new LinkedHashMap<>();
  /** Flag changes by sequence number (kept current as later EXPUNGEs renumber). */
  private final Map<Integer, Set<String>> flagsBySeq = new LinkedHashMap<>();
  private int total;

  @Override
  public synchronized void handleResponse(Response r) {
    if (!(r instanceof IMAPResponse ir) || !r.isUnTagged() || total >= LIMIT) {
      return;
    }
    if (ir.keyEquals("EXISTS")) {
      arrived = true;
      total++;
    } else if (ir.keyEquals("EXPUNGE")) {
      int seq = ir.getNumber();
      expunged.add(seq);
      renumber(seq);
      total++;
    } else if (r instanceof FetchResponse f) {
      FLAGS flags = f.getItem(FLAGS.class);
      if (flags == null) {
        return;
      }
      UID uid = f.getItem(UID.class);
      Set<String> value = Conversions.flags(flags);
      if (uid != null) {
        flagsByUid.put(uid.uid, value);
      } else {
        flagsBySeq.put(f.getNumber(), value);
      }
      total++;
    }
  }

  /** An EXPUNGE of {@code seq}: messages after it move down by one, its own change is gone. */
  private void renumber(int seq) {
    Map<Integer, Set<String>> moved = new LinkedHashMap<>();
    flagsBySeq.forEach((n, flags) -> {
      if (n < seq) {
        moved.put(n, flags);
      } else if (n > seq) {
        moved.put(n - 1, flags);
      }
    });
    flagsBySeq.clear();
    flagsBySeq.putAll(moved);
  }

  synchronized boolean anything() {
    return total > 0;
  }

  synchronized boolean arrived() {
    return arrived;
  }

  synchronized List<Integer> expunged() {
    return List.copyOf(expunged);
  }

  synchronized Map<Long, Set<String>> flagsByUid() {
    return new LinkedHashMap<>(flagsByUid);
  }

  synchronized Map<Integer, Set<String>> flagsBySeq() {
    return new LinkedHashMap<>(flagsBySeq);
  }
}
