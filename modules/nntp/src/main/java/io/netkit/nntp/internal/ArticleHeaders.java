package io.netkit.nntp.internal;

import io.netkit.core.UnsafeArgumentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The header section of an article about to be posted, read from the front of its stream and
 * checked before anything is sent: every line is a {@code Name: value} field or the folded
 * continuation of one; no value holds a NUL or a bare CR; From, Newsgroups and Subject are
 * there. The body stays in the stream, unread. Not thread-safe.
 */
public final class ArticleHeaders {
  /** The most header bytes read before the article is refused. */
  public static final int MAX_BYTES = 256 * 1024;

  private final byte[] raw;
  private final List<String[]> fields;
  private final List<String> added = new ArrayList<>();

  private ArticleHeaders(byte[] raw, List<String[]> fields) {
    this.raw = raw;
    this.fields = fields;
  }

  /**
   * Reads the headers up to the blank line (or the end of the stream: an article without body).
   *
   * @throws IllegalArgumentException when the header section is malformed or over {@link
   *     #MAX_BYTES}; {@link UnsafeArgumentException} for NUL or a bare CR
   */
  public static ArticleHeaders read(InputStream in) throws IOException {
    ByteArrayOutputStream section = new ByteArrayOutputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        section.writeBytes(line.toByteArray());
        break;
      }
      line.write(b);
      if (section.size() + line.size() > MAX_BYTES) {
        throw new IllegalArgumentException("article header section longer than " + MAX_BYTES + " bytes");
      }
      if (b == '\n') {
        byte[] l = line.toByteArray();
        boolean blank = l.length == 1 || (l.length == 2 && l[0] == '\r');
        if (blank) {
          break;
        }
        section.writeBytes(l);
        line.reset();
      }
    }
    byte[] raw = section.toByteArray();
    return new ArticleHeaders(raw, parse(new String(raw, StandardCharsets.ISO_8859_1)));
  }

  private static List<String[]> parse(String section) {
    List<String[]> fields = new ArrayList<>();
    for (String line : section.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (text.startsWith(" ") || text.startsWith("\t")) {
        if (fields.isEmpty()) {
          throw new IllegalArgumentException("article starts with a folded header line");
        }
        String[] last = fields.get(fields.size() - 1);
        last[1] = last[1] + " " + text.strip();
      } else {
        int colon = text.indexOf(':');
        if (colon <= 0 || !isFieldName(text.substring(0, colon))) {
          throw new IllegalArgumentException(
              "not a header line (the article must start with headers such as From:): '"
                  + Text.decode(text.substring(0, Math.min(text.length(), 60))) + "'");
        }
        fields.add(new String[] {text.substring(0, colon), text.substring(colon + 1).strip()});
      }
      UnsafeArgumentException.requireSafe(
          "article header " + fields.get(fields.size() - 1)[0], fields.get(fields.size() - 1)[1]);
    }
    return fields;
  }

  /** True for an RFC 5322 field name: printable ASCII without spaces or colons. */
  public static boolean isFieldName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == ':') {
        return false;
      }
    }
    return true;
  }

  /** The first value of the field {@code name} (case-insensitive). */
  public Optional<String> get(String name) {
    return fields.stream().filter(f -> f[0].equalsIgnoreCase(name)).map(f -> f[1]).findFirst();
  }

  /** Adds a field, sent after the article's own. */
  public void add(String name, String value) {
    UnsafeArgumentException.requireSafe("header " + name, value);
    added.add(name + ": " + value);
    fields.add(new String[] {name, value});
  }

  /**
   * Checks that the fields a news article must have are present.
   *
   * @throws IllegalArgumentException naming the missing fields
   */
  public void requirePostable() {
    List<String> missing = new ArrayList<>();
    for (String name : List.of("From", "Newsgroups", "Subject")) {
      if (get(name).filter(v -> !v.isBlank()).isEmpty()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "article has no " + String.join(", ", missing)
              + " header; a news article needs From, Newsgroups and Subject");
    }
  }

  /** Writes the header section as read, the added fields, and the blank line. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(raw);
    if (raw.length > 0 && raw[raw.length - 1] != '\n') {
      out.write('\r');
      out.write('\n');
    }
    for (String field : added) {
      out.write((field + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.write('\r');
    out.write('\n');
  }
}
