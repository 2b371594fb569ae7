package io.netkit.telnet;

import java.util.List;
import java.util.Objects;

/**
 * What an expect found: the text that came before the match, the matched text, and the pattern's
 * groups (group 1 first; an unmatched group is null). Immutable.
 *
 * @param before the text received before the match (since the previous match)
 * @param matched the text the pattern matched
 * @param groups the pattern's capturing groups
 */
public record TelnetMatch(String before, String matched, List<String> groups) {
  /** Checks and copies the parts. */
  public TelnetMatch {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(matched, "matched");
    groups = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(groups));
  }

  /** Group {@code n} (1-based), or null when it did not take part in the match. */
  public String group(int n) {
    return groups.get(n - 1);
  }
}
