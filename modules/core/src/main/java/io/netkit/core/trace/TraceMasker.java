package io.netkit.core.trace;

import java.util.List;
import java.util.Locale;

/**
 * Rewrites trace lines before they reach a {@link TraceSink}, so credentials never appear in a
 * transcript. Protocol modules install the masker for their commands ({@code PASS},
 * {@code AUTHINFO PASS}, {@code AUTH}, ...). Implementations must be stateless and thread-safe.
 */
@FunctionalInterface
public interface TraceMasker {
  /** Masks nothing. */
  TraceMasker NONE = (direction, line) -> line;

  /** Returns the line to record in place of {@code line}. */
  String mask(Direction direction, String line);

  /** Applies this masker, then {@code next}. */
  default TraceMasker andThen(TraceMasker next) {
    return (direction, line) -> next.mask(direction, mask(direction, line));
  }

  /**
   * Masks everything after any of the given command words in lines this side sent, matching
   * case-insensitively: with {@code "PASS"} and {@code "AUTHINFO PASS"}, {@code PASS secret}
   * becomes {@code PASS ****}.
   */
  static TraceMasker commandArguments(String... commands) {
    List<String> prefixes =
        List.of(commands).stream().map(c -> c.toUpperCase(Locale.ROOT) + " ").toList();
    return (direction, line) -> {
      if (direction != Direction.SENT) {
        return line;
      }
      String upper = line.toUpperCase(Locale.ROOT);
      for (String prefix : prefixes) {
        if (upper.startsWith(prefix)) {
          return line.substring(0, prefix.length()) + "****";
        }
      }
      return line;
    };
  }
}
