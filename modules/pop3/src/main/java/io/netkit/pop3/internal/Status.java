package io.netkit.pop3.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.pop3.Pop3ResponseCode;

/**
 * One POP3 status line: {@code +OK text}, {@code -ERR [CODE] text}, or, inside a SASL exchange,
 * a continuation {@code + challenge}. Anything else is a protocol error. Immutable.
 *
 * @param kind which of the three
 * @param code the bracketed response code of an {@code -ERR} (or {@code +OK}), NONE when absent
 * @param codeToken the response code as sent (e.g. {@code SYS/TEMP}), or null
 * @param text the rest of the line, without the response code
 */
public record Status(Kind kind, Pop3ResponseCode code, String codeToken, String text) {
  /** What a status line says. */
  public enum Kind { OK, ERR, CONTINUE }

  /** True for {@code +OK}. */
  public boolean ok() {
    return kind == Kind.OK;
  }

  /**
   * Parses a status line.
   *
   * @throws NetProtocolException when it starts with neither {@code +OK}, {@code -ERR} nor
   *     {@code +}
   */
  public static Status parse(String line, ErrorContext context) throws NetProtocolException {
    if (startsWithWord(line, "+OK")) {
      return withCode(Kind.OK, rest(line, 3));
    }
    if (startsWithWord(line, "-ERR")) {
      return withCode(Kind.ERR, rest(line, 4));
    }
    if (line.equals("+") || line.startsWith("+ ")) {
      return new Status(Kind.CONTINUE, Pop3ResponseCode.NONE, null, rest(line, 1));
    }
    throw new NetProtocolException(context, "malformed status line: " + shorten(line));
  }

  private static boolean startsWithWord(String line, String word) {
    return line.regionMatches(true, 0, word, 0, word.length())
        && (line.length() == word.length() || line.charAt(word.length()) == ' ');
  }

  private static String rest(String line, int from) {
    return line.length() > from + 1 ? line.substring(from + 1) : "";
  }

  private static Status withCode(Kind kind, String text) {
    if (text.startsWith("[")) {
      int end = text.indexOf(']');
      if (end > 1) {
        String token = text.substring(1, end);
        String after = text.substring(end + 1).stripLeading();
        return new Status(kind, Pop3ResponseCode.of(token), token, after);
      }
    }
    return new Status(kind, Pop3ResponseCode.NONE, null, text);
  }

  /** A server line fit for an error message: at most 120 characters, control characters escaped. */
  static String shorten(String line) {
    String shown = line.length() > 120 ? line.substring(0, 120) + "..." : line;
    StringBuilder escaped = new StringBuilder();
    for (char c : shown.toCharArray()) {
      escaped.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return '"' + escaped.toString() + '"';
  }
}
