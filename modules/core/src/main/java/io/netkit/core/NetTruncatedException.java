package io.netkit.core;

/**
 * The content ended before all of it arrived: the connection closed (or a terminator never came)
 * after fewer bytes than the server announced (a {@code Content-Length}, an FTP {@code SIZE}, a
 * POP3 octet count, an IMAP literal), or a multi-line answer or body was cut short. Whatever was
 * received is incomplete and must not be taken as the whole: downloads are not renamed into place.
 * A {@link NetProtocolException}, so callers that only catch that still see it; the {@code netkit}
 * command exits with curl's 18 ("partial file"). Immutable.
 */
public class NetTruncatedException extends NetProtocolException {
  private final long expected;
  private final long received;

  /**
   * {@code received} bytes arrived of the {@code expected} the server announced.
   *
   * @param expected the announced length, or -1 when none was announced (a terminator was missing)
   * @param received the bytes that did arrive, or -1 when not counted
   */
  public NetTruncatedException(
      ErrorContext context, String message, long expected, long received, Throwable cause) {
    super(context, message, cause);
    this.expected = expected;
    this.received = received;
  }

  /** A cut-short answer or body with no announced length (its terminator never came). */
  public NetTruncatedException(ErrorContext context, String message) {
    this(context, message, -1, -1, null);
  }

  /** The announced length in bytes, or -1 when the content had none (it ends with a terminator). */
  public long expected() {
    return expected;
  }

  /** The bytes that arrived before the end, or -1 when they were not counted. */
  public long received() {
    return received;
  }
}
