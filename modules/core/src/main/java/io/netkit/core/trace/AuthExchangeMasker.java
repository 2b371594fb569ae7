package io.netkit.core.trace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link TraceMasker#authExchanges()}: a masker that follows one connection's authentication
 * exchanges. The shared instance only hands out per-connection ones; each per-connection
 * instance is confined to its connection's tracer (which serializes its lines).
 */
final class AuthExchangeMasker implements TraceMasker {
  static final String MASK = "****";

  /** {@code [tag ]AUTH|AUTHENTICATE|AUTHINFO SASL mechanism[ initial-response]}. */
  private static final Pattern SASL_START =
      Pattern.compile(
          "^((?:[A-Za-z0-9.]+ )?(?:AUTH|AUTHENTICATE|AUTHINFO SASL) [A-Za-z0-9_-]+)( .*)?$",
          Pattern.CASE_INSENSITIVE);
  /** IMAP {@code tag LOGIN arguments}. */
  private static final Pattern IMAP_LOGIN =
      Pattern.compile("^([A-Za-z0-9.]+ LOGIN) .*$", Pattern.CASE_INSENSITIVE);
  /** A secret that is the whole rest of the line. */
  private static final Pattern PASSWORD =
      Pattern.compile("^((?:AUTHINFO )?PASS) .*$", Pattern.CASE_INSENSITIVE);
  /** POP3 {@code APOP user digest}. */
  private static final Pattern APOP =
      Pattern.compile("^(APOP [^ ]+) .*$", Pattern.CASE_INSENSITIVE);
  /** A line that ends by announcing a literal, whose bytes follow as the next lines. */
  private static final Pattern LITERAL = Pattern.compile("\\{[0-9]+\\+?}$");

  private final boolean perConnection;
  /** True from a SASL start (or a LOGIN with a literal) until the server's final answer. */
  private boolean inExchange;

  AuthExchangeMasker() {
    this(false);
  }

  private AuthExchangeMasker(boolean perConnection) {
    this.perConnection = perConnection;
  }

  @Override
  public TraceMasker forConnection() {
    return new AuthExchangeMasker(true);
  }

  @Override
  public String mask(Direction direction, String line) {
    if (direction == Direction.RECEIVED) {
      if (inExchange && !isContinuation(line)) {
        inExchange = false;
      }
      return line;
    }
    if (direction != Direction.SENT) {
      return line;
    }
    if (inExchange) {
      return line.equals("*") ? line : MASK; // "*" cancels a SASL exchange; it is no secret
    }
    Matcher m = SASL_START.matcher(line);
    if (m.matches()) {
      inExchange = perConnection;
      return m.group(2) == null ? line : m.group(1) + " " + MASK;
    }
    m = IMAP_LOGIN.matcher(line);
    if (m.matches()) {
      inExchange = perConnection && LITERAL.matcher(line).find();
      return m.group(1) + " " + MASK;
    }
    m = PASSWORD.matcher(line);
    if (m.matches()) {
      return m.group(1) + " " + MASK;
    }
    m = APOP.matcher(line);
    if (m.matches()) {
      return m.group(1) + " " + MASK;
    }
    return line;
  }

  /** A server line that asks for more of the exchange: SMTP 334, POP3/IMAP "+ ", NNTP 383. */
  private static boolean isContinuation(String line) {
    // "+OK" (POP3's success) is no continuation: only "+" alone or "+ " with a challenge is.
    return line.startsWith("334") || line.startsWith("383") || line.equals("+") || line.startsWith("+ ");
  }
}
