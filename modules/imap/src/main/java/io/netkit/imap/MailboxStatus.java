package io.netkit.imap;

import java.util.Objects;

/**
 * The counts of one mailbox, from SELECT, EXAMINE or STATUS. Immutable.
 *
 * @param name the mailbox's full name
 * @param messages how many messages it holds ({@code EXISTS}, {@code MESSAGES})
 * @param recent how many are {@code \Recent} (new since the last session that saw them)
 * @param unseen how many lack {@code \Seen} (a count, not SELECT's first-unseen number)
 * @param uidValidity the {@code UIDVALIDITY}: UIDs are valid while this stays the same
 * @param uidNext the {@code UIDNEXT}: the UID the next message will at least get, or -1 when the
 *     server did not say
 * @param readOnly true when the mailbox was opened with EXAMINE (or the server allows no writes);
 *     false for STATUS
 */
public record MailboxStatus(
    String name, int messages, int recent, int unseen, long uidValidity, long uidNext,
    boolean readOnly) {
  /** Checks the name. */
  public MailboxStatus {
    Objects.requireNonNull(name, "name");
  }
}
