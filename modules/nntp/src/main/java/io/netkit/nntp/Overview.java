package io.netkit.nntp;

import io.netkit.nntp.internal.EncodedWords;
import io.netkit.nntp.internal.NewsDates;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of an OVER (or XOVER) answer: an article's number and the header fields the server's
 * OVERVIEW.FMT lists, in that order. Field names are kept lower-case without colons ({@code
 * subject}, {@code from}, {@code date}, {@code message-id}, {@code references}, {@code bytes},
 * {@code lines}, then extras such as {@code xref}); values as the server sent them (an encoded
 * subject stays encoded: {@link #decodedSubject()} decodes it). Immutable.
 *
 * @param number the article number (0 when asked by message-id and the server gives none)
 * @param fields the fields by lower-case name, in the server's order
 */
public record Overview(long number, Map<String, String> fields) {
  /** Copies the fields, keeping their order. */
  public Overview {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A field by name ({@code "Subject"}, {@code ":bytes"}, {@code "Xref:full"} all work). */
  public Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(key(name)));
  }

  /** The Subject as sent (possibly RFC 2047-encoded), or {@code ""}. */
  public String subject() {
    return field("subject").orElse("");
  }

  /** The Subject with RFC 2047 encoded words decoded. */
  public String decodedSubject() {
    return EncodedWords.decode(subject());
  }

  /** The From as sent, or {@code ""}. */
  public String from() {
    return field("from").orElse("");
  }

  /** The From with RFC 2047 encoded words decoded. */
  public String decodedFrom() {
    return EncodedWords.decode(from());
  }

  /** The Date as sent, or {@code ""}. */
  public String date() {
    return field("date").orElse("");
  }

  /** The Date as an instant, when it parses as an RFC 5322 date. */
  public Optional<Instant> time() {
    return NewsDates.parse(date());
  }

  /** The Message-ID, or {@code ""}. */
  public String messageId() {
    return field("message-id").orElse("");
  }

  /** The References (message-ids separated by spaces), or {@code ""}. */
  public String references() {
    return field("references").orElse("");
  }

  /** The article's size in bytes, when the server gave it. */
  public OptionalLong bytes() {
    return number(field("bytes").orElse(""));
  }

  /** The article's body lines, when the server gave them. */
  public OptionalLong lines() {
    return number(field("lines").orElse(""));
  }

  /**
   * The key a field name is stored under: lower-case, without the colons that OVERVIEW.FMT puts
   * after header names and before metadata ({@code Subject:} and {@code :bytes} give {@code
   * subject} and {@code bytes}); {@code :full} is dropped too.
   */
  public static String key(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    if (key.endsWith(":full")) {
      key = key.substring(0, key.length() - 5);
    }
    if (key.startsWith(":")) {
      key = key.substring(1);
    }
    if (key.endsWith(":")) {
      key = key.substring(0, key.length() - 1);
    }
    return key;
  }

  private static OptionalLong number(String text) {
    try {
      return text.isBlank() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
