package io.netkit.imap;

import io.netkit.core.UnsafeArgumentException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ImapRequest.Search} looks for, as IMAP's SEARCH keys (RFC 3501 section 6.4.4):
 * immutable values combined with {@link #and}, {@link #or} and {@link #not}. Strings are sent
 * quoted (a quote or backslash escaped) or as literals, in UTF-8 with {@code CHARSET UTF-8} when
 * they are not ASCII; a string containing CR, LF or NUL is refused with {@link
 * UnsafeArgumentException} when the term is made, before anything is sent.
 *
 * <pre>{@code
 * SearchTerm term = SearchTerm.and(SearchTerm.from("alice"), SearchTerm.unseen(),
 *     SearchTerm.since(LocalDate.of(2026, 1, 1)));
 * }</pre>
 *
 * <p>String matches are case-insensitive substring matches, as the server implements them; dates
 * compare the internal date ({@code SINCE}, {@code BEFORE}) in the server's time zone, day
 * granularity.
 */
public sealed interface SearchTerm {
  /** Every message ({@code ALL}). */
  record All() implements SearchTerm {}

  /** A header field contains a string: {@code FROM}, {@code TO}, {@code CC}, {@code SUBJECT}. */
  record Field(Name name, String value) implements SearchTerm {
    /** The address and subject fields with a SEARCH key of their own. */
    public enum Name {
      /** {@code FROM}. */
      FROM,
      /** {@code TO}. */
      TO,
      /** {@code CC}. */
      CC,
      /** {@code SUBJECT}. */
      SUBJECT
    }

    /** Checks the parts. */
    public Field {
      Objects.requireNonNull(name, "name");
      safe("search string", value);
    }
  }

  /** Any header field named {@code field} contains {@code value} ({@code HEADER}). */
  record Header(String field, String value) implements SearchTerm {
    /** Checks the parts: the field name is printable ASCII without colon or space. */
    public Header {
      safe("header name", field);
      safe("search string", value);
      if (field.isEmpty() || !field.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
        throw new IllegalArgumentException("not a header field name: '" + field + "'");
      }
    }
  }

  /** The body ({@code BODY}) or, with {@code wholeMessage}, headers and body ({@code TEXT}). */
  record Text(String value, boolean wholeMessage) implements SearchTerm {
    /** Checks the string. */
    public Text {
      safe("search string", value);
    }
  }

  /** The internal date is on or after ({@code SINCE}) or before ({@code BEFORE}) a day. */
  record Date(LocalDate day, boolean before) implements SearchTerm {
    /** Checks the day. */
    public Date {
      Objects.requireNonNull(day, "day");
    }
  }

  /** A system flag or keyword is set ({@code set}) or not: {@code SEEN}/{@code UNSEEN}, ... */
  record Flag(String flag, boolean set) implements SearchTerm {
    /** Checks the flag. */
    public Flag {
      flag = ImapFlags.requireValid(flag);
    }
  }

  /** The size ({@code RFC822.SIZE}) is larger ({@code LARGER}) or smaller ({@code SMALLER}). */
  record Size(long bytes, boolean larger) implements SearchTerm {
    /** Checks the size. */
    public Size {
      if (bytes < 0 || bytes > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("size out of range: " + bytes);
      }
    }
  }

  /** The UID lies in {@code first..last}, both included ({@code UID first:last}). */
  record UidRange(long first, long last) implements SearchTerm {
    /** Checks the range. */
    public UidRange {
      Uids.check(first);
      Uids.check(last);
      if (first > last) {
        throw new IllegalArgumentException("empty UID range " + first + ":" + last);
      }
    }
  }

  /** Every term matches. */
  record And(List<SearchTerm> terms) implements SearchTerm {
    /** Copies the terms; at least one. */
    public And {
      terms = List.copyOf(terms);
      if (terms.isEmpty()) {
        throw new IllegalArgumentException("AND of no terms");
      }
    }
  }

  /** Either term matches. */
  record Or(SearchTerm left, SearchTerm right) implements SearchTerm {
    /** Checks the parts. */
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** The term does not match. */
  record Not(SearchTerm term) implements SearchTerm {
    /** Checks the part. */
    public Not {
      Objects.requireNonNull(term, "term");
    }
  }

  /**
   * SEARCH keys written by hand in IMAP syntax, as in an {@code imap://host/INBOX?UNSEEN} URL:
   * sent as they are. ASCII only (use the other terms for non-ASCII strings); CR, LF and NUL are
   * refused.
   */
  record Raw(String keys) implements SearchTerm {
    /** Checks the keys. */
    public Raw {
      safe("search keys", keys);
      if (keys.isBlank() || !keys.chars().allMatch(c -> c >= 32 && c < 127)) {
        throw new IllegalArgumentException(
            "raw search keys must be printable ASCII and not empty: '" + keys + "'");
      }
    }
  }

  /** {@link All}. */
  static SearchTerm all() {
    return new All();
  }

  /** {@code FROM value}. */
  static SearchTerm from(String value) {
    return new Field(Field.Name.FROM, value);
  }

  /** {@code TO value}. */
  static SearchTerm to(String value) {
    return new Field(Field.Name.TO, value);
  }

  /** {@code CC value}. */
  static SearchTerm cc(String value) {
    return new Field(Field.Name.CC, value);
  }

  /** {@code SUBJECT value}. */
  static SearchTerm subject(String value) {
    return new Field(Field.Name.SUBJECT, value);
  }

  /** {@code BODY value}. */
  static SearchTerm body(String value) {
    return new Text(value, false);
  }

  /** {@code TEXT value}: headers or body. */
  static SearchTerm text(String value) {
    return new Text(value, true);
  }

  /** {@code HEADER field value}. */
  static SearchTerm header(String field, String value) {
    return new Header(field, value);
  }

  /** {@code SINCE day}: on or after the day. */
  static SearchTerm since(LocalDate day) {
    return new Date(day, false);
  }

  /** {@code BEFORE day}: strictly before the day. */
  static SearchTerm before(LocalDate day) {
    return new Date(day, true);
  }

  /** {@code SEEN}. */
  static SearchTerm seen() {
    return new Flag(ImapFlags.SEEN, true);
  }

  /** {@code UNSEEN}. */
  static SearchTerm unseen() {
    return new Flag(ImapFlags.SEEN, false);
  }

  /** {@code FLAGGED}. */
  static SearchTerm flagged() {
    return new Flag(ImapFlags.FLAGGED, true);
  }

  /** A system flag ({@code \Answered}, ...) or keyword set ({@code KEYWORD k}). */
  static SearchTerm flag(String flag) {
    return new Flag(flag, true);
  }

  /** {@code LARGER bytes}. */
  static SearchTerm larger(long bytes) {
    return new Size(bytes, true);
  }

  /** {@code SMALLER bytes}. */
  static SearchTerm smaller(long bytes) {
    return new Size(bytes, false);
  }

  /** {@code UID first:last}. */
  static SearchTerm uids(long first, long last) {
    return new UidRange(first, last);
  }

  /** All of the terms. */
  static SearchTerm and(SearchTerm... terms) {
    return new And(List.of(terms));
  }

  /** Either term. */
  static SearchTerm or(SearchTerm left, SearchTerm right) {
    return new Or(left, right);
  }

  /** Not the term. */
  static SearchTerm not(SearchTerm term) {
    return new Not(term);
  }

  private static void safe(String what, String value) {
    Objects.requireNonNull(value, what);
    UnsafeArgumentException.requireSafe(what, value);
  }
}
