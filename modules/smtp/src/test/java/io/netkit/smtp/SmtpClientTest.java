package io.netkit.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetOptions;
import io.netkit.testkit.smtp.ReceivedMail;
import io.netkit.testkit.smtp.SmtpMockServer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sending to the GreenMail-backed mock: what arrives is what was meant. */
class SmtpClientTest {
  private final TestSupport.Trace trace = new TestSupport.Trace();
  private final SmtpMockServer server = new SmtpMockServer();
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private NetOptions options() {
    return NetOptions.builder().readTimeout(Duration.ofSeconds(10)).trace(trace).build();
  }

  private ReceivedMail received() throws InterruptedException {
    ReceivedMail mail = server.takeMessage(Duration.ofSeconds(10));
    assertTrue(mail != null, "no message arrived");
    return mail;
  }

  private static MimeMessage parse(ReceivedMail mail) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.content()));
  }

  @Test
  void sendsABuiltMessageWithAlternativeBodiesAttachmentAndInlineImage() throws Exception {
    Path report = Files.write(dir.resolve("report.csv"), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    Path logo = Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff});
    MailMessage message =
        MailMessage.builder()
            .from("Zoë Sender <zoe@example.org>")
            .to("bob@example.org", "\"Carol, Jr.\" <carol@example.org>")
            .cc("dave@example.org")
            .bcc("hidden@example.org")
            .replyTo("replies@example.org")
            .subject("Grüße — report ✓")
            .text("Hello Bob,\nthe report is attached.\n.\nBye")
            .html("<p>Hello <b>Bob</b> <img src=\"cid:logo\"></p>")
            .attach(report)
            .attach(Attachment.inline("logo", logo))
            .header("X-Campaign", "spring")
            .build();
    SendResult result;
    try (SmtpClient smtp = new SmtpClient(options())) {
      smtp.connect(server.endpoint());
      result = smtp.send(message);
    }
    assertTrue(result.allAccepted(), result.toString());
    assertEquals(
        List.of("bob@example.org", "carol@example.org", "dave@example.org", "hidden@example.org"),
        result.recipients().stream().map(RecipientResult::address).toList());

    ReceivedMail mail = received();
    assertEquals("zoe@example.org", mail.sender());
    assertTrue(mail.recipients().containsAll(List.of("bob@example.org", "carol@example.org", "dave@example.org", "hidden@example.org")));
    assertTrue(mail.header("Bcc").isEmpty(), "Bcc must never be a header");
    MimeMessage mime = parse(mail);
    assertEquals("Grüße — report ✓", mime.getSubject());
    assertEquals("spring", mime.getHeader("X-Campaign", null));
    assertEquals("replies@example.org", mime.getHeader("Reply-To", null));
    assertTrue(MimeUtility.decodeText(mime.getHeader("From", null)).startsWith("Zoë Sender"));
    assertTrue(mime.getHeader("To", null).contains("\"Carol, Jr.\" <carol@example.org>"));
    assertTrue(mime.getContentType().startsWith("multipart/mixed"), mime.getContentType());
    Multipart mixed = (Multipart) mime.getContent();
    assertEquals(2, mixed.getCount());
    Part related = mixed.getBodyPart(0);
    assertTrue(related.getContentType().startsWith("multipart/related"), related.getContentType());
    Multipart rel = (Multipart) related.getContent();
    Multipart alternative = (Multipart) rel.getBodyPart(0).getContent();
    assertEquals("Hello Bob,\r\nthe report is attached.\r\n.\r\nBye", ((String) alternative.getBodyPart(0).getContent()));
    assertTrue(((String) alternative.getBodyPart(1).getContent()).contains("cid:logo"));
    Part image = rel.getBodyPart(1);
    assertEquals("<logo>", ((jakarta.mail.internet.MimeBodyPart) image).getContentID());
    assertEquals(Part.INLINE, image.getDisposition());
    byte[] imageBytes = image.getInputStream().readAllBytes();
    assertEquals(8, imageBytes.length);
    Part csv = mixed.getBodyPart(1);
    assertEquals("report.csv", csv.getFileName());
    assertEquals(Part.ATTACHMENT, csv.getDisposition());
    assertEquals("a,b\n1,2\n", new String(csv.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void onlyHtmlIsASingleHtmlPart() throws Exception {
    try (SmtpClient smtp = new SmtpClient(options())) {
      smtp.connect(server.endpoint());
      smtp.send(MailMessage.builder().from("a@example.org").to("b@example.org").html("<p>hi</p>").build());
    }
    MimeMessage mime = parse(received());
    assertTrue(mime.getContentType().startsWith("text/html"), mime.getContentType());
    assertEquals("<p>hi</p>", mime.getContent());
  }

  @Test
  void oneConnectionCarriesManySends() throws Exception {
    try (SmtpClient smtp = new SmtpClient(options())) {
      smtp.connect(server.endpoint());
      for (int i = 0; i < 3; i++) {
        assertTrue(smtp.send(MailMessage.builder().from("a@example.org").to("b@example.org").subject("n" + i).text("x").build()).sent());
      }
      assertEquals(250, smtp.noop().code());
    }
    assertEquals(1, trace.connections(), trace.all());
    assertEquals(3, trace.sent().stream().filter(l -> l.startsWith("MAIL FROM:")).count());
    for (int i = 0; i < 3; i++) {
      assertEquals("n" + i, parse(received()).getSubject());
    }
  }

  @Test
  void sendsAPreparedMessageAsItIs() throws Exception {
    String raw = "From: a@example.org\r\nTo: b@example.org\r\nSubject: prepared\r\nX-Keep: yes\r\n\r\nline one\r\n.\r\nend\r\n";
    try (SmtpClient smtp = new SmtpClient(options())) {
      smtp.connect(server.endpoint());
      SendResult r = smtp.send(new PreparedMessage("a@example.org", List.of("b@example.org"), Content.ofText(raw)));
      assertTrue(r.allAccepted());
    }
    ReceivedMail mail = received();
    assertEquals("yes", mail.header("X-Keep").orElseThrow());
    assertTrue(mail.text().contains("line one\r\n.\r\nend"), mail.text());
    assertTrue(trace.sent().contains(".."), "the lone dot line is stuffed on the wire: " + trace.all());
  }

  @Test
  void capabilitiesAreReadable() throws Exception {
    try (SmtpClient smtp = new SmtpClient(options())) {
      smtp.connect(server.endpoint());
      Capabilities c = smtp.capabilities();
      assertTrue(c.smtpUtf8(), c.toString());
      assertFalse(c.startTls());
      assertTrue(c.authMechanisms().contains("PLAIN"), c.toString());
    }
  }

  @Test
  void internationalizedAddressesGoWithSmtputf8() throws Exception {
    try (SmtpClient smtp = new SmtpClient(options())) {
      smtp.connect(server.endpoint());
      SendResult r = smtp.send(MailMessage.builder().from("jörg@example.org").to("用户@example.org").subject("ü").text("hi").build());
      assertTrue(r.allAccepted(), r.toString());
    }
    // (The core's trace shows bytes one char each, so UTF-8 appears as Latin-1 there.)
    assertTrue(trace.sent().stream().anyMatch(l -> l.startsWith("MAIL FROM:<j") && l.endsWith("@example.org> SMTPUTF8")), trace.all());
    ReceivedMail mail = received();
    assertEquals("jörg@example.org", mail.sender());
  }

  @Test
  void logsInWithTheEndpointsCredentialsAndRefusesWrongOnes() throws Exception {
    server.stop();
    SmtpMockServer guarded = new SmtpMockServer().account("alice", "pa55word");
    guarded.start();
    try {
      try (SmtpClient smtp = new SmtpClient(options())) {
        smtp.connect(guarded.endpoint().withCredentials(new Credentials("alice", "pa55word")));
        assertTrue(smtp.send(MailMessage.builder().from("alice@example.org").to("b@example.org").text("x").build()).sent());
      }
      assertTrue(trace.sent().contains("AUTH PLAIN ****"), trace.all());
      SmtpClient bad = new SmtpClient(options());
      NetAuthenticationException e =
          assertThrows(
              NetAuthenticationException.class,
              () -> bad.connect(guarded.endpoint().withCredentials(new Credentials("alice", "wrong-pass"))));
      assertTrue(e.replyCode().isPresent(), e.toString());
      assertFalse(e.getMessage().contains("wrong-pass"));
      assertFalse(bad.isConnected());
      assertFalse(trace.all().contains("pa55word"));
    } finally {
      guarded.stop();
    }
  }

  @Test
  void closeSaysQuitAndIsIdempotent() throws Exception {
    SmtpClient smtp = new SmtpClient(options());
    smtp.connect(server.endpoint());
    assertTrue(smtp.isConnected());
    smtp.close();
    smtp.close();
    assertFalse(smtp.isConnected());
    assertTrue(trace.sent().contains("QUIT"));
    assertThrows(IllegalStateException.class, smtp::capabilities);
  }

  @Test
  void aStreamContentCanBeSentOnce() throws Exception {
    Content once = Content.ofStream(new ByteArrayInputStream("Subject: s\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)));
    PreparedMessage m = new PreparedMessage("a@example.org", List.of("b@example.org"), once);
    try (SmtpClient smtp = new SmtpClient(options())) {
      smtp.connect(server.endpoint());
      smtp.send(m);
      assertThrows(IllegalStateException.class, () -> smtp.send(m));
      assertInstanceOf(SmtpReply.Done.class, smtp.request(new SmtpRequest.Noop()));
    }
  }
}
