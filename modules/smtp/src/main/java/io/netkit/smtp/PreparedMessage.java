package io.netkit.smtp;

import io.netkit.core.UnsafeArgumentException;
import io.netkit.smtp.internal.Addresses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A complete RFC 5322 message (headers, blank line, body), sent as it is with the envelope given
 * here: netkit adds no header and removes none (a Bcc header in it is sent as it is). Only the line
 * ends change: every bare LF and bare CR becomes CRLF before dot-stuffing, so no {@code
 * <LF>.<LF>} (or any other end of data but the one netkit writes) can reach the server (SMTP
 * smuggling, CVE-2023-51764), and a line that is just {@code .} is sent as {@code ..}. Immutable
 * (a stream content can be sent once).
 *
 * @param sender the envelope sender (MAIL FROM), an address without display name; {@code ""} for
 *     the null sender of bounces
 * @param recipients the envelope recipients (RCPT TO), at least one
 * @param content the message's bytes
 */
public record PreparedMessage(String sender, List<String> recipients, Content content) {
  /**
   * Checks the envelope: plain addresses, no CR, LF or NUL.
   *
   * @throws UnsafeArgumentException for CR, LF or NUL in an address
   */
  public PreparedMessage {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(content, "content");
    UnsafeArgumentException.requireSafe("sender", sender);
    if (!sender.isEmpty()) {
      Addresses.requireBare("sender", sender);
    }
    List<String> checked = new ArrayList<>();
    for (String r : Objects.requireNonNull(recipients, "recipients")) {
      Objects.requireNonNull(r, "recipient");
      UnsafeArgumentException.requireSafe("recipient", r);
      Addresses.requireBare("recipient", r);
      if (!checked.contains(r)) {
        checked.add(r);
      }
    }
    if (checked.isEmpty()) {
      throw new IllegalArgumentException("a message needs at least one recipient");
    }
    recipients = List.copyOf(checked);
  }

  /** The message in {@code file}, from {@code sender} to {@code recipients}. */
  public static PreparedMessage of(String sender, List<String> recipients, Path file) {
    return new PreparedMessage(sender, recipients, Content.ofFile(file));
  }
}
