package io.netkit.pop3;

import java.util.Objects;

/**
 * POP3-specific settings, beside the core's {@link io.netkit.core.NetOptions} (timeouts, TLS,
 * trace). Immutable and thread-safe; derive variants with {@link #toBuilder()}.
 *
 * <p>Defaults: login {@link Pop3Login#ANY}; APOP not allowed (its MD5 digest is weak; allow it
 * for servers that offer nothing else over plain text); at most 1,000,000 entries in a LIST or
 * UIDL answer; messages parsed as MIME ({@link Pop3Client#message}) at most 32 MiB; headers read
 * with TOP n 0 ({@link Pop3Client#headers}) at most 1 MiB.
 */
public final class Pop3Options {
  private static final Pop3Options DEFAULTS = new Builder().build();

  private final Pop3Login login;
  private final boolean allowApop;
  private final int maxListingEntries;
  private final long maxParsedMessageBytes;
  private final int maxHeaderBytes;

  private Pop3Options(Builder b) {
    login = b.login;
    allowApop = b.allowApop;
    maxListingEntries = b.maxListingEntries;
    maxParsedMessageBytes = b.maxParsedMessageBytes;
    maxHeaderBytes = b.maxHeaderBytes;
  }

  /** The defaults. */
  public static Pop3Options defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this value. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** How to log in. */
  public Pop3Login login() {
    return login;
  }

  /** Whether {@link Pop3Login#ANY} may pick APOP. ({@link Pop3Login#APOP} always may.) */
  public boolean allowApop() {
    return allowApop;
  }

  /** The most entries a LIST or UIDL answer may have before it is treated as hostile. */
  public int maxListingEntries() {
    return maxListingEntries;
  }

  /** The largest message {@link Pop3Client#message} parses in memory. */
  public long maxParsedMessageBytes() {
    return maxParsedMessageBytes;
  }

  /** The largest header block {@link Pop3Client#headers} reads. */
  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  /** Builds {@link Pop3Options}. Not thread-safe. */
  public static final class Builder {
    private Pop3Login login = Pop3Login.ANY;
    private boolean allowApop;
    private int maxListingEntries = 1_000_000;
    private long maxParsedMessageBytes = 32L * 1024 * 1024;
    private int maxHeaderBytes = 1024 * 1024;

    private Builder() {}

    private Builder(Pop3Options o) {
      login = o.login;
      allowApop = o.allowApop;
      maxListingEntries = o.maxListingEntries;
      maxParsedMessageBytes = o.maxParsedMessageBytes;
      maxHeaderBytes = o.maxHeaderBytes;
    }

    /** Sets how to log in. */
    public Builder login(Pop3Login how) {
      login = Objects.requireNonNull(how, "login");
      return this;
    }

    /** Lets {@link Pop3Login#ANY} use APOP when the greeting offers it. */
    public Builder allowApop(boolean allow) {
      allowApop = allow;
      return this;
    }

    /** Sets the most entries of a LIST or UIDL answer; at least 1. */
    public Builder maxListingEntries(int entries) {
      if (entries < 1) {
        throw new IllegalArgumentException("max listing entries must be positive: " + entries);
      }
      maxListingEntries = entries;
      return this;
    }

    /** Sets the largest message parsed in memory; at least 1 KiB. */
    public Builder maxParsedMessageBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("max parsed message size must be at least 1024: " + bytes);
      }
      maxParsedMessageBytes = bytes;
      return this;
    }

    /** Sets the largest header block read by {@link Pop3Client#headers}; at least 1 KiB. */
    public Builder maxHeaderBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("max header size must be at least 1024: " + bytes);
      }
      maxHeaderBytes = bytes;
      return this;
    }

    /** The options. */
    public Pop3Options build() {
      return new Pop3Options(this);
    }
  }
}
