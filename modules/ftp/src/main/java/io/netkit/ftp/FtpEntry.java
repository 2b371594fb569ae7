package io.netkit.ftp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of a directory listing, from MLSD where the server has it, otherwise from LIST as
 * parsed by Commons Net's parsers. Immutable.
 *
 * @param name the entry's name (no directory part)
 * @param type file, directory, symbolic link or other
 * @param size the size in bytes, or -1 when the server did not say
 * @param modified the modification time, or null when unknown (LIST times may lack the year or
 *     seconds: the parser fills them in as best it can)
 * @param permissions Unix permissions such as {@code rwxr-xr-x}, or null when the listing had none
 * @param linkTarget the target of a symbolic link when the listing names it, otherwise null
 */
public record FtpEntry(
    String name, Type type, long size, Instant modified, String permissions, String linkTarget) {

  /** What an entry is. */
  public enum Type {
    /** A regular file. */
    FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link. */
    LINK,
    /** Anything else (a device, an entry the parser could not classify). */
    OTHER
  }

  /** Checks the required parts. */
  public FtpEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** True for directories. */
  public boolean isDirectory() {
    return type == Type.DIRECTORY;
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
