package io.netkit.imap.internal;

import io.netkit.imap.ImapFlags;
import io.netkit.imap.SearchTerm;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.angus.mail.iap.Argument;

/**
 * Writes a {@link SearchTerm} as the arguments of {@code UID SEARCH}. Strings go through Angus's
 * {@code Argument.writeString}, which sends them as atoms, quoted strings (escaping {@code "} and
 * {@code \}) or literals (8-bit text on a server without UTF-8, anything over 1 KiB); non-ASCII
 * strings are UTF-8 and the command then names {@code CHARSET UTF-8}. Stateless.
 */
final class SearchPrograms {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

  private SearchPrograms() {}

  /** The command, {@code UID SEARCH} with {@code CHARSET UTF-8} when a string needs it. */
  static String command(SearchTerm term) {
    return needsUtf8(term) ? "UID SEARCH CHARSET UTF-8" : "UID SEARCH";
  }

  /** The search keys of {@code term}. */
  static Argument arguments(SearchTerm term) {
    Argument args = new Argument();
    write(args, term);
    return args;
  }

  static boolean needsUtf8(SearchTerm term) {
    if (term instanceof SearchTerm.Field f) {
      return !ascii(f.value());
    } else if (term instanceof SearchTerm.Header h) {
      return !ascii(h.value());
    } else if (term instanceof SearchTerm.Text t) {
      return !ascii(t.value());
    } else if (term instanceof SearchTerm.And a) {
      return a.terms().stream().anyMatch(SearchPrograms::needsUtf8);
    } else if (term instanceof SearchTerm.Or o) {
      return needsUtf8(o.left()) || needsUtf8(o.right());
    } else if (term instanceof SearchTerm.Not n) {
      return needsUtf8(n.term());
    }
    return false;
  }

  private static boolean ascii(String s) {
    return s.chars().allMatch(c -> c < 128);
  }

  private static void write(Argument args, SearchTerm term) {
    if (term instanceof SearchTerm.All) {
      args.writeAtom("ALL");
    } else if (term instanceof SearchTerm.Field f) {
      args.writeAtom(f.name().name());
      string(args, f.value());
    } else if (term instanceof SearchTerm.Header h) {
      args.writeAtom("HEADER");
      string(args, h.field());
      string(args, h.value());
    } else if (term instanceof SearchTerm.Text t) {
      args.writeAtom(t.wholeMessage() ? "TEXT" : "BODY");
      string(args, t.value());
    } else if (term instanceof SearchTerm.Date d) {
      args.writeAtom(d.before() ? "BEFORE" : "SINCE");
      args.writeAtom(DAY.format(d.day()));
    } else if (term instanceof SearchTerm.Flag f) {
      flag(args, f);
    } else if (term instanceof SearchTerm.Size s) {
      args.writeAtom(s.larger() ? "LARGER" : "SMALLER");
      args.writeNumber(s.bytes());
    } else if (term instanceof SearchTerm.UidRange r) {
      args.writeAtom("UID");
      args.writeAtom(r.first() == r.last() ? Long.toString(r.first()) : r.first() + ":" + r.last());
    } else if (term instanceof SearchTerm.And a) {
      for (SearchTerm part : a.terms()) {
        operand(args, part);
      }
    } else if (term instanceof SearchTerm.Or o) {
      args.writeAtom("OR");
      operand(args, o.left());
      operand(args, o.right());
    } else if (term instanceof SearchTerm.Not n) {
      args.writeAtom("NOT");
      operand(args, n.term());
    } else if (term instanceof SearchTerm.Raw r) {
      args.writeAtom(r.keys());
    } else {
      throw new IllegalArgumentException("unknown search term " + term); // unreachable: sealed
    }
  }

  /** One search key: a term of several keys (AND, raw keys) in parentheses. */
  private static void operand(Argument args, SearchTerm term) {
    if (term instanceof SearchTerm.And || term instanceof SearchTerm.Raw) {
      Argument group = new Argument();
      write(group, term);
      args.writeArgument(group);
    } else {
      write(args, term);
    }
  }

  private static void flag(Argument args, SearchTerm.Flag f) {
    String flag = f.flag();
    if (!ImapFlags.isSystem(flag)) {
      args.writeAtom(f.set() ? "KEYWORD" : "UNKEYWORD");
      args.writeAtom(flag);
      return;
    }
    if (flag.equals(ImapFlags.RECENT)) {
      args.writeAtom(f.set() ? "RECENT" : "OLD");
      return;
    }
    String key = flag.substring(1).toUpperCase(Locale.ROOT);
    args.writeAtom(f.set() ? key : "UN" + key);
  }

  private static void string(Argument args, String value) {
    args.writeString(value, StandardCharsets.UTF_8);
  }
}
