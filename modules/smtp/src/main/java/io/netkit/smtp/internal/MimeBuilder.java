package io.netkit.smtp.internal;

import io.netkit.smtp.Attachment;
import io.netkit.smtp.MailMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a {@link MailMessage} into a MIME message that streams: bodies as UTF-8
 * quoted-printable, attachments and inline parts base64 from their {@link
 * io.netkit.smtp.Content}, every Content-Transfer-Encoding set here so Jakarta Mail never reads a
 * source ahead to choose one. Structure: {@code multipart/mixed} (when attachments) of {@code
 * multipart/related} (when inline parts) of {@code multipart/alternative} (when text and HTML).
 * Headers are written by netkit (Jakarta Mail's address parser is not used): addresses as
 * given, names and subject RFC 2047-encoded. Bcc is never a header. Stateless.
 */
final class MimeBuilder {
  private MimeBuilder() {}

  static MimeMessage build(Session session, MailMessage message) throws MessagingException {
    MimeMessage mime = new OwnIdMessage(session, domainOf(message.sender()));
    mime.setHeader("From", Addresses.header("From", List.of(message.from())));
    if (!message.to().isEmpty()) {
      mime.setHeader("To", Addresses.header("To", message.to()));
    }
    if (!message.cc().isEmpty()) {
      mime.setHeader("Cc", Addresses.header("Cc", message.cc()));
    }
    if (!message.replyTo().isEmpty()) {
      mime.setHeader("Reply-To", Addresses.header("Reply-To", message.replyTo()));
    }
    if (message.subject().isPresent()) {
      mime.setHeader("Subject", Addresses.text("Subject", message.subject().get()));
    }
    mime.setSentDate(new Date());
    for (Map.Entry<String, List<String>> h : message.headers().entrySet()) {
      for (String value : h.getValue()) {
        mime.addHeader(h.getKey(), Addresses.text(h.getKey(), value));
      }
    }
    List<Attachment> inline = new ArrayList<>();
    List<Attachment> attached = new ArrayList<>();
    for (Attachment a : message.attachments()) {
      (a.isInline() ? inline : attached).add(a);
    }
    Object body = body(message, inline);
    if (!attached.isEmpty()) {
      MimeMultipart mixed = new MimeMultipart("mixed");
      mixed.addBodyPart(part(body));
      for (Attachment a : attached) {
        mixed.addBodyPart(binary(a, Part.ATTACHMENT));
      }
      body = mixed;
    }
    fill(mime, body);
    mime.saveChanges();
    return mime;
  }

  /** The body: a text part, an HTML part, or their alternative, related to the inline parts. */
  private static Object body(MailMessage message, List<Attachment> inline) throws MessagingException {
    MimeBodyPart text = message.text().map(t -> textPart(t, "plain")).orElse(null);
    MimeBodyPart html = message.html().map(h -> textPart(h, "html")).orElse(null);
    Object body;
    if (text != null && html != null) {
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      body = alternative;
    } else if (html != null) {
      body = html;
    } else {
      body = text != null ? text : textPart("", "plain");
    }
    if (inline.isEmpty()) {
      return body;
    }
    MimeMultipart related = new MimeMultipart("related");
    related.addBodyPart(part(body));
    for (Attachment a : inline) {
      related.addBodyPart(binary(a, Part.INLINE));
    }
    return related;
  }

  private static MimeBodyPart textPart(String text, String subtype) {
    try {
      MimeBodyPart part = new MimeBodyPart();
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      part.setDataHandler(
          new DataHandler(
              new ContentSource(
                  io.netkit.smtp.Content.ofBytes(bytes), "text/" + subtype + "; charset=UTF-8", subtype + " body")));
      part.setHeader("Content-Type", "text/" + subtype + "; charset=UTF-8");
      part.setHeader("Content-Transfer-Encoding", "quoted-printable");
      return part;
    } catch (MessagingException e) {
      throw new IllegalStateException(e); // setting headers on a new part cannot fail
    }
  }

  private static MimeBodyPart binary(Attachment a, String disposition) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ContentSource(a.content(), a.contentType(), "attachment " + a.fileName())));
    part.setHeader("Content-Type", a.contentType());
    part.setHeader("Content-Transfer-Encoding", "base64");
    part.setDisposition(disposition);
    part.setFileName(a.fileName()); // RFC 2231-encoded by Jakarta Mail when not ASCII
    if (a.isInline()) {
      part.setContentID("<" + a.contentId() + ">");
    }
    return part;
  }

  /** A body as a part of a multipart. */
  private static MimeBodyPart part(Object body) throws MessagingException {
    if (body instanceof MimeBodyPart p) {
      return p;
    }
    MimeBodyPart wrapper = new MimeBodyPart();
    wrapper.setContent((MimeMultipart) body);
    return wrapper;
  }

  private static void fill(MimeMessage mime, Object body) throws MessagingException {
    if (body instanceof MimeMultipart multipart) {
      mime.setContent(multipart);
      return;
    }
    MimeBodyPart single = (MimeBodyPart) body;
    mime.setDataHandler(single.getDataHandler());
    mime.setHeader("Content-Type", single.getHeader("Content-Type", null));
    mime.setHeader("Content-Transfer-Encoding", single.getHeader("Content-Transfer-Encoding", null));
    String disposition = single.getHeader("Content-Disposition", null);
    if (disposition != null) {
      mime.setHeader("Content-Disposition", disposition);
    }
  }

  static String domainOf(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? "netkit.invalid" : address.substring(at + 1);
  }

  /** Writes its own Message-ID: Jakarta Mail's asks the local host's name, which may block. */
  private static final class OwnIdMessage extends MimeMessage {
    private final String domain;

    OwnIdMessage(Session session, String domain) {
      super(session);
      this.domain = Addresses.isAscii(domain) ? domain : "netkit.invalid";
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
    }
  }
}
