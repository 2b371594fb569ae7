package io.netkit.smtp;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetException;

/**
 * The message is larger than the server's SIZE limit, so netkit did not send it. When its size was
 * known beforehand, nothing was sent beyond EHLO (and AUTH), not even MAIL FROM, and the
 * connection stays usable; a message of unknown size (a stream) is counted during DATA and, at the
 * limit, the connection is cut without the dot line, so the server never takes half a mail (the
 * session is then closed). Immutable.
 */
public final class MessageTooLargeException extends NetException {
  private final long size;
  private final long limit;

  /** A message of {@code size} bytes (an estimate for a message netkit builds) over {@code limit}. */
  public MessageTooLargeException(ErrorContext context, long size, long limit) {
    super(
        context,
        "the message is about " + size + " bytes, more than the server's SIZE limit of " + limit
            + " bytes; it was not sent",
        null);
    this.size = size;
    this.limit = limit;
  }

  /** The message's size in bytes (estimated for built messages: base64 and headers included). */
  public long size() {
    return size;
  }

  /** The server's limit in bytes. */
  public long limit() {
    return limit;
  }
}
