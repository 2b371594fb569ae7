package io.netkit.imap.internal;

import org.eclipse.angus.mail.iap.ByteArray;

/**
 * The buffer Angus reads one server response into, refusing to grow past a limit. Angus's {@code
 * ResponseInputStream} grows its buffer to hold a whole response, and for a literal {@code {n}} it
 * grows by {@code n} at once, before reading a byte of it: a server announcing {@code
 * {2000000000}} would make it allocate 2 GB. Every growth goes through {@link #grow}, so checking
 * there stops both a huge literal and an endless line before the memory is taken.
 */
final class BoundedBuffer extends ByteArray {
  private final int limit;

  BoundedBuffer(int initial, int limit) {
    super(new byte[initial], 0, initial);
    this.limit = limit;
  }

  /** Reuses {@code bytes} (a fetch chunk buffer) as the start. */
  BoundedBuffer(byte[] bytes, int limit) {
    super(bytes, 0, bytes.length);
    this.limit = limit;
  }

  @Override
  public void grow(int increment) {
    long wanted = (long) getBytes().length + increment;
    if (increment < 0 || wanted > limit) {
      throw new ResponseTooLarge(
          "the server sent a response of more than " + limit + " bytes (it asked for " + wanted
              + "); raise ImapOptions.maxResponseBytes if that is expected");
    }
    super.grow(increment);
  }

  /** Thrown out of {@link #grow}, which may not throw an IOException; turned into one above. */
  static final class ResponseTooLarge extends RuntimeException {
    ResponseTooLarge(String message) {
      super(message, null, false, false);
    }
  }
}
