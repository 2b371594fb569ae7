package io.netkit.telnet;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.core.spi.InteractiveProvider;

/**
 * An expect ended without its pattern: the server closed the connection first, or sent more than
 * {@link TelnetOptions#maxExpectBytes()} without it. {@link #seen()} is the text received (its
 * last {@value TelnetExpectTimeoutException#SEEN_LIMIT} characters). After a close the client is
 * disconnected; after the limit it is closed too, since the server's output can no longer be
 * trusted to end.
 */
public final class TelnetExpectFailedException extends NetProtocolException
    implements InteractiveProvider.Seen {
  private final String seen;

  /** A failed expect: {@code why} says how, {@code seen} is what arrived. */
  public TelnetExpectFailedException(ErrorContext context, String why, String seen) {
    super(context, why);
    this.seen = tail(seen);
  }

  @Override
  public String seen() {
    return seen;
  }

  static String tail(String text) {
    int limit = TelnetExpectTimeoutException.SEEN_LIMIT;
    return text.length() <= limit ? text : text.substring(text.length() - limit);
  }
}
