package io.netkit.testkit.nntp.internal;

/**
 * RFC 3977 4 wildmats: comma-separated patterns with {@code *} and {@code ?}, a leading {@code !}
 * negating one; the last pattern that matches decides. Stateless.
 */
public final class Wildmat {
  private Wildmat() {}

  /** True when {@code name} matches {@code wildmat}; a null wildmat matches everything. */
  public static boolean matches(String wildmat, String name) {
    if (wildmat == null) {
      return true;
    }
    boolean result = false;
    for (String pattern : wildmat.split(",")) {
      boolean negated = pattern.startsWith("!");
      String body = negated ? pattern.substring(1) : pattern;
      if (glob(body, 0, name, 0)) {
        result = !negated;
      }
    }
    return result;
  }

  private static boolean glob(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = si; k <= s.length(); k++) {
          if (glob(p, pi + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }
}
