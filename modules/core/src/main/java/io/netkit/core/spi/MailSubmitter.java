package io.netkit.core.spi;

import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A protocol module that submits mail, found with {@link java.util.ServiceLoader} (list the
 * implementation in {@code META-INF/services/io.netkit.core.spi.MailSubmitter}), so that the
 * {@code netkit send} command and other tools can send mail without naming a protocol. The
 * message and the outcome are described neutrally: envelope, headers and parts in; one result per
 * recipient and the final reply out. Implementations must be thread-safe and stateless.
 */
public interface MailSubmitter {
  /** The protocol, whose URL schemes this submitter serves. */
  Protocol protocol();

  /**
   * Connects to the server the URL names (its userinfo as the login), submits the message, and
   * disconnects.
   *
   * @return the server's reply to every recipient and to the message; a result in which a
   *     recipient was refused is still returned (the message went to the others), never thrown
   * @throws io.netkit.core.NetException when connecting, TLS or the login fails, or the server
   *     refuses the sender or the message itself
   * @throws IllegalArgumentException when an address, header or file is unusable (nothing was
   *     sent: checked before connecting)
   */
  Result submit(URI url, NetOptions options, Submission submission) throws IOException;

  /**
   * What to send. When {@code prepared} is true, {@code body} is a complete RFC 5322 message sent
   * as it is (line ends normalized) and subject, headers, html and attachments must be empty;
   * otherwise {@code body} is the plain-text body of a message the submitter builds. Immutable
   * but for the body stream, which is read once and not closed.
   *
   * @param from the sender: {@code user@host} or {@code Name <user@host>}
   * @param to the To recipients
   * @param cc the Cc recipients
   * @param bcc the Bcc recipients (envelope only)
   * @param subject the subject, or null
   * @param headers extra header lines, each {@code Name: value}
   * @param html a file holding the HTML body, or null
   * @param attachments files to attach
   * @param body the text body or the prepared message
   * @param bodySize the body's length in bytes, or -1 when unknown
   * @param prepared whether {@code body} is a whole message
   */
  record Submission(
      String from,
      List<String> to,
      List<String> cc,
      List<String> bcc,
      String subject,
      List<String> headers,
      Path html,
      List<Path> attachments,
      InputStream body,
      long bodySize,
      boolean prepared) {
    /** Checks and copies the parts. */
    public Submission {
      Objects.requireNonNull(from, "from");
      to = List.copyOf(to);
      cc = List.copyOf(cc);
      bcc = List.copyOf(bcc);
      headers = List.copyOf(headers);
      attachments = List.copyOf(attachments);
      Objects.requireNonNull(body, "body");
      if (prepared && (subject != null || !headers.isEmpty() || html != null || !attachments.isEmpty())) {
        throw new IllegalArgumentException(
            "a prepared message is sent as it is: no subject, headers, HTML or attachments");
      }
    }
  }

  /**
   * The server's reply to one recipient.
   *
   * @param address the recipient
   * @param code the reply code (2xx accepted)
   * @param text the reply text
   */
  record Recipient(String address, int code, String text) {
    /** True when accepted. */
    public boolean accepted() {
      return code >= 200 && code < 300;
    }
  }

  /**
   * The outcome.
   *
   * @param recipients one per envelope recipient, in order
   * @param code the final reply's code, -1 when the message was not sent (no recipient accepted)
   * @param text the final reply's text, {@code ""} when not sent
   */
  record Result(List<Recipient> recipients, int code, String text) {
    /** Copies the list. */
    public Result {
      recipients = List.copyOf(recipients);
      Objects.requireNonNull(text, "text");
    }

    /** True when the message was accepted for every recipient. */
    public boolean allAccepted() {
      return code >= 200 && code < 300 && recipients.stream().allMatch(Recipient::accepted);
    }
  }
}
