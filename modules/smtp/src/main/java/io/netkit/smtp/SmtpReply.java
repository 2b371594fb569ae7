package io.netkit.smtp;

import java.util.Objects;

/**
 * What an {@link SmtpClient} request returns: a {@link SendResult} for the sending requests, a
 * {@link Done} for the others. Immutable.
 */
public sealed interface SmtpReply permits SmtpReply.Done, SendResult {
  /**
   * The server's reply to a command that sends no mail (NOOP), whatever its code.
   *
   * @param code the reply code
   * @param text the reply text
   */
  record Done(int code, String text) implements SmtpReply {
    /** Checks the text. */
    public Done {
      Objects.requireNonNull(text, "text");
    }
  }
}
