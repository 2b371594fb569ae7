package io.netkit.telnet.internal;

import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceMasker;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The trace masker of one Telnet session: hides every secret the session has sent, wherever it
 * appears in a traced line. Telnet has no password command to recognise, so the session tells it
 * what is secret: the credentials' password, and any line a script sends in answer to the
 * password prompt ({@link io.netkit.telnet.TelnetOptions#passwordPrompt()}). Thread-safe.
 */
final class SecretLines implements TraceMasker {
  private final Set<String> secrets = new CopyOnWriteArraySet<>();

  /** Hides {@code secret} from now on (nothing for an empty one). */
  void add(String secret) {
    if (!secret.isEmpty()) {
      secrets.add(secret);
    }
  }

  @Override
  public String mask(Direction direction, String line) {
    if (direction == Direction.NOTE) {
      return line;
    }
    String masked = line;
    for (String secret : secrets) {
      masked = masked.replace(secret, "****");
    }
    return masked;
  }
}
