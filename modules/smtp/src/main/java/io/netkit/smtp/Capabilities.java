package io.netkit.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the server said it supports in its (last) EHLO reply: one keyword per line, with
 * parameters ({@code SIZE 10240000}, {@code AUTH PLAIN LOGIN}). After STARTTLS this is the
 * second EHLO's reply, which is the one that counts. Immutable.
 *
 * @param greeting the EHLO reply's first line (the server's name and greeting)
 * @param extensions the extension lines, as sent
 */
public record Capabilities(String greeting, List<String> extensions) {
  /** Checks and copies the parts. */
  public Capabilities {
    Objects.requireNonNull(greeting, "greeting");
    extensions = List.copyOf(Objects.requireNonNull(extensions, "extensions"));
  }

  /** Parses an EHLO reply's text lines (without their {@code 250-} prefixes). */
  public static Capabilities parse(List<String> lines) {
    if (lines.isEmpty()) {
      return new Capabilities("", List.of());
    }
    return new Capabilities(lines.get(0), new ArrayList<>(lines.subList(1, lines.size())));
  }

  /** True when the keyword ({@code "PIPELINING"}) is offered, case-insensitively. */
  public boolean has(String keyword) {
    return line(keyword).isPresent();
  }

  /** The keyword's parameters ({@code "10240000"} for SIZE), empty string when it has none. */
  public Optional<String> parameter(String keyword) {
    return line(keyword).map(l -> l.length() > keyword.length() ? l.substring(keyword.length()).trim() : "");
  }

  private Optional<String> line(String keyword) {
    String key = keyword.toUpperCase(Locale.ROOT);
    for (String e : extensions) {
      String upper = e.toUpperCase(Locale.ROOT);
      if (upper.equals(key) || upper.startsWith(key + " ") || upper.startsWith(key + "=")) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * The largest message the server accepts (SIZE), when it says one. RFC 1870's parameter is 1 to
   * 20 digits: {@code SIZE} without one, or {@code SIZE 0}, means no fixed limit (empty); a value
   * beyond 63 bits is larger than any message, so it is {@link Long#MAX_VALUE}; anything else (a
   * negative number, a sign, letters, more than 20 digits) is not a limit and is ignored (empty):
   * a lying server then refuses the message at MAIL FROM or after DATA, with its own reply.
   */
  public OptionalLong maxSize() {
    Optional<String> p = parameter("SIZE");
    if (p.isEmpty()) {
      return OptionalLong.empty();
    }
    String digits = p.get().trim();
    if (digits.isEmpty() || digits.length() > 20 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    if (digits.length() > 18) {
      java.math.BigInteger n = new java.math.BigInteger(digits);
      return n.bitLength() > 63 ? OptionalLong.of(Long.MAX_VALUE) : OptionalLong.of(n.longValue());
    }
    long n = Long.parseLong(digits);
    return n > 0 ? OptionalLong.of(n) : OptionalLong.empty();
  }

  /** SIZE offered at all (with or without a limit): MAIL FROM may then declare the size. */
  public boolean size() {
    return has("SIZE");
  }

  /** 8BITMIME (RFC 6152). */
  public boolean eightBitMime() {
    return has("8BITMIME");
  }

  /** SMTPUTF8 (RFC 6531): internationalized addresses. */
  public boolean smtpUtf8() {
    return has("SMTPUTF8");
  }

  /** DSN (RFC 3461): delivery status notifications. */
  public boolean dsn() {
    return has("DSN");
  }

  /** STARTTLS offered (before the upgrade; after it, servers no longer list it). */
  public boolean startTls() {
    return has("STARTTLS");
  }

  /** The AUTH mechanisms offered, upper-case ({@code [PLAIN, LOGIN]}); empty without AUTH. */
  public List<String> authMechanisms() {
    List<String> all = new ArrayList<>();
    for (String e : extensions) {
      String upper = e.toUpperCase(Locale.ROOT);
      if (upper.startsWith("AUTH ") || upper.startsWith("AUTH=")) {
        for (String m : upper.substring(5).trim().split("\\s+")) {
          if (!m.isEmpty() && !all.contains(m)) {
            all.add(m);
          }
        }
      }
    }
    return all;
  }
}
