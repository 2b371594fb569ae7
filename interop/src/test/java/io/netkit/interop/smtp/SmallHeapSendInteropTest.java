package io.netkit.interop.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.interop.Digests.Sha256Sink;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Mail larger than the heap streams: a child JVM with {@code -Xmx64m} sends a 100 MiB attachment,
 * and a 100 MiB prepared message, to Postfix; the delivered copies are checked byte for byte. Were
 * the client to hold the content in memory, the child would die of OutOfMemoryError.
 */
class SmallHeapSendInteropTest {
  private static final long SIZE = 100L * 1024 * 1024;

  /** The prepared message's headers: complete, so Postfix adds none after its trace headers. */
  static String header(String marker, String to) {
    return "From: big@example.org\nTo: " + to + "\nSubject: " + marker
        + "\nDate: Tue, 1 Dec 2026 12:00:00 +0000\nMessage-ID: <" + marker + "@example.org>\n\n";
  }

  private String child(SmtpServers mail, String kind, String marker) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    SmallHeapSendChild.class.getName(),
                    mail.servers.require("MAIL_HOST"), mail.servers.require("SMTP_PORT"), mail.address(),
                    kind, Long.toString(SIZE), marker))
            .redirectErrorStream(true)
            .start();
    assertTrue(child.waitFor(240, TimeUnit.SECONDS), "child finished in time");
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, child.exitValue(), output);
    String[] last = output.lines().reduce((a, b) -> b).orElse("").split(" ");
    assertEquals("250", last[0], output);
    assertTrue(Long.parseLong(last[2]) < SIZE, "the heap really is smaller than the mail: " + last[2]);
    System.out.println("SmallHeapSendInteropTest " + kind + ": " + SIZE + " bytes sent in " + last[3] + " ms under -Xmx64m");
    return output;
  }

  @Test
  void aHundredMibAttachmentStreams() throws Exception {
    SmtpServers mail = new SmtpServers();
    String marker = "netkit-big-" + UUID.randomUUID();
    Path file = null;
    try {
      child(mail, "attachment", marker);
      file = mail.delivered(marker, Duration.ofSeconds(120));
      Sha256Sink expected = new Sha256Sink();
      new Generated("", SIZE).transferTo(expected);
      Sha256Sink actual = new Sha256Sink();
      SharedFileInputStream shared = new SharedFileInputStream(file.toFile());
      try {
        MimeMessage delivered = new MimeMessage(Session.getInstance(new Properties()), shared);
        Multipart mixed = (Multipart) delivered.getContent();
        try (InputStream in = mixed.getBodyPart(1).getInputStream()) {
          assertEquals(SIZE, in.transferTo(actual));
        }
      } finally {
        shared.close();
      }
      assertEquals(expected.hex(), actual.hex());
    } finally {
      removeDelivered(mail, marker, file);
    }
  }

  @Test
  void aHundredMibPreparedMessageStreams() throws Exception {
    SmtpServers mail = new SmtpServers();
    String marker = "netkit-big-" + UUID.randomUUID();
    Path file = null;
    try {
      child(mail, "prepared", marker);
      file = mail.delivered(marker, Duration.ofSeconds(120));
      Sha256Sink expected = new Sha256Sink();
      new Generated(header(marker, mail.address()), SIZE).transferTo(expected);
      // Postfix stores LF line ends and puts its own trace headers first: skip to ours.
      byte[] start = "From: big@example.org\n".getBytes(StandardCharsets.US_ASCII);
      long offset = indexOf(file, start);
      assertTrue(offset >= 0, "our headers are there");
      assertEquals(SIZE, Files.size(file) - offset);
      Sha256Sink actual = new Sha256Sink();
      try (InputStream in = Files.newInputStream(file)) {
        in.skipNBytes(offset);
        in.transferTo(actual);
      }
      assertEquals(expected.hex(), actual.hex());
    } finally {
      removeDelivered(mail, marker, file);
    }
  }

  /** Never leaves 100 MiB in the test mailbox, even when the test failed before finding it. */
  private static void removeDelivered(SmtpServers mail, String marker, Path file) throws Exception {
    if (file == null) {
      try {
        file = mail.delivered(marker, Duration.ofSeconds(20));
      } catch (AssertionError notDelivered) {
        return;
      }
    }
    Files.deleteIfExists(file);
  }

  private static long indexOf(Path file, byte[] needle) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(64 * 1024);
      outer:
      for (int i = 0; i + needle.length <= head.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (head[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
    }
    return -1;
  }
}
