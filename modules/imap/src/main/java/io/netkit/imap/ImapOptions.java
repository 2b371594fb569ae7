package io.netkit.imap;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * IMAP-specific settings, beside the shared {@link io.netkit.core.NetOptions}. Immutable and
 * thread-safe; build with {@link #builder()}.
 *
 * <p>Defaults:
 *
 * <ul>
 *   <li>authentication mechanisms {@code PLAIN LOGIN}, tried in that order among those the server
 *       announces, then the {@code LOGIN} command unless the server says {@code LOGINDISABLED};
 *       {@code XOAUTH2} only when named here (the endpoint's password is then the token);
 *   <li>fetch chunks of 512 KiB: bodies stream as {@code BODY.PEEK[...]<offset.size>} requests, so
 *       memory stays flat whatever the message size (a session keeps one buffer: 17 KiB, or a
 *       chunk and 1 KiB once it has read a larger body);
 *   <li>at most 8 MiB in one server response (a literal, a SEARCH result line) and 64 MiB in all
 *       the responses to one command: a server announcing more fails the command with {@link
 *       io.netkit.core.NetProtocolException} before anything that large is allocated;
 *   <li>at most 5,000,000 messages in a mailbox ({@code EXISTS}), for the same reason;
 *   <li>NOOP every 10 s when waiting for changes on a server without IDLE.
 * </ul>
 */
public final class ImapOptions {
  private static final ImapOptions DEFAULTS = new Builder().build();

  private final List<String> authMechanisms;
  private final int fetchChunkSize;
  private final int maxResponseBytes;
  private final long maxCommandBytes;
  private final int maxMessages;
  private final Duration pollInterval;

  private ImapOptions(Builder b) {
    this.authMechanisms = b.authMechanisms;
    this.fetchChunkSize = b.fetchChunkSize;
    this.maxResponseBytes = b.maxResponseBytes;
    this.maxCommandBytes = b.maxCommandBytes;
    this.maxMessages = b.maxMessages;
    this.pollInterval = b.pollInterval;
  }

  /** The defaults. */
  public static ImapOptions defaults() {
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

  /** The SASL mechanisms to try, in order, upper case. */
  public List<String> authMechanisms() {
    return authMechanisms;
  }

  /** The size of each partial fetch when streaming a body. */
  public int fetchChunkSize() {
    return fetchChunkSize;
  }

  /** The largest single response accepted, literals included. */
  public int maxResponseBytes() {
    return maxResponseBytes;
  }

  /** The most bytes accepted in all the responses to one command. */
  public long maxCommandBytes() {
    return maxCommandBytes;
  }

  /** The largest message count ({@code EXISTS}) accepted for a mailbox. */
  public int maxMessages() {
    return maxMessages;
  }

  /** How often to poll with NOOP while waiting for changes when the server lacks IDLE. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** Builds {@link ImapOptions}. Not thread-safe. */
  public static final class Builder {
    private List<String> authMechanisms = List.of("PLAIN", "LOGIN");
    private int fetchChunkSize = 512 * 1024;
    private int maxResponseBytes = 8 * 1024 * 1024;
    private long maxCommandBytes = 64L * 1024 * 1024;
    private int maxMessages = 5_000_000;
    private Duration pollInterval = Duration.ofSeconds(10);

    private Builder() {}

    private Builder(ImapOptions o) {
      authMechanisms = o.authMechanisms;
      fetchChunkSize = o.fetchChunkSize;
      maxResponseBytes = o.maxResponseBytes;
      maxCommandBytes = o.maxCommandBytes;
      maxMessages = o.maxMessages;
      pollInterval = o.pollInterval;
    }

    /** Sets the SASL mechanisms to try, e.g. {@code "XOAUTH2"}; at least one. */
    public Builder authMechanisms(List<String> mechanisms) {
      List<String> copy =
          Objects.requireNonNull(mechanisms, "mechanisms").stream()
              .map(m -> m.toUpperCase(Locale.ROOT))
              .toList();
      if (copy.isEmpty()
          || !copy.stream().allMatch(m -> m.matches("[A-Z0-9_-]{1,20}"))) {
        throw new IllegalArgumentException("not a list of SASL mechanism names: " + mechanisms);
      }
      authMechanisms = copy;
      return this;
    }

    /** Sets the partial-fetch chunk size: 1 KiB to 4 MiB. */
    public Builder fetchChunkSize(int bytes) {
      fetchChunkSize = range("fetch chunk size", bytes, 1024, 4 * 1024 * 1024);
      return this;
    }

    /** Sets the largest single response: 64 KiB to 1 GiB. */
    public Builder maxResponseBytes(int bytes) {
      maxResponseBytes = range("max response bytes", bytes, 64 * 1024, 1 << 30);
      return this;
    }

    /** Sets the most bytes in all responses to one command: at least 64 KiB. */
    public Builder maxCommandBytes(long bytes) {
      if (bytes < 64 * 1024) {
        throw new IllegalArgumentException("max command bytes must be at least 64 KiB: " + bytes);
      }
      maxCommandBytes = bytes;
      return this;
    }

    /** Sets the largest mailbox accepted, in messages: at least 1. */
    public Builder maxMessages(int messages) {
      maxMessages = range("max messages", messages, 1, Integer.MAX_VALUE);
      return this;
    }

    /** Sets the NOOP poll interval; must be positive. */
    public Builder pollInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("poll interval must be positive: " + interval);
      }
      pollInterval = interval;
      return this;
    }

    /** The options. */
    public ImapOptions build() {
      if (fetchChunkSize > maxResponseBytes / 2) {
        throw new IllegalArgumentException("the fetch chunk size must fit twice in a response");
      }
      return new ImapOptions(this);
    }

    private static int range(String what, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(what + " must be " + min + " to " + max + ": " + value);
      }
      return value;
    }
  }
}
