package io.netkit.core.line;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A numeric server reply as FTP, SMTP and NNTP send them: a three-digit code and one or more
 * lines of text. Multi-line replies ({@code 211-First}, ..., {@code 211 End}) are read whole.
 * Immutable.
 *
 * @param code the three-digit code, 100-599
 * @param lines the text of each line, without the code and separator; at least one
 */
public record Reply(int code, List<String> lines) {
  /** The most lines one multi-line reply may have before it is treated as hostile. */
  public static final int MAX_LINES = 10_000;

  /** The most characters one multi-line reply may hold in all, for the same reason. */
  public static final int MAX_CHARS = 1024 * 1024;

  /** Checks the code's range and copies the lines. */
  public Reply {
    if (code < 100 || code > 599) {
      throw new IllegalArgumentException("reply code out of range 100-599: " + code);
    }
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a reply has at least one line");
    }
  }

  /** A one-line reply. */
  public static Reply of(int code, String text) {
    return new Reply(code, List.of(text));
  }

  /**
   * Parses a single status line such as {@code "200 OK"} or {@code "211"}.
   *
   * @throws NetProtocolException when it does not start with three digits followed by a space,
   *     a hyphen or the end of the line
   */
  public static Reply parseLine(String line, ErrorContext context) throws NetProtocolException {
    return new Reply(codeOf(line, context), List.of(textOf(line)));
  }

  /**
   * Reads one reply, following {@code code-} continuation lines to the closing {@code code }
   * line. Lines in between that do not start with the code are kept as text (RFC 959 allows
   * them).
   *
   * @throws NetProtocolException for a malformed code, a connection closed mid-reply, an overlong
   *     line, or more than {@link #MAX_LINES} lines or {@link #MAX_CHARS} characters
   */
  public static Reply read(LineInputStream in) throws IOException {
    ErrorContext context = in.context();
    String first = in.readLine();
    if (first == null) {
      throw new NetProtocolException(context, "connection closed while waiting for a reply");
    }
    int code = codeOf(first, context);
    List<String> lines = new ArrayList<>();
    lines.add(textOf(first));
    if (first.length() > 3 && first.charAt(3) == '-') {
      String prefix = first.substring(0, 3);
      long chars = first.length();
      while (true) {
        String next = in.readLine();
        if (next == null) {
          throw new NetProtocolException(
              context, "connection closed in the middle of a " + code + " multi-line reply");
        }
        chars += next.length();
        if (lines.size() >= MAX_LINES || chars > MAX_CHARS) {
          throw new NetProtocolException(
              context,
              "multi-line reply longer than " + MAX_LINES + " lines or " + MAX_CHARS + " characters");
        }
        boolean closing =
            next.startsWith(prefix) && (next.length() == 3 || next.charAt(3) == ' ');
        if (closing) {
          lines.add(textOf(next));
          break;
        }
        lines.add(next.startsWith(prefix + "-") ? next.substring(4) : next);
      }
    }
    return new Reply(code, lines);
  }

  /** The text of all lines joined with {@code \n}. */
  public String text() {
    return String.join("\n", lines);
  }

  /** The text of the first line. */
  public String firstLine() {
    return lines.get(0);
  }

  /** 1xx: the action started; expect another reply. */
  public boolean isPreliminary() {
    return code / 100 == 1;
  }

  /** 2xx: done. */
  public boolean isPositiveCompletion() {
    return code / 100 == 2;
  }

  /** 3xx: send more. */
  public boolean isIntermediate() {
    return code / 100 == 3;
  }

  /** 4xx: failed, may work later. */
  public boolean isTransientNegative() {
    return code / 100 == 4;
  }

  /** 5xx: failed. */
  public boolean isPermanentNegative() {
    return code / 100 == 5;
  }

  @Override
  public String toString() {
    return code + " " + text();
  }

  private static int codeOf(String line, ErrorContext context) throws NetProtocolException {
    Objects.requireNonNull(line, "line");
    boolean digits =
        line.length() >= 3
            && isDigit(line.charAt(0))
            && isDigit(line.charAt(1))
            && isDigit(line.charAt(2));
    boolean separated =
        digits && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-');
    if (!digits || !separated) {
      throw new NetProtocolException(context, "malformed reply: " + shorten(line));
    }
    int code = Integer.parseInt(line.substring(0, 3));
    if (code < 100 || code > 599) {
      throw new NetProtocolException(context, "reply code out of range: " + shorten(line));
    }
    return code;
  }

  private static String textOf(String line) {
    return line.length() > 4 ? line.substring(4) : "";
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String shorten(String line) {
    String shown = line.length() > 120 ? line.substring(0, 120) + "..." : line;
    StringBuilder escaped = new StringBuilder();
    for (char c : shown.toCharArray()) {
      escaped.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return '"' + escaped.toString() + '"';
  }
}
