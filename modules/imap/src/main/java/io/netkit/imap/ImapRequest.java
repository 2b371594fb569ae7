package io.netkit.imap;

import io.netkit.core.TransferListener;
import io.netkit.core.UnsafeArgumentException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an {@link ImapClient} can be asked to do: immutable values, one record per request.
 *
 * <p>Mailbox names are plain Unicode; the client encodes them in IMAP's modified UTF-7 (or sends
 * UTF-8 where the server enabled {@code UTF8=ACCEPT}) and sends a name with a quote or backslash
 * quoted and escaped, or as a literal. A name, flag or search string containing CR, LF or NUL is
 * refused with {@link UnsafeArgumentException} when the request is made, before anything is sent.
 *
 * <p>Requests about messages name their mailbox; the client selects it (read-write, or EXAMINE
 * for the read-only requests when nothing writable is selected) unless it is already selected.
 * Messages are named by UID, never by sequence number.
 *
 * <p>The records holding streams ({@link FetchBody}, {@link Append}) are only as immutable as those
 * streams; the client neither closes them nor keeps them after the request.
 */
public sealed interface ImapRequest {

  /** The server's capabilities, as last announced (after login and any STARTTLS). */
  record Capabilities() implements ImapRequest {}

  /**
   * Lists mailboxes matching {@code pattern} ({@code *} any characters, {@code %} any but the
   * separator); only the subscribed ones (LSUB) when {@code subscribedOnly}.
   */
  record ListFolders(String pattern, boolean subscribedOnly) implements ImapRequest {
    /** Checks the pattern. */
    public ListFolders {
      checkName("pattern", pattern);
    }
  }

  /** Creates a mailbox. */
  record CreateFolder(String name) implements ImapRequest {
    /** Checks the name. */
    public CreateFolder {
      checkName("mailbox name", name);
    }
  }

  /** Renames a mailbox. */
  record RenameFolder(String from, String to) implements ImapRequest {
    /** Checks the names. */
    public RenameFolder {
      checkName("mailbox name", from);
      checkName("new mailbox name", to);
    }
  }

  /** Deletes a mailbox and the messages in it. */
  record DeleteFolder(String name) implements ImapRequest {
    /** Checks the name. */
    public DeleteFolder {
      checkName("mailbox name", name);
    }
  }

  /** Subscribes to a mailbox ({@code subscribe}) or unsubscribes from it. */
  record Subscribe(String name, boolean subscribe) implements ImapRequest {
    /** Checks the name. */
    public Subscribe {
      checkName("mailbox name", name);
    }
  }

  /** The counts of a mailbox by STATUS, without selecting it. */
  record Status(String name) implements ImapRequest {
    /** Checks the name. */
    public Status {
      checkName("mailbox name", name);
    }
  }

  /** Selects a mailbox (SELECT), or opens it read-only (EXAMINE) when {@code readOnly}. */
  record Select(String name, boolean readOnly) implements ImapRequest {
    /** Checks the name. */
    public Select {
      checkName("mailbox name", name);
    }
  }

  /** The UIDs of the messages in {@code mailbox} that match {@code term}, ascending (UID SEARCH). */
  record Search(String mailbox, SearchTerm term) implements ImapRequest {
    /** Checks the parts. */
    public Search {
      checkName("mailbox name", mailbox);
      Objects.requireNonNull(term, "term");
    }
  }

  /**
   * Envelope, flags, internal date and size of messages, and their header blocks when {@code
   * headers}; never sets {@code \Seen}. UIDs that do not exist are left out of the answer.
   */
  record FetchSummaries(String mailbox, java.util.List<Long> uids, boolean headers)
      implements ImapRequest {
    /** Checks the parts. */
    public FetchSummaries {
      checkName("mailbox name", mailbox);
      uids = Uids.checkAll(uids);
    }
  }

  /** A message's MIME structure (BODYSTRUCTURE). */
  record FetchStructure(String mailbox, long uid) implements ImapRequest {
    /** Checks the parts. */
    public FetchStructure {
      checkName("mailbox name", mailbox);
      Uids.check(uid);
    }
  }

