package io.netkit.core.trace;

import java.util.List;
import java.util.Locale;

/**
 * Rewrites trace lines before they reach a {@link TraceSink}, so credentials never appear in a
 * transcript. Protocol modules install the masker for their commands ({@code PASS},
 * {@code AUTHINFO PASS}, {@code AUTH}, ...). A masker itself must be stateless and thread-safe;
 * one that must follow a session (a SASL exchange spans several lines) keeps its state in the
 * instance that {@link #forConnection()} returns, which sees one connection's lines in order.
 */
@FunctionalInterface
public interface TraceMasker {
  /** Masks nothing. */
  TraceMasker NONE = (direction, line) -> line;

  /**
   * Returns the line to record in place of {@code line}, or null to leave the line out of the
   * transcript (an HTTP module drops message bodies this way).
   */
  String mask(Direction direction, String line);

  /**
   * The masker for one new connection: {@code this} for a stateless masker (the default), a fresh
   * stateful instance for one that follows a session. The core calls it once per traced
   * connection.
   */
  default TraceMasker forConnection() {
    return this;
  }

  /** Applies this masker, then {@code next}; per connection, each gets its own instance. */
  default TraceMasker andThen(TraceMasker next) {
    TraceMasker first = this;
    return new TraceMasker() {
      @Override
      public String mask(Direction direction, String line) {
        String masked = first.mask(direction, line);
        return masked == null ? null : next.mask(direction, masked);
      }

      @Override
      public TraceMasker forConnection() {
        TraceMasker a = first.forConnection();
        TraceMasker b = next.forConnection();
        return a == first && b == next ? this : a.andThen(b);
      }
    };
  }

  /**
   * Masks credentials in the authentication exchanges of the line protocols, following the
   * session: SASL ({@code AUTH} in SMTP and POP3, {@code AUTHENTICATE} in IMAP, {@code AUTHINFO
   * SASL} in NNTP) keeps its command and mechanism and masks the initial response and every
   * line the client sends until the server's answer is no longer a continuation ({@code 334},
   * {@code +}, {@code 383}); IMAP {@code LOGIN} keeps its tag and masks its arguments (and any
   * literal that follows); {@code PASS}, {@code AUTHINFO PASS} and {@code APOP} keep the command
   * and user and mask the secret.
   */
  static TraceMasker authExchanges() {
    return new AuthExchangeMasker();
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
