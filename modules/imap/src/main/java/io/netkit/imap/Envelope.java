package io.netkit.imap;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message's ENVELOPE: the header fields the server parses for the client. Immutable.
 *
 * @param date the {@code Date:} header, or null when absent or unparsable
 * @param subject the subject, decoded from RFC 2047 encoded words; empty when absent
 * @param from the {@code From:} addresses
 * @param to the {@code To:} addresses
 * @param cc the {@code Cc:} addresses
 * @param messageId the {@code Message-ID:}, or empty
 * @param inReplyTo the {@code In-Reply-To:}, or empty
 */
public record Envelope(
    Instant date,
    String subject,
    List<Address> from,
    List<Address> to,
    List<Address> cc,
    String messageId,
    String inReplyTo) {
  /** Copies the lists. */
  public Envelope {
    Objects.requireNonNull(subject, "subject");
    from = List.copyOf(from);
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(inReplyTo, "inReplyTo");
  }

  /** The date when known. */
  public Optional<Instant> knownDate() {
    return Optional.ofNullable(date);
  }
}
