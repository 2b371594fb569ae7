package io.netkit.core;

import io.netkit.core.trace.TraceMasker;
import io.netkit.core.trace.TraceSink;
import io.netkit.core.trace.TraceTap;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How connections behave: timeouts, TLS, trust, tracing and limits. One immutable value shared by
 * every protocol module; derive variants with {@link #toBuilder()}.
 *
 * <p>Defaults: connect timeout 10 s, read timeout 30 s (every read and write is bounded by it),
 * no overall deadline, TLS mode {@link TlsMode#NONE}, {@link Trust#system()}, no trace, no proxy, lines of
 * at most 64 KiB; on command connections of reply-coded protocols (FTP, SMTP) whole replies of at
 * most 1 MiB and at most 16 MiB from the server while the client sends nothing, on other command
 * connections (POP3, IMAP, NNTP) no such bound. Thread-safe.
 */
public final class NetOptions {
  private static final NetOptions DEFAULTS = new Builder().build();

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration deadline;
  private final TlsMode tlsMode;
  private final Trust trust;
  private final TraceSink trace;
  private final TraceMasker traceMasker;
  private final int maxLineLength;
  private final int maxReplyLength;
  private final long maxUnpromptedReplyBytes;
  private final long maxUnpromptedLineBytes;
  private final Proxy proxy;

  private NetOptions(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.deadline = b.deadline;
    this.tlsMode = b.tlsMode;
    this.trust = b.trust;
    this.trace = b.trace;
    this.traceMasker = b.traceMasker;
    this.maxLineLength = b.maxLineLength;
    this.maxReplyLength = b.maxReplyLength;
    this.maxUnpromptedReplyBytes = b.maxUnpromptedReplyBytes;
    this.maxUnpromptedLineBytes = b.maxUnpromptedLineBytes;
    this.proxy = b.proxy;
  }

  /** The defaults. */
  public static NetOptions defaults() {
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

  /** How long to wait for a TCP connection (and a TLS handshake) to complete. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long any single read or write may block before it fails with a timeout. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** A limit on a whole connection's life, from connect to close, if set. */
  public Optional<Duration> deadline() {
    return Optional.ofNullable(deadline);
  }

  /** How TLS is used. */
  public TlsMode tlsMode() {
    return tlsMode;
  }

  /** Which certificates are trusted. */
  public Trust trust() {
    // Unset means the system store, loaded only when TLS is first used.
    return trust == null ? Trust.system() : trust;
  }

  /**
   * Where the wire transcript goes, if anywhere (with a {@link TraceTap} installed, as in
   * testkit's secrets checks, the tap receives it too).
   */
  public Optional<TraceSink> trace() {
    return TraceTap.sinkFor(trace);
  }

  /** How trace lines are masked before they reach the sink. */
  public TraceMasker traceMasker() {
    return traceMasker;
  }

  /** The longest protocol line accepted from a peer, in bytes, without its line end. */
  public int maxLineLength() {
    return maxLineLength;
  }

  /**
   * The most bytes one whole reply may take on a command connection of a reply-coded protocol
   * (FTP, SMTP: {@code ddd-} continuation lines up to the closing {@code "ddd "} line, line ends
   * included), so that endless short continuation lines fail instead of filling an engine's
   * memory. Default 1 MiB, the cap of {@link io.netkit.core.line.Reply}.
   */
  public int maxReplyLength() {
    return maxReplyLength;
  }

  /**
   * The most bytes the server may send on a command connection of a reply-coded protocol (FTP,
   * SMTP) while the client sends nothing; the count starts again at each write of the client.
   * Default 16 MiB; 0 means no bound.
   */
  public long maxUnpromptedReplyBytes() {
    return maxUnpromptedReplyBytes;
  }

  /**
   * The same bound for command connections that carry message bodies (POP3, IMAP, NNTP, framed as
   * {@link io.netkit.core.transport.SocketFactories.Framing#LINES}): a body may be any size, so
   * the default is 0, no bound; set one where a protocol module knows better.
   */
  public long maxUnpromptedLineBytes() {
    return maxUnpromptedLineBytes;
  }

  /** The proxy to connect through, if set (honoured by the modules that say so: HTTP). */
  public Optional<Proxy> proxy() {
    return Optional.ofNullable(proxy);
  }

  /** Builds {@link NetOptions}. Not thread-safe. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration deadline;
    private TlsMode tlsMode = TlsMode.NONE;
    private Trust trust;
    private TraceSink trace;
    private TraceMasker traceMasker = TraceMasker.NONE;
    private int maxLineLength = 64 * 1024;
    private int maxReplyLength = 1024 * 1024;
    private long maxUnpromptedReplyBytes = 16L * 1024 * 1024;
    private long maxUnpromptedLineBytes;
    private Proxy proxy;

    private Builder() {}

    private Builder(NetOptions o) {
      connectTimeout = o.connectTimeout;
      readTimeout = o.readTimeout;
      deadline = o.deadline;
      tlsMode = o.tlsMode;
      trust = o.trust;
      trace = o.trace;
      traceMasker = o.traceMasker;
      maxLineLength = o.maxLineLength;
      maxReplyLength = o.maxReplyLength;
      maxUnpromptedReplyBytes = o.maxUnpromptedReplyBytes;
      maxUnpromptedLineBytes = o.maxUnpromptedLineBytes;
      proxy = o.proxy;
    }

    /** Sets the connect timeout; must be positive. */
    public Builder connectTimeout(Duration timeout) {
      connectTimeout = positive(timeout, "connect timeout");
      return this;
    }

    /** Sets the per-read (and per-write) timeout; must be positive. */
    public Builder readTimeout(Duration timeout) {
      readTimeout = positive(timeout, "read timeout");
      return this;
    }

    /** Sets an overall deadline per connection; null removes it. */
    public Builder deadline(Duration limit) {
      deadline = limit == null ? null : positive(limit, "deadline");
      return this;
    }

    /** Sets how TLS is used. */
    public Builder tlsMode(TlsMode mode) {
      tlsMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Sets which certificates are trusted. */
    public Builder trust(Trust newTrust) {
      trust = Objects.requireNonNull(newTrust, "trust");
      return this;
    }

    /** Sends the wire transcript to {@code sink}; null turns tracing off. */
    public Builder trace(TraceSink sink) {
      trace = sink;
      return this;
    }

    /** Sets the masker applied to trace lines. */
    public Builder traceMasker(TraceMasker masker) {
      traceMasker = Objects.requireNonNull(masker, "masker");
      return this;
    }

    /** Sets the longest accepted line; at least 80 bytes. */
    public Builder maxLineLength(int bytes) {
      if (bytes < 80) {
        throw new IllegalArgumentException("max line length must be at least 80: " + bytes);
      }
      maxLineLength = bytes;
      return this;
    }

    /** Sets the most bytes of one whole reply (see {@link NetOptions#maxReplyLength()}); at least 80. */
    public Builder maxReplyLength(int bytes) {
      if (bytes < 80) {
        throw new IllegalArgumentException("max reply length must be at least 80: " + bytes);
      }
      maxReplyLength = bytes;
      return this;
    }

    /**
     * Sets the most bytes a reply-coded server may send unprompted (see {@link
     * NetOptions#maxUnpromptedReplyBytes()}); 0 removes the bound.
     */
    public Builder maxUnpromptedReplyBytes(long bytes) {
      maxUnpromptedReplyBytes = notNegative(bytes, "max unprompted reply bytes");
      return this;
    }

    /**
     * Sets the most bytes a server of a body-carrying command connection may send unprompted (see
     * {@link NetOptions#maxUnpromptedLineBytes()}); 0 removes the bound.
     */
    public Builder maxUnpromptedLineBytes(long bytes) {
      maxUnpromptedLineBytes = notNegative(bytes, "max unprompted line bytes");
      return this;
    }

    /** Connects through {@code through} where the module supports proxies; null: directly. */
    public Builder proxy(Proxy through) {
      proxy = through;
      return this;
    }

    /** The options. */
    public NetOptions build() {
      return new NetOptions(this);
    }

    private static long notNegative(long value, String what) {
      if (value < 0) {
        throw new IllegalArgumentException(what + " must not be negative: " + value);
      }
      return value;
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + d);
      }
      return d;
    }
  }
}
