package io.netkit.mail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A numbered reply as Angus keeps it (SMTP's {@code getLastServerResponse()}: every line of a
 * multi-line reply, each with its code, joined by newlines). Immutable.
 *
 * @param code the three-digit reply code, or -1 when the reply had none (end of stream, garbage)
 * @param lines the reply's text lines without their {@code NNN-}/{@code NNN } prefixes
 */
public record ServerReply(int code, List<String> lines) {
  /** Checks and copies the parts. */
  public ServerReply {
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
  }

  /**
   * Parses {@code response}. The code is taken only when the first three characters are digits
   * (Angus's own parser also takes {@code "+12"}); anything else, or null, is code -1 with the
   * text as it came.
   */
  public static ServerReply parse(String response) {
    if (response == null) {
      return new ServerReply(-1, List.of());
    }
    String[] raw = response.replace("\r", "").split("\n");
    int code = codeOf(raw.length == 0 ? "" : raw[0]);
    List<String> lines = new ArrayList<>(raw.length);
    for (String line : raw) {
      if (line.isEmpty() && lines.size() == raw.length - 1) {
        continue; // the newline after the last line
      }
      boolean prefixed =
          code >= 0
              && codeOf(line) == code
              && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-');
      lines.add(prefixed ? line.substring(Math.min(4, line.length())) : line);
    }
    return new ServerReply(code, lines);
  }

  /** The first three characters as a code when they are all digits, else -1. */
  private static int codeOf(String line) {
    if (line.length() < 3) {
      return -1;
    }
    for (int i = 0; i < 3; i++) {
      if (line.charAt(i) < '0' || line.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(line.substring(0, 3));
  }

  /** The text: the lines joined by newlines, trimmed. */
  public String text() {
    return String.join("\n", lines).trim();
  }

  /** The reply on one line, as messages show it: {@code 550 5.1.1 no such user}. */
  public String oneLine() {
    String text = String.join(" ", lines).trim();
    return code < 0 ? text : (text.isEmpty() ? Integer.toString(code) : code + " " + text);
  }

  /** True for a 2xx reply. */
  public boolean isPositive() {
    return code >= 200 && code < 300;
  }

  /** The enhanced status code ({@code 5.1.1}, RFC 3463) at the start of the text, if any. */
  public Optional<String> enhancedStatus() {
    String text = lines.isEmpty() ? "" : lines.get(0);
    int space = text.indexOf(' ');
    String first = space < 0 ? text : text.substring(0, space);
    return first.matches("[245]\\.[0-9]{1,3}\\.[0-9]{1,3}") ? Optional.of(first) : Optional.empty();
  }
}
