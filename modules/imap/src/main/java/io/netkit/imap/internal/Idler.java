package io.netkit.imap.internal;

import io.netkit.imap.Changes;
import io.netkit.imap.ImapAnswer;
import io.netkit.imap.ImapRequest;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * {@link ImapRequest.Idle}: waits for a mailbox to change and says what changed.
 *
 * <p>With IDLE, Angus's {@code IMAPFolder.idle(true)} runs on the caller's thread and returns
 * after the first untagged response; a timer thread of this class ends an IDLE that heard nothing
 * when its slice is over, by running a no-op folder command (which makes Angus send {@code DONE}
 * and wait for the IDLE to finish). Slices last at most {@link #SLICE}, below the 30 minutes after
 * which servers may drop an idle client. Angus ignores read timeouts while idling; once {@code
 * DONE} is sent a silent server times out as usual, so the wait is bounded either way. (Angus's
 * own {@code IdleManager} needs socket channels, which the core's sockets are not.)
 *
 * <p>Without IDLE, a NOOP every {@link io.netkit.imap.ImapOptions#pollInterval()} asks for news.
 *
 * <p>New messages are found by UID ({@code UID SEARCH UID n:*} from the UID after the highest one
 * known when the wait began), so expunges during the wait cannot confuse them. Stateless.
 */
final class Idler {
  static final Duration SLICE = Duration.ofMinutes(10);

  private Idler() {}

  static ImapAnswer.Changed idle(Session s, ImapRequest.Idle r) throws IOException {
    String mailbox = r.mailbox();
    return s.call("waiting for changes in '" + mailbox + "'", () -> {
      IMAPFolder folder = s.open(mailbox, false);
      long deadline = System.nanoTime() + r.timeout().toNanos();
      long nextUid = nextUid(s, folder);
      boolean idle = s.runIn(mailbox, false, p -> p.hasCapability("IDLE"));
      ChangeCollector changes = new ChangeCollector();
      s.runIn(mailbox, false, p -> {
        p.addResponseHandler(changes);
        return null;
      });
      try {
        if (idle) {
          idleUntil(folder, changes, deadline);
        } else {
          pollUntil(s, mailbox, changes, deadline);
        }
      } finally {
        try {
          s.runIn(mailbox, false, p -> {
            p.removeResponseHandler(changes);
            return null;
          });
        } catch (MessagingException | RuntimeException ignored) {
          // the connection broke: the failure that broke it is being reported
        }
      }
      return new ImapAnswer.Changed(resolve(s, mailbox, changes, nextUid, idle));
    });
  }

  /** The UID after the highest in the mailbox now. */
  private static long nextUid(Session s, IMAPFolder folder) throws MessagingException {
    int count = folder.getMessageCount();
    if (count == 0) {
      return Math.max(1, folder.getUIDNext());
    }
    long last = s.runIn(folder.getFullName(), false, p -> {
      for (Response resp : p.checked("FETCH " + count + " (UID)", null)) {
        if (resp instanceof FetchResponse f && f.getNumber() == count && f.getItem(UID.class) != null) {
          return f.getItem(UID.class).uid;
        }
      }
      return 0L;
    });
    return last + 1;
  }

  private static void idleUntil(IMAPFolder folder, ChangeCollector changes, long deadline)
      throws MessagingException {
    while (!changes.anything()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      long slice = Math.min(left, SLICE.toNanos());
      Thread timer = new Thread(() -> endIdleAfter(folder, slice), "netkit-imap-idle-timer");
      timer.setDaemon(true);
      timer.start();
      try {
        folder.idle(true);
      } finally {
        timer.interrupt();
        try {
          timer.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  /** Sleeps {@code nanos}, then makes Angus end the IDLE (a folder command waits for it to end). */
  private static void endIdleAfter(IMAPFolder folder, long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      folder.doCommand(p -> null);
    } catch (InterruptedException e) {
      // the IDLE ended by itself
    } catch (MessagingException | RuntimeException e) {
      // the IDLE's own thread reports a broken connection
    }
  }

  private static void pollUntil(Session s, String mailbox, ChangeCollector changes, long deadline)
      throws MessagingException {
    long interval = s.imapOptions().pollInterval().toNanos();
    while (true) {
      s.runIn(mailbox, false, p -> p.checked("NOOP", null));
      long left = deadline - System.nanoTime();
      if (changes.anything() || left <= 0) {
        return;
      }
      try {
        long nap = Math.min(left, interval);
        Thread.sleep(nap / 1_000_000, (int) (nap % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Changes resolve(
      Session s, String mailbox, ChangeCollector changes, long nextUid, boolean viaIdle)
      throws MessagingException {
    List<Long> arrived = new ArrayList<>();
    if (changes.arrived()) {
      arrived = s.runIn(mailbox, false, p -> {
        TreeSet<Long> uids = new TreeSet<>();
        for (Response resp : p.checked("UID SEARCH UID " + nextUid + ":*", null)) {
          if (resp instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
            for (long n = ir.readLong(); n > 0; n = ir.readLong()) {
              if (n >= nextUid) {
                uids.add(n);
              }
            }
          }
        }
        return new ArrayList<>(uids);
      });
    }
    Map<Long, Set<String>> flags = new LinkedHashMap<>(changes.flagsByUid());
    Map<Integer, Set<String>> bySeq = changes.flagsBySeq();
    if (!bySeq.isEmpty()) {
      StringJoiner seqs = new StringJoiner(",");
      bySeq.keySet().forEach(n -> seqs.add(Integer.toString(n)));
      s.runIn(mailbox, false, p -> {
        for (Response resp : p.checked("FETCH " + seqs + " (UID)", null)) {
          if (resp instanceof FetchResponse f && f.getItem(UID.class) != null
              && bySeq.containsKey(f.getNumber())) {
            flags.put(f.getItem(UID.class).uid, bySeq.get(f.getNumber()));
          }
        }
        return null;
      });
    }
    arrived.forEach(flags::remove); // a new message's first FLAGS is no change
    return new Changes(arrived, changes.expunged(), flags, viaIdle);
  }
}
