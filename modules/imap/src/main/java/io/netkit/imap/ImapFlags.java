package io.netkit.imap;

import io.netkit.core.UnsafeArgumentException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Message flags as IMAP spells them: the system flags ({@code \Seen}, ...) and keywords (atoms
 * such as {@code $Forwarded} or {@code Work}). Flags travel through netkit as these strings; a
 * system flag is recognised whatever its case and given its canonical spelling.
 */
public final class ImapFlags {
  /** {@code \Seen}: the message has been read. */
  public static final String SEEN = "\\Seen";
  /** {@code \Answered}. */
  public static final String ANSWERED = "\\Answered";
  /** {@code \Flagged}: marked for attention. */
  public static final String FLAGGED = "\\Flagged";
  /** {@code \Deleted}: to be removed by the next expunge. */
  public static final String DELETED = "\\Deleted";
  /** {@code \Draft}. */
  public static final String DRAFT = "\\Draft";
  /** {@code \Recent}: set by the server only; it can be searched but never stored. */
  public static final String RECENT = "\\Recent";

  private static final Set<String> SYSTEM = Set.of(SEEN, ANSWERED, FLAGGED, DELETED, DRAFT, RECENT);
  /** What RFC 3501 excludes from an atom, beside controls, space and 8-bit bytes. */
  private static final String ATOM_SPECIALS = "(){%*\"\\]";

  private ImapFlags() {}

  /** True for the system flags ({@code \Seen}, ...), in any case. */
  public static boolean isSystem(String flag) {
    return flag.startsWith("\\");
  }

  /**
   * Returns the flag in canonical form: a system flag as spelt by the constants here, a keyword as
   * given.
   *
   * @throws UnsafeArgumentException when it contains CR, LF or NUL
   * @throws IllegalArgumentException when it is an unknown system flag or not an atom
   */
  public static String requireValid(String flag) {
    Objects.requireNonNull(flag, "flag");
    UnsafeArgumentException.requireSafe("flag", flag);
    if (isSystem(flag)) {
      for (String known : SYSTEM) {
        if (known.toLowerCase(Locale.ROOT).equals(flag.toLowerCase(Locale.ROOT))) {
          return known;
        }
      }
      throw new IllegalArgumentException("unknown system flag: " + flag);
    }
    if (flag.isEmpty()) {
      throw new IllegalArgumentException("a keyword must not be empty");
    }
    for (int i = 0; i < flag.length(); i++) {
      char c = flag.charAt(i);
      if (c <= ' ' || c >= 127 || ATOM_SPECIALS.indexOf(c) >= 0) {
        throw new IllegalArgumentException(
            "a keyword is an atom (no space, control, 8-bit or any of " + ATOM_SPECIALS + "): '"
                + flag + "'");
      }
    }
    return flag;
  }

  /** Every flag of {@code flags} checked and canonical, as an unmodifiable set. */
  public static Set<String> requireValid(Set<String> flags) {
    Objects.requireNonNull(flags, "flags");
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String flag : flags) {
      out.add(requireValid(flag));
    }
    return java.util.Collections.unmodifiableSet(out);
  }
}
