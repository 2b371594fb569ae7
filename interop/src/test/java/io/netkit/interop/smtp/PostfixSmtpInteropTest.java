package io.netkit.interop.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import io.netkit.smtp.Attachment;
import io.netkit.smtp.Capabilities;
import io.netkit.smtp.Content;
import io.netkit.smtp.MailMessage;
import io.netkit.smtp.RecipientResult;
import io.netkit.smtp.SendResult;
import io.netkit.smtp.SmtpClient;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** netkit's SMTP client against Debian's Postfix, delivering into Dovecot's Maildir. */
class PostfixSmtpInteropTest {
  private final SmtpServers mail = new SmtpServers();
  private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();
  @TempDir Path dir;

  private static String marker() {
    return "netkit-smtp-" + UUID.randomUUID();
  }

  private List<String> sent() {
    return trace.stream().filter(e -> e.direction() == Direction.SENT).map(TraceEvent::text).toList();
  }

  @Test
  void plainSendIsDeliveredIntoTheMaildir() throws Exception {
    String marker = marker();
    SendResult result;
    try (SmtpClient smtp = new SmtpClient(mail.options(TlsMode.NONE).trace(trace::add).build())) {
      smtp.connect(mail.at("SMTP_PORT"));
      result = smtp.send(MailMessage.builder().from("sender@example.org").to(mail.address()).subject(marker).text("plain hello\n.\nend").build());
    }
    assertTrue(result.allAccepted(), result.toString());
    assertTrue(result.queueId().isPresent(), result.text());
    Path file = mail.delivered(marker, Duration.ofSeconds(30));
    try {
      String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(text.contains("Delivered-To: " + mail.address()), text);
      assertTrue(text.contains("\n.\n") || text.contains("\n.\r\n"), "the lone dot line arrives as a dot: " + text);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void submissionWithRequiredStartTlsAndAuthDeliversTheAttachment() throws Exception {
    String marker = marker();
    byte[] payload = new byte[300_000];
    new Random(42).nextBytes(payload);
    Path attachment = Files.write(dir.resolve("payload.bin"), payload);
    try (SmtpClient smtp = new SmtpClient(mail.options(TlsMode.STARTTLS_REQUIRED).trace(trace::add).build())) {
      smtp.connect(mail.at("SUBMISSION_PORT").withCredentials(mail.credentials()));
      assertTrue(smtp.isSecure());
      Capabilities caps = smtp.capabilities();
      assertTrue(caps.size() && caps.eightBitMime() && caps.dsn(), caps.toString());
      assertFalse(caps.authMechanisms().isEmpty(), caps.toString());
      SendResult result =
          smtp.send(
              MailMessage.builder().from(mail.address()).to(mail.address()).subject(marker)
                  .text("see attachment").attach(attachment).build());
      assertTrue(result.allAccepted(), result.toString());
    }
    int starttls = sent().indexOf("STARTTLS");
    int auth = -1;
    for (int i = 0; i < sent().size(); i++) {
      if (sent().get(i).startsWith("AUTH ")) {
        auth = i;
      }
    }
    assertTrue(starttls >= 0 && auth > starttls, "AUTH only after STARTTLS: " + sent());
    assertFalse(trace.toString().contains(mail.credentials().password()));
    Path file = mail.delivered(marker, Duration.ofSeconds(30));
    try (InputStream in = Files.newInputStream(file)) {
      MimeMessage delivered = new MimeMessage(Session.getInstance(new Properties()), in);
      Multipart mixed = (Multipart) delivered.getContent();
      Part part = mixed.getBodyPart(1);
      assertEquals("payload.bin", part.getFileName());
      assertArrayEquals(payload, part.getInputStream().readAllBytes());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void implicitTlsWithAuthOnTheSmtpsPort() throws Exception {
    String marker = marker();
    try (SmtpClient smtp = new SmtpClient(mail.options(TlsMode.IMPLICIT).trace(trace::add).build())) {
      smtp.connect(mail.at("SMTPS_PORT").withCredentials(mail.credentials()));
      assertTrue(smtp.isSecure());
      assertTrue(smtp.send(MailMessage.builder().from(mail.address()).to(mail.address()).subject(marker).text("tls").build()).allAccepted());
    }
    assertTrue(sent().stream().anyMatch(l -> l.startsWith("EHLO")), "the trace sees the TLS session decrypted");
    Files.deleteIfExists(mail.delivered(marker, Duration.ofSeconds(30)));
  }

  @Test
  void implicitTlsVerifiesTheCertificateAgainstTheHostName() throws Exception {
    io.netkit.core.Endpoint byName = io.netkit.core.Endpoint.of("localhost", mail.at("SMTPS_PORT").port());
    try (SmtpClient smtp = new SmtpClient(mail.options(TlsMode.IMPLICIT).build())) {
      smtp.connect(byName.withCredentials(mail.credentials()));
      assertTrue(smtp.isSecure());
    }
    // The system trust store does not know the test CA: verification is really on.
    SmtpClient untrusting =
        new SmtpClient(io.netkit.core.NetOptions.builder().tlsMode(TlsMode.IMPLICIT).connectTimeout(Duration.ofSeconds(10)).build());
    assertThrows(NetTlsException.class, () -> untrusting.connect(byName));
  }

  @Test
  void aRecipientOutsideTheAcceptedDomainsIsRefusedAndReportedPerRecipient() throws Exception {
    String marker = marker();
    SendResult result;
    try (SmtpClient smtp = new SmtpClient(mail.options(TlsMode.STARTTLS_IF_OFFERED).build())) {
      smtp.connect(mail.at("SMTP_PORT"));
      result =
          smtp.send(
              MailMessage.builder().from("sender@example.org").to(mail.address(), "stranger@elsewhere.example")
                  .subject(marker).text("partial").build());
    }
    assertTrue(result.sent(), result.toString());
    assertFalse(result.allAccepted());
    assertEquals(List.of(mail.address()), result.accepted().stream().map(RecipientResult::address).toList());
    RecipientResult refused = result.refused().get(0);
    assertEquals("stranger@elsewhere.example", refused.address());
    assertTrue(refused.code() >= 500 && refused.code() < 600, refused.toString());
    assertTrue(refused.text().contains("Relay access denied"), refused.toString());
    Files.deleteIfExists(mail.delivered(marker, Duration.ofSeconds(30)));
  }

  @Test
  void requiredStartTlsAgainstAPortWithoutItIsRefusedAndNothingGoesInClear() throws Exception {
    SmtpClient smtp = new SmtpClient(mail.options(TlsMode.STARTTLS_REQUIRED).trace(trace::add).build());
    NetTlsException e =
        assertThrows(
            NetTlsException.class,
            () -> smtp.connect(mail.at("SMTP_NOTLS_PORT").withCredentials(mail.credentials())));
    assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
    assertTrue(sent().stream().allMatch(l -> l.startsWith("EHLO") || l.equals("QUIT")), "only EHLO went out: " + sent());
    assertFalse(trace.toString().contains(mail.credentials().password()));
  }

  @Test
  void aWrongPasswordIsAnAuthenticationFailureWithTheReply() throws Exception {
    SmtpClient smtp = new SmtpClient(mail.options(TlsMode.STARTTLS_REQUIRED).trace(trace::add).build());
    String wrong = "not-" + mail.credentials().password();
    NetAuthenticationException e =
        assertThrows(
            NetAuthenticationException.class,
            () -> smtp.connect(mail.at("SUBMISSION_PORT").withCredentials(new Credentials(mail.credentials().user(), wrong))));
    assertEquals(535, e.replyCode().getAsInt(), e.toString());
    assertFalse(e.getMessage().contains(wrong));
    assertFalse(trace.toString().contains(wrong));
  }

  @Test
  void preparedMessageIsDeliveredAsItIs() throws Exception {
    String marker = marker();
    // Complete (Date, Message-ID), so Postfix has nothing to add below its trace headers.
    String raw =
        "From: sender@example.org\nTo: " + mail.address() + "\nSubject: " + marker
            + "\nDate: Tue, 1 Dec 2026 12:00:00 +0000\nMessage-ID: <" + marker + "@example.org>"
            + "\nX-Prepared: yes\n\nbody line\n.\n..two dots\n";
    try (SmtpClient smtp = new SmtpClient(mail.options(TlsMode.STARTTLS_REQUIRED).build())) {
      smtp.connect(mail.at("SMTP_PORT"));
      SendResult r = smtp.send(new io.netkit.smtp.PreparedMessage("sender@example.org", List.of(mail.address()), Content.ofText(raw)));
      assertTrue(r.allAccepted(), r.toString());
    }
    Path file = mail.delivered(marker, Duration.ofSeconds(30));
    try {
      String text = Files.readString(file).replace("\r\n", "\n");
      assertTrue(text.endsWith(raw), "delivered as sent, byte for byte after Postfix's own headers:\n" + text);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
