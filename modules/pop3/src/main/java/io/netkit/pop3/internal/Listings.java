package io.netkit.pop3.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.pop3.MailboxStatus;
import io.netkit.pop3.MessageSize;
import io.netkit.pop3.MessageUid;
import io.netkit.pop3.Pop3Capabilities;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the answers of STAT, LIST, UIDL and CAPA; a malformed one is a protocol error. */
public final class Listings {
  /** RFC 1939: a unique id is 1 to 70 characters in 0x21-0x7E. */
  private static final int MAX_UID = 70;
  /** The most characters of CAPA answer kept in all. */
  private static final int MAX_CAPA_CHARS = 64 * 1024;

  private Listings() {}

  /** {@code +OK count size ...} of STAT. */
  public static MailboxStatus stat(String text, ErrorContext context) throws NetProtocolException {
    String[] f = fields(text);
    if (f.length < 2) {
      throw malformed(context, "STAT", text);
    }
    return new MailboxStatus(number(f[0], 0, context, "STAT", text), size(f[1], context, "STAT", text));
  }

  /** One {@code number size} line of LIST (or the text of {@code +OK number size}). */
  public static MessageSize size(String line, ErrorContext context) throws NetProtocolException {
    String[] f = fields(line);
    if (f.length < 2) {
      throw malformed(context, "LIST", line);
    }
    return new MessageSize(number(f[0], 1, context, "LIST", line), size(f[1], context, "LIST", line));
  }

  /** One {@code number uid} line of UIDL (or the text of {@code +OK number uid}). */
  public static MessageUid uid(String line, ErrorContext context) throws NetProtocolException {
    String[] f = fields(line);
    if (f.length < 2 || f[1].length() > MAX_UID || !printable(f[1])) {
      throw malformed(context, "UIDL", line);
    }
    return new MessageUid(number(f[0], 1, context, "UIDL", line), f[1]);
  }

  /** Every line of a LIST answer. */
  public static List<MessageSize> sizes(List<String> lines, ErrorContext context) throws NetProtocolException {
    List<MessageSize> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      out.add(size(line, context));
    }
    return out;
  }

  /** Every line of a UIDL answer. */
  public static List<MessageUid> uids(List<String> lines, ErrorContext context) throws NetProtocolException {
    List<MessageUid> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      out.add(uid(line, context));
    }
    return out;
  }

  /** The lines of a CAPA answer: {@code NAME arg arg...}. */
  public static Pop3Capabilities capabilities(List<String> lines, ErrorContext context)
      throws NetProtocolException {
    Map<String, List<String>> entries = new LinkedHashMap<>();
    long chars = 0;
    for (String line : lines) {
      chars += line.length();
      if (chars > MAX_CAPA_CHARS) {
        throw new NetProtocolException(context, "CAPA answer longer than " + MAX_CAPA_CHARS + " characters");
      }
      String[] f = fields(line);
      if (f.length == 0 || f[0].isEmpty()) {
        continue; // a blank capability line says nothing; tolerate it
      }
      entries.put(f[0], Arrays.asList(f).subList(1, f.length));
    }
    return new Pop3Capabilities(true, entries);
  }

  private static String[] fields(String text) {
    String t = text.strip();
    return t.isEmpty() ? new String[0] : t.split("[ \t]+");
  }

  private static int number(String field, int min, ErrorContext context, String what, String line)
      throws NetProtocolException {
    try {
      int n = Integer.parseInt(field);
      if (n >= min && field.chars().allMatch(Character::isDigit)) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw malformed(context, what, line);
  }

  private static long size(String field, ErrorContext context, String what, String line)
      throws NetProtocolException {
    try {
      long n = Long.parseLong(field);
      if (n >= 0 && field.chars().allMatch(Character::isDigit)) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw malformed(context, what, line);
  }

  private static boolean printable(String s) {
    return s.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
  }

  private static NetProtocolException malformed(ErrorContext context, String what, String line) {
    return new NetProtocolException(context, "malformed " + what + " answer: " + Status.shorten(line));
  }
}
