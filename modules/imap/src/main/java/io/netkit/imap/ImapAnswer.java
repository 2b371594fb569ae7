package io.netkit.imap;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an {@link ImapClient} request returned: one record per kind of result; immutable. A
 * request only returns when the server said {@code OK}: {@code NO} and {@code BAD} are thrown
 * (see {@link ImapClient} for which exception).
 */
public sealed interface ImapAnswer {
  /** Done, with nothing more to say (CREATE, RENAME, DELETE, SUBSCRIBE, STORE). */
  record Done(String text) implements ImapAnswer {
    /** Checks the text. */
    public Done {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The capabilities, upper case ({@code IMAP4REV1}, {@code IDLE}, {@code AUTH=PLAIN}). */
  record Capabilities(Set<String> names) implements ImapAnswer {
    /** Copies the names. */
    public Capabilities {
      names = Set.copyOf(names);
    }

    /** True when the server announced {@code name} (case-insensitive). */
    public boolean has(String name) {
      return names.contains(name.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** The mailboxes LIST or LSUB returned, in the server's order. */
  record Folders(List<ImapFolder> folders) implements ImapAnswer {
    /** Copies the list. */
    public Folders {
      folders = List.copyOf(folders);
    }
  }

  /** A mailbox's counts (SELECT, EXAMINE, STATUS). */
  record Status(MailboxStatus status) implements ImapAnswer {
    /** Checks the status. */
    public Status {
      Objects.requireNonNull(status, "status");
    }
  }

  /** UIDs, ascending (SEARCH). */
  record Uids(List<Long> uids) implements ImapAnswer {
    /** Copies the list. */
    public Uids {
      uids = List.copyOf(uids);
    }
  }

  /** Message summaries, by ascending UID. */
  record Summaries(List<MessageSummary> messages) implements ImapAnswer {
    /** Copies the list. */
    public Summaries {
      messages = List.copyOf(messages);
    }
  }

  /** A message's MIME structure. */
  record Structure(BodyPart root) implements ImapAnswer {
    /** Checks the root. */
    public Structure {
      Objects.requireNonNull(root, "root");
    }
  }

  /** A body streamed to the caller's stream: {@code bytes} written. */
  record Fetched(long bytes) implements ImapAnswer {}

  /**
   * A message appended: its UID and the mailbox's UIDVALIDITY from the server's {@code
   * APPENDUID} (UIDPLUS), or -1 for both when the server did not say.
   */
  record Appended(long uidValidity, long uid) implements ImapAnswer {}

  /**
   * Messages copied or moved: the target mailbox's UIDVALIDITY and the UIDs there, in the order of
   * {@code sourceUids} (from {@code COPYUID}; empty lists and -1 when the server did not say).
   * {@code originalsRemoved} is false for a copy, and for a move the server could only do as COPY
   * without UIDPLUS, which leaves the originals flagged {@code \Deleted}.
   */
  record Copied(long uidValidity, List<Long> sourceUids, List<Long> targetUids,
      boolean originalsRemoved) implements ImapAnswer {
    /** Copies the lists. */
    public Copied {
      sourceUids = List.copyOf(sourceUids);
      targetUids = List.copyOf(targetUids);
    }
  }

  /** Messages expunged: how many the server reported removed. */
  record Expunged(int count) implements ImapAnswer {}

  /** What changed during an IDLE or NOOP wait; empty when the wait ended with no change. */
  record Changed(Changes changes) implements ImapAnswer {
    /** Checks the changes. */
    public Changed {
      Objects.requireNonNull(changes, "changes");
    }
  }
}
