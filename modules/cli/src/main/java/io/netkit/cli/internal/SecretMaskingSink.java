package io.netkit.cli.internal;

import io.netkit.core.Credentials;
import io.netkit.core.trace.TraceEvent;
import io.netkit.core.trace.TraceSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * A second line of defence for {@code --trace}: protocol modules mask their login commands, and
 * this sink also blots out the user's password wherever it shows up in a line, plain or in the
 * base64 forms that SASL PLAIN and HTTP Basic send. The command knows the password (it parsed
 * it), so it can promise the transcript never shows it, whatever a module forgot. Thread-safe.
 */
public final class SecretMaskingSink implements TraceSink {
  private static final String MASK = "****";
  private final TraceSink next;
  private final List<String> secrets;

  private SecretMaskingSink(TraceSink next, List<String> secrets) {
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
    return new SecretMaskingSink(next, List.copyOf(secrets));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void record(TraceEvent event) {
    String text = event.text();
    for (String secret : secrets) {
      text = text.replace(secret, MASK);
    }
    next.record(new TraceEvent(event.time(), event.connection(), event.direction(), text));
  }
}
