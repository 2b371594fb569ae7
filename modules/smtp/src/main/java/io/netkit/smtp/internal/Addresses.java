package io.netkit.smtp.internal;

import io.netkit.core.UnsafeArgumentException;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Mailbox parsing and header formatting, by netkit's own narrow rules rather than Jakarta Mail's
 * (whose checks of non-ASCII addresses depend on a JVM-wide system property): {@code
 * user@domain} or {@code Name <user@domain>}, one {@code @}, no spaces, brackets, commas or
 * control characters in the address. Stateless.
 */
public final class Addresses {
  /**
   * One mailbox.
   *
   * @param displayName the display name, or null
   * @param address the address, {@code local@domain}
   */
  public record Mailbox(String displayName, String address) {
    /** True when the address is ASCII (no SMTPUTF8 needed for it). */
    public boolean asciiAddress() {
      return isAscii(address);
    }
  }

  private Addresses() {}

  /**
   * Parses {@code user@domain} or {@code Display Name <user@domain>} (the name may be quoted).
   *
   * @throws UnsafeArgumentException for CR, LF or NUL
   * @throws IllegalArgumentException for anything else that is not one mailbox
   */
  public static Mailbox parse(String text) {
    Objects.requireNonNull(text, "mailbox");
    UnsafeArgumentException.requireSafe("address", text);
    String t = text.trim();
    int open = t.lastIndexOf('<');
    if (t.endsWith(">") && open >= 0) {
      String name = t.substring(0, open).trim();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
      }
      String address = t.substring(open + 1, t.length() - 1).trim();
      requireBare("address", address);
      return new Mailbox(name.isEmpty() ? null : name, address);
    }
    requireBare("address", t);
    return new Mailbox(null, t);
  }

  /**
   * Checks a bare address ({@code local@domain}).
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static void requireBare(String what, String address) {
    UnsafeArgumentException.requireSafe(what, address);
    int at = address.lastIndexOf('@');
    boolean ok = at > 0 && at < address.length() - 1;
    for (int i = 0; ok && i < address.length(); i++) {
      char c = address.charAt(i);
      ok = c > ' ' && c != 0x7f && c != '<' && c != '>' && c != ',' && c != ';' && c != '"' && c != '(' && c != ')';
    }
    if (!ok) {
      throw new IllegalArgumentException(what + " is not a mail address (user@domain): '" + address + "'");
    }
  }

  /** True when every char is ASCII. */
  public static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** The value of an address header (To, Cc, From, Reply-To): names encoded, folded lines. */
  public static String header(String name, List<String> mailboxes) {
    String value = mailboxes.stream().map(m -> format(parse(m))).collect(Collectors.joining(", "));
    return MimeUtility.fold(name.length() + 2, value);
  }

  private static String format(Mailbox m) {
    if (m.displayName() == null) {
      return m.address();
    }
    return phrase(m.displayName()) + " <" + m.address() + ">";
  }

  /** A display name as a header phrase: as it is, quoted, or RFC 2047-encoded. */
  static String phrase(String name) {
    if (!isAscii(name)) {
      try {
        return MimeUtility.encodeWord(name, "UTF-8", "Q");
      } catch (UnsupportedEncodingException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    if (name.matches("[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+")) {
      return name;
    }
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** An unstructured header value (Subject, custom headers): RFC 2047 when not ASCII, folded. */
  public static String text(String name, String value) {
    String encoded;
    try {
      encoded = isAscii(value) ? value : MimeUtility.encodeText(value, "UTF-8", "Q");
    } catch (UnsupportedEncodingException impossible) {
      throw new IllegalStateException(impossible);
    }
    return MimeUtility.fold(name.length() + 2, encoded);
  }
}
