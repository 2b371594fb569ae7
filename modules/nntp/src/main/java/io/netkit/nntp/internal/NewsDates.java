package io.netkit.nntp.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Dates as news uses them: RFC 5322 dates in Date headers (parsed leniently: with or without the
 * day name, seconds, a numeric zone, a zone name or a comment such as {@code (UTC)}), and RFC
 * 3977's {@code yyyymmdd hhmmss} for DATE, NEWGROUPS and NEWNEWS. Stateless.
 */
public final class NewsDates {
  private static final DateTimeFormatter WIRE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
  private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
  private static final DateTimeFormatter RFC5322 =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
          .appendLiteral(' ')
          .appendPattern("MMM")
          .appendLiteral(' ')
          .appendValueReduced(ChronoField.YEAR, 2, 4, 1950)
          .appendLiteral(' ')
          .appendPattern("HH:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalEnd()
          .appendLiteral(' ')
          .appendOffset("+HHMM", "+0000")
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.SMART);
  private static final Map<String, String> ZONES =
      Map.ofEntries(
          Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("GMT", "+0000"),
          Map.entry("Z", "+0000"), Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"),
          Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"),
          Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));

  private NewsDates() {}

  /** An RFC 5322 date, when it parses. */
  public static Optional<Instant> parse(String date) {
    String text = date.replaceAll("\\([^)]*\\)", " ").strip().replaceAll("\\s+", " ");
    int comma = text.indexOf(',');
    if (comma >= 0) {
      text = text.substring(comma + 1).strip();
    }
    String[] parts = text.split(" ");
    if (parts.length == 4) {
      text = text + " +0000"; // no zone: RFC 5322 says -0000, "unknown": read as UTC
    } else if (parts.length == 5) {
      String zone = ZONES.get(parts[4].toUpperCase(Locale.ROOT));
      if (zone != null) {
        text = String.join(" ", parts[0], parts[1], parts[2], parts[3], zone);
      }
    } else {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(text, RFC5322).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code yyyymmdd hhmmss GMT}, the argument form of NEWGROUPS and NEWNEWS. */
  public static String argument(Instant time) {
    LocalDateTime utc = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    return WIRE_DATE.format(utc) + " " + WIRE_TIME.format(utc) + " GMT";
  }

  /** DATE's {@code yyyymmddhhmmss} (UTC). */
  public static Instant parseStamp(String stamp) {
    return LocalDateTime.parse(stamp, STAMP).toInstant(ZoneOffset.UTC);
  }

  /** {@code yyyymmddhhmmss} for DATE's answer. */
  public static String stamp(Instant time) {
    return STAMP.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC));
  }

  /** An RFC 5322 date for a Date header. */
  public static String header(Instant time) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.atOffset(ZoneOffset.UTC));
  }
}
