package io.netkit.interop.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import io.netkit.imap.BodyPart;
import io.netkit.imap.Changes;
import io.netkit.imap.ImapClient;
import io.netkit.imap.ImapRequest;
import io.netkit.imap.SearchTerm;
import io.netkit.interop.Digests;
import io.netkit.pop3.MessageSummary;
import io.netkit.pop3.Pop3Client;
import io.netkit.smtp.MailMessage;
import io.netkit.smtp.SendResult;
import io.netkit.smtp.SmtpClient;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three mail modules together against the real servers: a multipart mail with an attachment
 * and a UTF-8 subject goes out over SMTP submission (STARTTLS required, AUTH) while an IMAP
 * client idles; IDLE sees it within 2 s; it is read back over IMAP and over POP3 with a
 * byte-identical attachment (SHA-256), then moved to another folder and found there.
 */
class MailLoopInteropTest {
  @Test
  void sendOverSmtpReadBackOverImapAndPop3(@TempDir Path dir) throws Exception {
    ImapServers mail = new ImapServers();
    String marker = ImapServers.unique("loop");
    String subject = "Grüße über drei Protokolle " + marker;
    byte[] data = new byte[64 * 1024];
    new SplittableRandom(7).nextBytes(data);
    Path attachment = dir.resolve("data.bin");
    Files.write(attachment, data);
    String expected = Digests.sha256(data);
    String box = ImapServers.unique("netkit-loop");

    Endpoint submission = Endpoint.of(mail.host(), mail.servers.port("SUBMISSION_PORT"))
        .withCredentials(new Credentials(mail.servers.require("MAIL_USER"), mail.servers.require("MAIL_PASS")));
    mail.servers.requireReachable("MAIL_HOST", "SUBMISSION_PORT");
    MailMessage message = MailMessage.builder()
        .from(mail.servers.require("MAIL_ADDRESS"))
        .to(mail.servers.require("IMAP_ADDRESS"))
        .subject(subject)
        .text("The attachment must come back byte for byte.\n")
        .attach(attachment)
        .build();

    try (ImapClient imap = new ImapClient(mail.options(null, TlsMode.STARTTLS_REQUIRED).build())) {
      imap.connect(mail.imap());
      imap.examine("INBOX");
      long[] sentAt = new long[1];
      CompletableFuture<SendResult> sent = CompletableFuture.supplyAsync(() -> {
        try {
          Thread.sleep(500);
          try (SmtpClient smtp = new SmtpClient(mail.options(null, TlsMode.STARTTLS_REQUIRED).build())) {
            smtp.connect(submission);
            SendResult result = smtp.send(message);
            sentAt[0] = System.nanoTime();
            return result;
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Changes changes = imap.idle("INBOX", Duration.ofSeconds(30));
      long seen = System.nanoTime();
      assertTrue(sent.get(30, TimeUnit.SECONDS).allAccepted());
      if (changes.arrived().isEmpty()) {
        changes = imap.idle("INBOX", Duration.ofSeconds(5)); // sent, then delivered a moment later
        seen = System.nanoTime();
      }
      assertTrue(seen - sentAt[0] < TimeUnit.SECONDS.toNanos(2),
          "IDLE saw it " + (seen - sentAt[0]) / 1_000_000 + " ms after the send");

      List<Long> found = imap.search("INBOX", SearchTerm.subject(marker));
      assertEquals(1, found.size(), found.toString());
      long uid = found.get(0);
      assertTrue(changes.arrived().contains(uid), changes.toString());
      assertEquals(subject, imap.summaries("INBOX", List.of(uid)).get(0).envelope().subject());
      BodyPart part = imap.structure("INBOX", uid).flatten().stream()
          .filter(p -> p.fileName().orElse("").equals("data.bin")).findFirst().orElseThrow();
      ByteArrayOutputStream viaImap = new ByteArrayOutputStream();
      imap.fetch("INBOX", uid, part.section(), true, viaImap, TransferListener.NONE);
      assertEquals(expected, Digests.sha256(viaImap.toByteArray()), "IMAP attachment byte-identical");

      try (Pop3Client pop3 = new Pop3Client(mail.options(null, TlsMode.STARTTLS_REQUIRED).build())) {
        mail.servers.requireReachable("MAIL_HOST", "POP3_PORT");
        pop3.connect(Endpoint.of(mail.host(), mail.servers.port("POP3_PORT")).withCredentials(mail.credentials()));
        MimeMessage viaPop3 = null;
        for (MessageSummary m : pop3.messages()) {
          String s = pop3.headers(m.number()).getHeader("Subject", null);
          if (s != null && MimeUtility.decodeText(MimeUtility.unfold(s)).equals(subject)) {
            viaPop3 = pop3.message(m.number());
          }
        }
        assertNotNull(viaPop3, "POP3 sees the message");
        assertEquals(expected, Digests.sha256(attachmentOf(viaPop3)), "POP3 attachment byte-identical");
      }

      imap.create(box);
      try {
        imap.move("INBOX", List.of(uid), box);
        assertEquals(List.of(), imap.search("INBOX", SearchTerm.subject(marker)));
        assertEquals(1, imap.search(box, SearchTerm.subject(marker)).size());
      } finally {
        imap.request(new ImapRequest.DeleteFolder(box));
      }
    }
  }

  private static byte[] attachmentOf(MimeMessage message) throws Exception {
    Multipart multipart = (Multipart) message.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      Part part = multipart.getBodyPart(i);
      if ("data.bin".equals(part.getFileName())) {
        try (InputStream in = part.getInputStream()) {
          return in.readAllBytes();
        }
      }
    }
    throw new AssertionError("no attachment data.bin");
  }
}
