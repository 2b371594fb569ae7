package io.netkit.nntp.internal;

import io.netkit.core.UnsafeArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Checks what users put on an NNTP command line, before anything is sent: CR, LF and NUL are
 * refused with {@link UnsafeArgumentException} (they would end the command and smuggle another),
 * and anything that would split into two arguments (a space, a tab) or break the syntax with
 * {@link IllegalArgumentException}.
 */
public final class Arguments {
  /** RFC 3977 3.6: a message-id is at most 250 octets. */
  static final int MAX_MESSAGE_ID = 250;
  /** RFC 3977 3.1: a command line is at most 512 octets, CRLF included. */
  public static final int MAX_COMMAND = 510;

  private Arguments() {}

  /** A message-id with its angle brackets (added when missing), checked. */
  public static String messageId(String raw) {
    Objects.requireNonNull(raw, "messageId");
    UnsafeArgumentException.requireSafe("message-id", raw);
    String id = raw.strip();
    if (!id.startsWith("<")) {
      id = "<" + id + ">";
    }
    if (id.length() < 3 || !id.endsWith(">") || id.indexOf('>') != id.length() - 1
        || id.lastIndexOf('<') != 0) {
      throw new IllegalArgumentException("not a message-id: '" + raw + "'");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw new IllegalArgumentException("message-id contains a space or control character");
      }
    }
    if (id.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_ID) {
      throw new IllegalArgumentException("message-id longer than " + MAX_MESSAGE_ID + " bytes");
    }
    return id;
  }

  /** A newsgroup name: not empty, no whitespace or control characters. */
  public static String group(String name) {
    return token("newsgroup name", name);
  }

  /** A wildmat ({@code comp.lang.*,!comp.lang.c}): no whitespace or control characters. */
  public static String wildmat(String pattern) {
    return token("wildmat", pattern);
  }

  /** A header field name for HDR ({@code Subject}, {@code :bytes}). */
  public static String field(String name) {
    String checked = token("header field name", name);
    if (checked.indexOf(':') > 0) {
      throw new IllegalArgumentException("header field name with a colon inside: " + name);
    }
    return checked;
  }

  private static String token(String what, String value) {
    Objects.requireNonNull(value, what);
    UnsafeArgumentException.requireSafe(what, value);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(what + " contains whitespace or a control character");
      }
    }
    return value;
  }
}
