package io.netkit.ftp.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTruncatedException;
import java.io.IOException;
import org.apache.commons.net.ftp.FTPReply;

/**
 * When a transfer counts as complete, and what it is when it does not: a download (or listing) is
 * complete only when its data connection ended, the server's final reply is 2xx, and at least as
 * many bytes arrived as SIZE announced. Anything less is a {@link NetTruncatedException} with the
 * announced and received counts. SIZE replies are read here too, without trusting them.
 */
final class Completion {
  private Completion() {}

  /**
   * The size SIZE announces (RFC 3659: {@code 213 <digits>}), or -1 when the server refuses SIZE
   * or answers with anything but a non-negative number that fits 63 bits: absent, negative,
   * {@code 99999999999999999999}, {@code 12abc}. Such an answer is ignored, never trusted.
   */
  static long sizeIfKnown(Engine engine, String path) throws IOException {
    if (!FTPReply.isPositiveCompletion(engine.size(path))) {
      return -1;
    }
    return parseSize(engine.getReplyStrings());
  }

  /** The number in a 213 reply's first line, or -1 when there is none usable. */
  static long parseSize(String[] lines) {
    if (lines == null || lines.length == 0) {
      return -1;
    }
    String line = lines[0];
    if (line.length() < 5 || line.charAt(3) != ' ') {
      return -1;
    }
    String digits = line.substring(4).strip();
    return count(digits, 0, digits.length());
  }

  /**
   * The number {@code text[from, to)} writes in decimal digits and nothing else, or -1 when it is
   * empty, has another character or does not fit 63 bits: a count the server announces is never
   * trusted beyond that.
   */
  private static long count(String text, int from, int to) {
    if (from >= to) {
      return -1;
    }
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return -1;
      }
    }
    try {
      return Long.parseLong(text, from, to, 10);
    } catch (NumberFormatException beyond63Bits) {
      return -1;
    }
  }

  /**
   * The size a RETR's preliminary reply announces as its last {@code (<digits> bytes)}, as in
   * vsftpd's {@code 150 Opening BINARY mode data connection for f (1024 bytes).}, or -1 when it
   * announces none usable (no such group, or a number that does not fit 63 bits).
   */
  static long announcedSize(String[] lines) {
    if (lines == null || lines.length == 0) {
      return -1;
    }
    String text = lines[lines.length - 1];
    int end = text.lastIndexOf(" bytes)");
    if (end < 0) {
      return -1;
    }
    int start = text.lastIndexOf('(', end);
    if (start < 0 || end - start > 20) {
      return -1;
    }
    return count(text, start + 1, end);
  }

  /** As {@link #sizeIfKnown}, for a SIZE request: an unusable answer is a protocol error. */
  static long requireSize(ErrorContext context, Engine engine, String path)
      throws NetProtocolException {
    long size = parseSize(engine.getReplyStrings());
    if (size < 0) {
      String[] lines = engine.getReplyStrings();
      String shown = lines == null || lines.length == 0 ? "" : lines[0];
      throw new NetProtocolException(
          context, "unreadable SIZE reply for '" + path + "': " + shortened(shown));
    }
    return size;
  }

  /**
   * Checks a transfer whose final reply has been read: {@code ok} is what Commons Net made of it.
   *
   * @param what what was transferred, for the message ({@code "'dir/file'"})
   * @param expected the bytes SIZE announced (less any offset), or -1 when unknown
   * @throws NetTruncatedException when the final reply is not 2xx (426, 451: the server gave up)
   *     or fewer than {@code expected} bytes arrived (the data connection closed early)
   */
  static void confirm(Engine engine, String what, boolean ok, long expected, long received)
      throws NetTruncatedException {
    int code = engine.getReplyCode();
    if (!ok || !FTPReply.isPositiveCompletion(code)) {
      throw new NetTruncatedException(
          engine.context(),
          what + " is incomplete: the server ended the transfer with " + code + " "
              + shortened(engine.replyText()) + " after " + counted(expected, received),
          expected,
          received,
          null);
    }
    if (expected >= 0 && received < expected) {
      throw new NetTruncatedException(
          engine.context(),
          "the data connection closed after " + received + " of " + expected + " bytes of " + what
              + "; the download is incomplete",
          expected,
          received,
          null);
    }
  }

  /**
   * The data connection ended but the final reply never came (the control connection closed,
   * broke or timed out first): nothing says the transfer was complete.
   *
   * @param why what happened to the control connection
   */
  static NetTruncatedException unconfirmed(
      ErrorContext context, String what, long expected, long received, NetException why) {
    return new NetTruncatedException(
        context,
        what + " is incomplete: " + counted(expected, received)
            + " arrived, but the server never confirmed the transfer (" + why.detail() + ")",
        expected,
        received,
        why);
  }

  /** The control connection closed inside a multi-line reply: its last line never came. */
  static NetTruncatedException cutReply(Engine engine, IOException failure, String doing) {
    String[] lines = engine.getReplyStrings();
    String code = lines[0].substring(0, 3);
    return new NetTruncatedException(
        engine.context(),
        "the server closed the connection in the middle of a multi-line " + code + " reply ("
            + lines.length + (lines.length == 1 ? " line" : " lines") + ", no '" + code
            + " ' line) while " + doing,
        -1,
        -1,
        failure);
  }

  private static String counted(long expected, long received) {
    if (received < 0) {
      return "an unknown number of bytes";
    }
    return expected >= 0 ? received + " of " + expected + " bytes" : received + " bytes";
  }

  private static String shortened(String text) {
    String flat = text.replace("\r", "").replace('\n', ' ').strip();
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }
}
