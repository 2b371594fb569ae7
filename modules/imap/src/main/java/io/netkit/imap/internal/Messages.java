package io.netkit.imap.internal;

import io.netkit.core.NetNotFoundException;
import io.netkit.imap.BodyPart;
import io.netkit.imap.ImapAnswer;
import io.netkit.imap.ImapFlags;
import io.netkit.imap.ImapRequest;
import io.netkit.imap.MessageSummary;
import io.netkit.imap.SearchTerm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;
import org.eclipse.angus.mail.imap.protocol.ENVELOPE;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * The requests about messages, all by UID: UID SEARCH, UID FETCH (summaries, structure), UID
 * STORE, UID COPY, UID MOVE and UID EXPUNGE, written as commands on the selected mailbox's
 * connection. Stateless; works on a {@link Session}.
 */
final class Messages {
  private static final Pattern COPYUID =
      Pattern.compile("\\[COPYUID\\s+([0-9]+)\\s+([0-9:,]+)\\s+([0-9:,]+)\\]", Pattern.CASE_INSENSITIVE);

  private Messages() {}

  static ImapAnswer.Uids search(Session s, ImapRequest.Search r) throws IOException {
    SearchTerm term = r.term();
    return s.call("searching '" + r.mailbox() + "'", () -> s.runIn(r.mailbox(), false, p -> {
      Response[] responses = p.checked(SearchPrograms.command(term), SearchPrograms.arguments(term));
      TreeSet<Long> uids = new TreeSet<>();
      for (Response resp : responses) {
        if (resp instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
          for (long n = ir.readLong(); n > 0; n = ir.readLong()) {
            uids.add(n);
          }
        }
      }
      return new ImapAnswer.Uids(new ArrayList<>(uids));
    }));
  }

  static ImapAnswer.Summaries summaries(Session s, ImapRequest.FetchSummaries r) throws IOException {
    String items = "(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE"
        + (r.headers() ? " BODY.PEEK[HEADER])" : ")");
    Set<Long> wanted = new HashSet<>(r.uids());
    return s.call("fetching from '" + r.mailbox() + "'", () -> {
      List<MessageSummary> out = new ArrayList<>();
      for (String set : UidSets.batches(r.uids())) {
        s.runIn(r.mailbox(), false, p -> {
          for (Response resp : p.checked("UID FETCH " + set + " " + items, null)) {
            MessageSummary summary = summary(resp, r.headers());
            if (summary != null && wanted.remove(summary.uid())) {
              out.add(summary);
            }
          }
          return null;
        });
      }
      out.sort(Comparator.comparingLong(MessageSummary::uid));
      return new ImapAnswer.Summaries(out);
    });
  }

  private static MessageSummary summary(Response resp, boolean headers) {
    if (!(resp instanceof FetchResponse f)) {
      return null;
    }
    UID uid = f.getItem(UID.class);
    INTERNALDATE date = f.getItem(INTERNALDATE.class);
    RFC822SIZE size = f.getItem(RFC822SIZE.class);
    ENVELOPE envelope = f.getItem(ENVELOPE.class);
    if (uid == null || date == null || size == null || envelope == null) {
      return null; // an unsolicited FETCH (a flag change), not an answer
    }
    String header = null;
    if (headers) {
      BODY body = f.getItem(BODY.class);
      if (body != null && body.getByteArray() != null) {
        var bytes = body.getByteArray();
        header = new String(bytes.getBytes(), bytes.getStart(), bytes.getCount(), StandardCharsets.UTF_8);
      } else {
        header = "";
      }
    }
    FLAGS flags = f.getItem(FLAGS.class);
    Instant internal = date.getDate() == null ? Instant.EPOCH : date.getDate().toInstant();
    return new MessageSummary(
        uid.uid, internal, size.size, Conversions.flags(flags), Conversions.envelope(envelope), header);
  }

  static ImapAnswer.Structure structure(Session s, String mailbox, long uid) throws IOException {
    return s.call("fetching the structure of UID " + uid, () -> {
      BODYSTRUCTURE found = s.runIn(mailbox, false, p -> {
        for (Response resp : p.checked("UID FETCH " + uid + " (UID BODYSTRUCTURE)", null)) {
          if (resp instanceof FetchResponse f) {
            UID u = f.getItem(UID.class);
            BODYSTRUCTURE bs = f.getItem(BODYSTRUCTURE.class);
            if (u != null && u.uid == uid && bs != null) {
              return bs;
            }
          }
        }
        return null;
      });
      if (found == null) {
        throw missing(s, mailbox, uid);
      }
      return new ImapAnswer.Structure(Conversions.structure(found, Conversions.topSection(found)));
    });
  }

  /** The part of a message's structure at {@code section}. */
  static BodyPart part(Session s, String mailbox, long uid, String section) throws IOException {
    BodyPart root = structure(s, mailbox, uid).root();
    String key = section.toUpperCase(Locale.ROOT);
    return root.find(key).orElseThrow(() -> new NetNotFoundException(
        s.guards().context(), NetNotFoundException.Target.ITEM,
        "UID " + uid + " has no part " + section, "fetching '" + mailbox + "'"));
  }

