package io.netkit.ftp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * FTP-specific settings, beside the shared {@link io.netkit.core.NetOptions}. Immutable and
 * thread-safe; build with {@link #builder()}.
 *
 * <p>Defaults: passive mode (EPSV, falling back to PASV; the address in a PASV reply is ignored in
 * favour of the control connection's, which defeats PASV address spoofing and NAT mix-ups); the
 * data timeout equals the options' read timeout.
 */
public final class FtpOptions {
  private static final FtpOptions DEFAULTS = new Builder().build();

  private final boolean activeMode;
  private final Duration dataTimeout;

  private FtpOptions(Builder b) {
    this.activeMode = b.activeMode;
    this.dataTimeout = b.dataTimeout;
  }

  /** The defaults. */
  public static FtpOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * True for active mode: the server connects back to the client (PORT, or EPRT over IPv6) for
   * each transfer, from its port 20 by tradition. Rarely right behind NAT or a firewall.
   */
  public boolean activeMode() {
    return activeMode;
  }

  /** How long a data-connection read may block; empty means the options' read timeout. */
  public Optional<Duration> dataTimeout() {
    return Optional.ofNullable(dataTimeout);
  }

  /** Builds {@link FtpOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean activeMode;
    private Duration dataTimeout;

    private Builder() {}

    /** Uses active mode (true) or passive mode (false, the default). */
    public Builder activeMode(boolean active) {
      activeMode = active;
      return this;
    }

    /** Sets the data timeout; must be positive. */
    public Builder dataTimeout(Duration timeout) {
      dataTimeout = positive(timeout, "data timeout");
      return this;
    }

    /** The options. */
    public FtpOptions build() {
      return new FtpOptions(this);
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
