package io.netkit.testkit.smtp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One message an {@link SmtpMockServer} received: its envelope (MAIL FROM and every RCPT TO it
 * accepted) and its content as stored (RFC 5322 bytes, CRLF line ends, dot-stuffing removed).
 * Immutable.
 *
 * @param sender the envelope sender, {@code ""} for the null sender
 * @param recipients the envelope recipients
 * @param content the message's bytes
 */
public record ReceivedMail(String sender, List<String> recipients, byte[] content) {
  /** Checks and copies the parts. */
  public ReceivedMail {
    Objects.requireNonNull(sender, "sender");
    recipients = List.copyOf(recipients);
    content = content.clone();
  }

  /** The bytes (a copy). */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The content as text (UTF-8; 8-bit bodies may not be). */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /** The header lines, unfolded, up to the blank line ({@code Subject: Hello}). */
  public List<String> headerLines() {
    List<String> lines = new ArrayList<>();
    try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null && !line.isEmpty()) {
        if ((line.startsWith(" ") || line.startsWith("\t")) && !lines.isEmpty()) {
          lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + line.trim());
        } else {
          lines.add(line);
        }
      }
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return lines;
  }

  /** The first header of this name, case-insensitively, unfolded and as sent (not decoded). */
  public Optional<String> header(String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    for (String line : headerLines()) {
      if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return Optional.of(line.substring(prefix.length()).trim());
      }
    }
    return Optional.empty();
  }
}
