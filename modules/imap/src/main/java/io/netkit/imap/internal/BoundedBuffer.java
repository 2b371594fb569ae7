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

  /**
   * Clears the first byte, so that {@link #begun()} can tell afterwards whether Angus wrote any
   * of a response into this buffer (it writes into the array directly and sets the count only at
   * the end; no response starts with NUL).
   */
  void markUnbegun() {
    if (getBytes().length > 0) {
      getBytes()[getStart()] = 0;
    }
  }

  /** True when a byte of the response arrived (Angus failed after it began reading one). */
  boolean begun() {
    return getBytes().length > 0 && getBytes()[getStart()] != 0;
  }

  /**
   * The announcement of a literal in the response just read that is no literal count ({@code
   * {-1}}, or more digits than an int holds), or null. Walks the response as Angus read it: each
   * line that ends in {@code {n}} is followed by n bytes of literal, skipped (a literal's own
   * content is never taken for an announcement). Angus reads {@code {-1}} as an empty literal and
   * stops at an unparsable count, so without this check either would come out as a missing item.
   */
  String malformedLiteral() {
    byte[] b = getBytes();
    int start = getStart();
    int end = start + getCount();
    int i = start;
    while (i < end) {
      int lf = i;
      while (lf < end && b[lf] != '\n') {
        lf++;
      }
      if (lf >= end) {
        return null;
      }
      int close = lf - 2; // "}\r\n"
      if (close < i || b[close] != '}' || b[lf - 1] != '\r') {
        return null;
      }
      int open = close - 1;
      while (open >= i && b[open] != '{') {
        open--;
      }
      if (open < i) {
        return null;
      }
      long n = literalCount(b, open + 1, close);
      if (n == NOT_A_COUNT) {
        return null; // not a literal to Angus either: text that happens to end in braces
      }
      if (n < 0 || n > Integer.MAX_VALUE) {
        String count = new String(b, open + 1, close - open - 1, java.nio.charset.StandardCharsets.ISO_8859_1);
        return "{" + (count.length() > 40 ? count.substring(0, 40) + "..." : count) + "}";
      }
      i = lf + 1 + (int) Math.min(n, end - lf - 1);
    }
    return null;
  }

  /** {@link #literalCount}'s answer for bytes that are not {@code -?[0-9]+}. */
  private static final long NOT_A_COUNT = Long.MIN_VALUE;

  /**
   * The count of a literal announcement's digits {@code b[from, to)} ({@code -?[0-9]+}, parsed
   * without making a String: this runs on every response): the count (negative for a negative
   * one), -1 for one of more than 11 characters, or {@link #NOT_A_COUNT}.
   */
  private static long literalCount(byte[] b, int from, int to) {
    int first = from < to && b[from] == '-' ? from + 1 : from;
    if (first >= to) {
      return NOT_A_COUNT;
    }
    long n = 0;
    for (int k = first; k < to; k++) {
      if (b[k] < '0' || b[k] > '9') {
        return NOT_A_COUNT;
      }
      n = n * 10 + (b[k] - '0'); // wraps only past 11 characters, which are -1 below
    }
    if (to - from > 11) {
      return -1;
    }
    return first > from ? -n : n;
  }

  /** True when the response just read is an untagged FETCH ({@code * n FETCH ...}). */
  boolean isFetch() {
    String head = new String(getBytes(), getStart(), Math.min(getCount(), 32),
        java.nio.charset.StandardCharsets.ISO_8859_1);
    return head.matches("(?is)\\* [0-9]+ FETCH\\b.*");
  }

  /** Thrown out of {@link #grow}, which may not throw an IOException; turned into one above. */
  static final class ResponseTooLarge extends RuntimeException {
    ResponseTooLarge(String message) {
      super(message, null, false, false);
    }
  }
}
