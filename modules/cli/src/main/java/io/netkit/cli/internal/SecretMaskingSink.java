package io.netkit.cli.internal;

import io.netkit.core.Credentials;
import io.netkit.core.trace.TraceEvent;
import io.netkit.core.trace.TraceSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second line of defence for {@code --trace}: protocol modules mask their login commands, and
 * this sink also blots out the user's password wherever it shows up in a line, plain or in the
 * base64 forms that SASL PLAIN and HTTP Basic send. The command knows the password (it parsed
 * it), so it can promise the transcript never shows it, whatever a module forgot. A secret is
 * masked where it stands as a whole token, not inside a longer word: a password {@code p} must
 * not turn {@code Ftp} into {@code Ft****}. Thread-safe.
 */
public final class SecretMaskingSink implements TraceSink {
  private static final String MASK = "****";
  private final TraceSink next;
  private final List<Pattern> secrets;

  private SecretMaskingSink(TraceSink next, List<Pattern> secrets) {
    this.next = next;
    this.secrets = secrets;
  }

  /** Masks the secrets of {@code credentials} (when not null) before passing lines to {@code next}. */
  public static TraceSink masking(TraceSink next, List<Credentials> credentials) {
    List<String> secrets = new ArrayList<>();
    for (Credentials c : credentials) {
      if (c.password().isEmpty()) {
        continue;
      }
      secrets.add(c.password());
      secrets.add(base64(c.password()));
      secrets.add(base64("\0" + c.user() + "\0" + c.password()));
      secrets.add(base64(c.user() + "\0" + c.user() + "\0" + c.password()));
      secrets.add(base64(c.user() + ":" + c.password()));
    }
    // Longest first, so a base64 form is replaced whole before a shorter secret could split it.
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return new SecretMaskingSink(next, secrets.stream().map(SecretMaskingSink::token).toList());
  }

  /** The secret, not preceded or followed by a letter, digit or base64 character. */
  private static Pattern token(String secret) {
    return Pattern.compile("(?<![\\p{Alnum}+/=])" + Pattern.quote(secret) + "(?![\\p{Alnum}+/=])");
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void record(TraceEvent event) {
    String text = event.text();
    for (Pattern secret : secrets) {
      text = secret.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
    }
    next.record(new TraceEvent(event.time(), event.connection(), event.direction(), text));
  }
}
