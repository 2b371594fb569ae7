package io.netkit.smtp;

import java.util.Objects;

/**
 * What an {@link SmtpClient} can be asked to do: immutable values, one record per request. Every
 * check on addresses and headers happened when the message was made, before any connection.
 */
public sealed interface SmtpRequest {
  /** Builds {@code message} as MIME and sends it; replies with a {@link SendResult}. */
  record Send(MailMessage message) implements SmtpRequest {
    /** Checks the message. */
    public Send {
      Objects.requireNonNull(message, "message");
    }
  }

  /** Sends a prepared RFC 5322 message as it is; replies with a {@link SendResult}. */
  record SendPrepared(PreparedMessage message) implements SmtpRequest {
    /** Checks the message. */
    public SendPrepared {
      Objects.requireNonNull(message, "message");
    }
  }

  /** NOOP: checks the connection is alive; replies with {@link SmtpReply.Done}. */
  record Noop() implements SmtpRequest {}
}
