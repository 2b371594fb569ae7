package io.netkit.imap;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ImapRequest.FetchSummaries} returns for one message: fetched with {@code
 * BODY.PEEK}, so fetching never sets {@code \Seen}. Immutable.
 *
 * @param uid the UID
 * @param internalDate when the server received the message ({@code INTERNALDATE})
 * @param size the size in bytes ({@code RFC822.SIZE})
 * @param flags the flags, system flags spelt as in {@link ImapFlags}
 * @param envelope the parsed envelope
 * @param headers the whole header block as the server sent it (CRLF line ends), when asked for;
 *     null otherwise
 */
public record MessageSummary(
    long uid, Instant internalDate, long size, Set<String> flags, Envelope envelope,
    String headers) {
  /** Copies the flags. */
  public MessageSummary {
    Objects.requireNonNull(internalDate, "internalDate");
    flags = Set.copyOf(flags);
    Objects.requireNonNull(envelope, "envelope");
  }

  /** The header block when it was fetched. */
  public Optional<String> knownHeaders() {
    return Optional.ofNullable(headers);
  }

  /** True when {@code \Seen} is set. */
  public boolean seen() {
    return flags.contains(ImapFlags.SEEN);
  }
}
