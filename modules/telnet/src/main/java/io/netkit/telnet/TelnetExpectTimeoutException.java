package io.netkit.telnet;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.spi.InteractiveProvider;

/**
 * An expect's pattern did not show up within its timeout. Unlike other timeouts, the connection
 * stays open: what arrived stays unconsumed, for the next expect. {@link #seen()} is that text
 * (its last {@value #SEEN_LIMIT} characters), for the error message a script prints.
 */
public final class TelnetExpectTimeoutException extends NetTimeoutException
    implements InteractiveProvider.Seen {
  /** The most text kept in {@link #seen()}. */
  public static final int SEEN_LIMIT = 4096;

  private final String seen;

  /** A timeout while waiting for {@code pattern}, having received {@code seen}. */
  public TelnetExpectTimeoutException(ErrorContext context, String pattern, String seen) {
    super(context, "timed out waiting for /" + pattern + "/");
    this.seen = TelnetExpectFailedException.tail(seen);
  }

  @Override
  public String seen() {
    return seen;
  }
}