  /**
   * Streams a message, or one of its parts, to {@code target} as the server stores it, in chunks
   * ({@code BODY.PEEK[section]<offset.size>}), so it is never held in memory and {@code \Seen} is
   * not set. {@code section} is empty for the whole message, else a part number ({@code "2"},
   * {@code "1.2"}) optionally followed by {@code .HEADER}, {@code .TEXT} or {@code .MIME}; with
   * {@code decode} a part's content transfer encoding (base64, quoted-printable) is undone.
   */
  record FetchBody(
      String mailbox, long uid, String section, boolean decode, OutputStream target,
      TransferListener progress) implements ImapRequest {
    /** A part number, with HEADER, TEXT or MIME after it, or HEADER or TEXT alone. */
    private static final Pattern SECTION =
        Pattern.compile("[0-9]+(\\.[0-9]+)*(\\.(HEADER|TEXT|MIME))?|HEADER|TEXT");

    /** Checks the parts. */
    public FetchBody {
      checkName("mailbox name", mailbox);
      Uids.check(uid);
      Objects.requireNonNull(section, "section");
      if (!section.isEmpty() && !SECTION.matcher(section).matches()) {
        throw new IllegalArgumentException("not a section: '" + section + "'");
      }
      if (decode && section.isEmpty()) {
        throw new IllegalArgumentException("only a part can be decoded, not the whole message");
      }
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(progress, "progress");
    }
  }

  /** How {@link StoreFlags} changes the flags. */
  enum FlagAction {
    /** Adds the flags ({@code +FLAGS}). */
    ADD,
    /** Removes the flags ({@code -FLAGS}). */
    REMOVE,
    /** Replaces all flags with these ({@code FLAGS}). */
    REPLACE
  }

  /** Sets, clears or replaces system flags and keywords of messages (UID STORE). */
  record StoreFlags(String mailbox, java.util.List<Long> uids, Set<String> flags, FlagAction action)
      implements ImapRequest {
    /** Checks the parts; {@code \Recent} cannot be stored. */
    public StoreFlags {
      checkName("mailbox name", mailbox);
      uids = Uids.checkAll(uids);
      flags = ImapFlags.requireValid(flags);
      if (flags.contains(ImapFlags.RECENT)) {
        throw new IllegalArgumentException("\\Recent is set by the server only");
      }
      Objects.requireNonNull(action, "action");
    }
  }

  /**
   * Appends a message (RFC 5322 bytes, CRLF line ends, sent unchanged) to a mailbox, with flags
   * and an internal date (null: the server's clock). {@code size} is the byte count when known;
   * with -1 the content is first spooled to a temporary file, since IMAP announces the size before
   * the bytes.
   */
  record Append(String mailbox, InputStream content, long size, Set<String> flags,
      Instant internalDate) implements ImapRequest {
    /** Checks the parts. */
    public Append {
      checkName("mailbox name", mailbox);
      Objects.requireNonNull(content, "content");
      if (size < -1 || size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("size must be -1 or 0 to 2 GiB: " + size);
      }
      flags = ImapFlags.requireValid(flags);
      if (flags.contains(ImapFlags.RECENT)) {
        throw new IllegalArgumentException("\\Recent is set by the server only");
      }
    }
  }

  /** Copies messages to another mailbox (UID COPY). */
  record Copy(String mailbox, java.util.List<Long> uids, String target) implements ImapRequest {
    /** Checks the parts. */
    public Copy {
      checkName("mailbox name", mailbox);
      uids = Uids.checkAll(uids);
      checkName("target mailbox name", target);
    }
  }

  /**
   * Moves messages to another mailbox: UID MOVE where the server offers MOVE, else UID COPY, then
   * {@code \Deleted} and UID EXPUNGE of just these messages (which needs UIDPLUS; without it the
   * originals are left flagged {@code \Deleted} and the answer says so).
   */
  record Move(String mailbox, java.util.List<Long> uids, String target) implements ImapRequest {
    /** Checks the parts. */
    public Move {
      checkName("mailbox name", mailbox);
      uids = Uids.checkAll(uids);
      checkName("target mailbox name", target);
    }
  }

  /**
   * Removes messages for good: with UIDs, flags them {@code \Deleted} and expunges just them (UID
   * EXPUNGE, UIDPLUS); with no UIDs, expunges every message already flagged {@code \Deleted}.
   */
  record Expunge(String mailbox, java.util.List<Long> uids) implements ImapRequest {
    /** Checks the parts. */
    public Expunge {
      checkName("mailbox name", mailbox);
      uids = uids.isEmpty() ? java.util.List.of() : Uids.checkAll(uids);
    }
  }

  /**
   * Waits up to {@code timeout} for the mailbox to change, and returns what changed as soon as
   * something did: IDLE where the server offers it (re-issued in slices shorter than the read
   * timeout), else NOOP every {@link ImapOptions#pollInterval()}.
   */
  record Idle(String mailbox, Duration timeout) implements ImapRequest {
    /** Checks the parts. */
    public Idle {
      checkName("mailbox name", mailbox);
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
    }
  }

  private static void checkName(String what, String name) {
    Objects.requireNonNull(name, what);
    UnsafeArgumentException.requireSafe(what, name);
    if (name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }
}
