package io.netkit.telnet.internal;

import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceMasker;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The trace masker of one Telnet session: hides every secret the session has sent, wherever it
 * appears in a traced line. Telnet has no password command to recognise, so the session tells it
 * what is secret: the credentials' password, and any line a script sends in answer to the
 * password prompt ({@link io.netkit.telnet.TelnetOptions#passwordPrompt()}), whether it goes as
 * one {@code sendLine} or as raw sends (one key at a time, as a terminal types) up to a line end.
 * Thread-safe.
 */
final class SecretLines implements TraceMasker {
  private final Set<String> secrets = new CopyOnWriteArraySet<>();
  /** A password being typed (raw sends after the prompt, before their line end); sent lines only. */
  private volatile String typing = "";

  /** Hides {@code secret} from now on (nothing for an empty one). */
  void add(String secret) {
    if (!secret.isEmpty()) {
      secrets.add(secret);
    }
  }

  /**
   * The password typed so far by raw sends after the prompt: hidden in sent lines only (a key or
   * two must not blot out the server's text), until {@link #typed} makes it a secret.
   */
  void typing(String soFar) {
    typing = soFar;
  }

  /** The typed password is complete (its line end was sent): a secret from now on. */
  void typed() {
    add(typing);
    typing = "";
  }

  @Override
  public String mask(Direction direction, String line) {
    if (direction == Direction.NOTE) {
      return line;
    }
    String masked = line;
    String pending = typing;
    if (direction == Direction.SENT && !pending.isEmpty()) {
      masked = masked.replace(pending, "****");
    }
    for (String secret : secrets) {
      masked = masked.replace(secret, "****");
    }
    return masked;
  }
}
