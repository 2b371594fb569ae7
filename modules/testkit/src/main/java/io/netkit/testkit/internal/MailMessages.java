package io.netkit.testkit.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

/** Seeding the mail mocks: parsing messages, finding {@code .eml} files. */
public final class MailMessages {
  private MailMessages() {}

  /**
   * A message parsed from its raw bytes (RFC 5322, headers first).
   *
   * @throws IllegalArgumentException when it is no mail message
   */
  public static MimeMessage parse(byte[] raw) {
    return parse(new ByteArrayInputStream(Objects.requireNonNull(raw, "raw")));
  }

  /**
   * A message parsed from a stream (read to its end).
   *
   * @throws IllegalArgumentException when it is no mail message
   */
  public static MimeMessage parse(InputStream in) {
    try {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("not a mail message: " + e.getMessage(), e);
    }
  }

  /**
   * The regular {@code .eml} files directly in {@code directory} (any case), in name order.
   *
   * @throws IOException when the directory cannot be listed
   */
  public static List<Path> emlFiles(Path directory) throws IOException {
    try (Stream<Path> list = Files.list(directory)) {
      return list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
  }
}
