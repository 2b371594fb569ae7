package io.netkit.pop3;

import java.util.Objects;

/**
 * A plain {@code +OK} (to DELE, NOOP, RSET), with the server's text. Immutable.
 *
 * @param text what followed {@code +OK}, possibly empty
 */
public record Pop3Ok(String text) implements Pop3Reply {
  /** Checks the text is there. */
  public Pop3Ok {
    Objects.requireNonNull(text, "text");
  }
}
