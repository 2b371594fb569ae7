package io.netkit.smtp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of one send: the server's reply to every envelope recipient, and its final reply
 * to the message (the end of DATA), which names the queue id where the server gives one.
 *
 * <p>A result is returned whenever the server accepted the sender, so partial acceptance is
 * visible here and never passes for success: {@link #allAccepted()} is true only when every
 * recipient was accepted and the message was too. When no recipient was accepted the message was
 * not sent at all ({@link #sent()} is false, there is no final reply). A refusal of the sender or
 * of the message itself is not a result but a {@link io.netkit.core.NetReplyException}. Immutable.
 *
 * @param recipients one result per envelope recipient, in the order sent
 * @param code the final reply's code, or -1 when the message was not sent
 * @param text the final reply's text ({@code ""} when not sent)
 */
public record SendResult(List<RecipientResult> recipients, int code, String text) implements SmtpReply {
  private static final Pattern QUEUE_ID =
      Pattern.compile("(?:queued as|id=|queued with id|message id is)\\s*<?([A-Za-z0-9._@:-]+)>?", Pattern.CASE_INSENSITIVE);

  /** Checks and copies the parts. */
  public SendResult {
    recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
    Objects.requireNonNull(text, "text");
  }

  /** True when the message went to at least one recipient and the server accepted it. */
  public boolean sent() {
    return code >= 200 && code < 300;
  }

  /** True when every recipient and the message were accepted. */
  public boolean allAccepted() {
    return sent() && recipients.stream().allMatch(RecipientResult::accepted);
  }

  /** The accepted recipients. */
  public List<RecipientResult> accepted() {
    return recipients.stream().filter(RecipientResult::accepted).toList();
  }

  /** The refused recipients: the message did not go to them. */
  public List<RecipientResult> refused() {
    return recipients.stream().filter(r -> !r.accepted()).toList();
  }

  /** The queue id in the final reply ({@code 250 2.0.0 Ok: queued as 4Bx9Z3}), where there is one. */
  public Optional<String> queueId() {
    Matcher m = QUEUE_ID.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The final reply on one line, e.g. {@code 250 2.0.0 Ok: queued as 4Bx9Z3}, or {@code not sent}. */
  public String finalReply() {
    return code < 0 ? "not sent: no recipient was accepted" : code + (text.isEmpty() ? "" : " " + text.replace('\n', ' '));
  }
}
