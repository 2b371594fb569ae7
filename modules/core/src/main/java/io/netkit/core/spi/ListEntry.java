package io.netkit.core.spi;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of a listing (an FTP directory, a Gopher menu, a mailbox), in a protocol-neutral
 * form the CLI prints as stable columns. Immutable.
 *
 * @param kind a short lower-case word: {@code dir}, {@code file}, {@code link}, {@code text},
 *     {@code binary}, {@code search}, {@code info}, ...
 * @param name the display name
 * @param size the size in bytes, or -1 when unknown
 * @param modified the modification time, or null when unknown
 * @param url where to fetch the entry, or null when it cannot be fetched (an info line)
 */
public record ListEntry(String kind, String name, long size, Instant modified, URI url) {
  /** Checks the required parts. */
  public ListEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** The size when known. */
  public OptionalLong knownSize() {
    return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /** The modification time when known. */
  public Optional<Instant> knownModified() {
    return Optional.ofNullable(modified);
  }
}