  static ImapAnswer.Done storeFlags(Session s, ImapRequest.StoreFlags r) throws IOException {
    String item = switch (r.action()) {
      case ADD -> "+FLAGS";
      case REMOVE -> "-FLAGS";
      case REPLACE -> "FLAGS";
    };
    String flags = Conversions.flagList(r.flags());
    return s.call("storing flags in '" + r.mailbox() + "'", () -> {
      Set<Long> missing = new TreeSet<>(r.uids());
      int withoutUid = 0;
      for (String set : UidSets.batches(r.uids())) {
        Response[] responses = s.runIn(r.mailbox(), true, p -> {
          Argument args = new Argument();
          args.writeAtom(flags);
          return p.checked("UID STORE " + set + " " + item, args);
        });
        for (Response resp : responses) {
          if (resp instanceof FetchResponse f && f.getItem(FLAGS.class) != null) {
            UID uid = f.getItem(UID.class);
            if (uid == null) {
              withoutUid++;
            } else {
              missing.remove(uid.uid);
            }
          }
        }
      }
      if (missing.size() > withoutUid) {
        throw new NetNotFoundException(s.guards().context(), NetNotFoundException.Target.ITEM,
            "no message with UID " + join(missing) + " in '" + r.mailbox() + "'"
                + (missing.size() < r.uids().size() ? " (the others were changed)" : ""),
            "storing flags");
      }
      return new ImapAnswer.Done("flags stored");
    });
  }

  static ImapAnswer.Copied copy(Session s, ImapRequest.Copy r) throws IOException {
    return s.call("copying from '" + r.mailbox() + "' to '" + r.target() + "'",
        () -> transfer(s, r.mailbox(), r.uids(), r.target(), "UID COPY", false));
  }

  static ImapAnswer.Copied move(Session s, ImapRequest.Move r) throws IOException {
    return s.call("moving from '" + r.mailbox() + "' to '" + r.target() + "'", () -> {
      boolean move = s.runIn(r.mailbox(), true, p -> p.hasCapability("MOVE"));
      if (move) {
        return transfer(s, r.mailbox(), r.uids(), r.target(), "UID MOVE", true);
      }
      ImapAnswer.Copied copied = transfer(s, r.mailbox(), r.uids(), r.target(), "UID COPY", false);
      boolean removed = expungeUids(s, r.mailbox(), r.uids(), false) >= 0;
      return new ImapAnswer.Copied(
          copied.uidValidity(), copied.sourceUids(), copied.targetUids(), removed);
    });
  }

  private static ImapAnswer.Copied transfer(
      Session s, String mailbox, List<Long> uids, String target, String command, boolean moved)
      throws org.eclipse.angus.mail.iap.ProtocolException, jakarta.mail.MessagingException {
    long validity = -1;
    List<Long> sources = new ArrayList<>();
    List<Long> targets = new ArrayList<>();
    for (String set : UidSets.batches(uids)) {
      Response[] responses = s.runIn(mailbox, true, p -> {
        Argument args = new Argument();
        p.writeMailbox(args, target);
        return p.checked(command + " " + set, args);
      });
      for (Response resp : responses) {
        Matcher m = COPYUID.matcher(resp.toString());
        if (m.find()) {
          try {
            validity = Long.parseLong(m.group(1));
            sources.addAll(UidSets.read(m.group(2)));
            targets.addAll(UidSets.read(m.group(3)));
          } catch (NumberFormatException ignored) {
            // a malformed COPYUID only costs the caller the target UIDs
          }
        }
      }
    }
    if (sources.size() != targets.size()) {
      sources.clear();
      targets.clear();
      validity = -1;
    }
    return new ImapAnswer.Copied(validity, sources, targets, moved);
  }

  static ImapAnswer.Expunged expunge(Session s, ImapRequest.Expunge r) throws IOException {
    return s.call("expunging '" + r.mailbox() + "'", () -> {
      if (r.uids().isEmpty()) {
        Response[] responses = s.runIn(r.mailbox(), true, p -> p.checked("EXPUNGE", null));
        return new ImapAnswer.Expunged(countExpunges(responses));
      }
      int count = expungeUids(s, r.mailbox(), r.uids(), true);
      return new ImapAnswer.Expunged(count);
    });
  }

  /**
   * Flags {@code uids} {@code \Deleted} and expunges just them with UID EXPUNGE. Without UIDPLUS:
   * throws when {@code required}, else leaves them flagged and returns -1.
   */
  private static int expungeUids(Session s, String mailbox, List<Long> uids, boolean required)
      throws org.eclipse.angus.mail.iap.ProtocolException, jakarta.mail.MessagingException {
    boolean uidplus = s.runIn(mailbox, true, p -> p.hasCapability("UIDPLUS"));
    if (!uidplus && required) {
      throw new UnsupportedOperationException(
          "the server offers no UIDPLUS, so single messages cannot be expunged without expunging"
              + " every message flagged \\Deleted");
    }
    int count = 0;
    for (String set : UidSets.batches(uids)) {
      s.runIn(mailbox, true, p -> {
        Argument args = new Argument();
        args.writeAtom("(" + ImapFlags.DELETED + ")");
        return p.checked("UID STORE " + set + " +FLAGS.SILENT", args);
      });
      if (uidplus) {
        Response[] responses = s.runIn(mailbox, true, p -> p.checked("UID EXPUNGE " + set, null));
        count += countExpunges(responses);
      }
    }
    return uidplus ? count : -1;
  }

  private static int countExpunges(Response[] responses) {
    int count = 0;
    for (Response resp : responses) {
      if (resp instanceof IMAPResponse ir && (ir.keyEquals("EXPUNGE") || ir.keyEquals("VANISHED"))) {
        count++;
      }
    }
    return count;
  }

  static NetNotFoundException missing(Session s, String mailbox, long uid) {
    return new NetNotFoundException(s.guards().context(), NetNotFoundException.Target.ITEM,
        "no message with UID " + uid + " in '" + mailbox + "'", "fetching");
  }

  private static String join(Set<Long> uids) {
    StringBuilder out = new StringBuilder();
    for (long uid : uids) {
      if (out.length() > 0) {
        out.append(", ");
      }
      if (out.length() > 200) {
        out.append("...");
        break;
      }
      out.append(uid);
    }
    return out.toString();
  }
}
