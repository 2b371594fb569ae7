package io.netkit.smtp;

import io.netkit.core.UnsafeArgumentException;
import io.netkit.smtp.internal.Addresses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A message for netkit to build and send: sender, recipients, subject, a plain-text and/or an
 * HTML body (both: {@code multipart/alternative}), attachments and inline images (streamed, base64),
 * and custom headers. Immutable; made with {@link #builder()}.
 *
 * <p>Addresses are {@code user@example.org} or {@code Display Name <user@example.org>}; display
 * names and the subject may be any Unicode (sent RFC 2047-encoded). An address whose mailbox is
 * not ASCII ({@code 用户@例子.广告}) needs a server that offers SMTPUTF8. The envelope sender is
 * {@code from}'s address, the envelope recipients are To, Cc and Bcc; Bcc never appears in the
 * headers sent.
 *
 * <p>Everything is checked when the message is built, before any connection: CR, LF or NUL in any
 * address, name, subject, header name or value, file name or content ID fails with {@link
 * UnsafeArgumentException} (a header injection), as does a malformed address or header name.
 * Text bodies are sent quoted-printable in UTF-8, so every line is 7-bit and short.
 */
public final class MailMessage {
  private static final Set<String> OWN_HEADERS =
      Set.of(
          "from", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id", "mime-version",
          "content-type", "content-transfer-encoding", "content-disposition", "content-id");

  private final String from;
  private final List<String> to;
  private final List<String> cc;
  private final List<String> bcc;
  private final List<String> replyTo;
  private final String subject;
  private final String text;
  private final String html;
  private final List<Attachment> attachments;
  private final Map<String, List<String>> headers;

  private MailMessage(Builder b) {
    this.from = b.from;
    this.to = List.copyOf(b.to);
    this.cc = List.copyOf(b.cc);
    this.bcc = List.copyOf(b.bcc);
    this.replyTo = List.copyOf(b.replyTo);
    this.subject = b.subject;
    this.text = b.text;
    this.html = b.html;
    this.attachments = List.copyOf(b.attachments);
    Map<String, List<String>> h = new LinkedHashMap<>();
    b.headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
    this.headers = java.util.Collections.unmodifiableMap(h);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The From mailbox, as given. */
  public String from() {
    return from;
  }

  /** The To mailboxes. */
  public List<String> to() {
    return to;
  }

  /** The Cc mailboxes. */
  public List<String> cc() {
    return cc;
  }

  /** The Bcc mailboxes (envelope only). */
  public List<String> bcc() {
    return bcc;
  }

  /** The Reply-To mailboxes. */
  public List<String> replyTo() {
    return replyTo;
  }

  /** The subject, if any. */
  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  /** The plain-text body, if any. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** The HTML body, if any. */
  public Optional<String> html() {
    return Optional.ofNullable(html);
  }

  /** Attachments and inline parts, in order. */
  public List<Attachment> attachments() {
    return attachments;
  }

  /** Custom headers: name as given, values in order. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The envelope recipients: the addresses of To, Cc and Bcc, each once, in that order. */
  public List<String> recipients() {
    List<String> all = new ArrayList<>();
    for (List<String> list : List.of(to, cc, bcc)) {
      for (String mailbox : list) {
        String address = Addresses.parse(mailbox).address();
        if (!all.contains(address)) {
          all.add(address);
        }
      }
    }
    return all;
  }

  /** The envelope sender: the address of From. */
  public String sender() {
    return Addresses.parse(from).address();
  }

  /** Builds a {@link MailMessage}. Not thread-safe. */
  public static final class Builder {
    private String from;
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private final List<String> bcc = new ArrayList<>();
    private final List<String> replyTo = new ArrayList<>();
    private String subject;
    private String text;
    private String html;
    private final List<Attachment> attachments = new ArrayList<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    private Builder() {}

    /** The sender (required). */
    public Builder from(String mailbox) {
      from = checked("From address", mailbox);
      return this;
    }

    /** Adds To recipients. */
    public Builder to(String... mailboxes) {
      return add(to, "To address", mailboxes);
    }

    /** Adds Cc recipients. */
    public Builder cc(String... mailboxes) {
      return add(cc, "Cc address", mailboxes);
    }

    /** Adds Bcc recipients (envelope only, never in the headers). */
    public Builder bcc(String... mailboxes) {
      return add(bcc, "Bcc address", mailboxes);
    }

    /** Adds Reply-To mailboxes. */
    public Builder replyTo(String... mailboxes) {
      return add(replyTo, "Reply-To address", mailboxes);
    }

    /** The subject, any Unicode; no CR, LF or NUL. */
    public Builder subject(String value) {
      subject = UnsafeArgumentException.requireSafe("subject", Objects.requireNonNull(value, "subject"));
      return this;
    }

    /** The plain-text body (line ends as you like: sent as CRLF). */
    public Builder text(String body) {
      text = Objects.requireNonNull(body, "text");
      return this;
    }

    /** The HTML body; with a text body too, the two are alternatives. */
    public Builder html(String body) {
      html = Objects.requireNonNull(body, "html");
      return this;
    }

    /** Adds an attachment or inline part. */
    public Builder attach(Attachment attachment) {
      attachments.add(Objects.requireNonNull(attachment, "attachment"));
      return this;
    }

    /** Attaches a file under its own name. */
    public Builder attach(java.nio.file.Path file) {
      return attach(Attachment.of(file));
    }

    /**
     * Adds a custom header. The name is letters, digits and {@code -} only, and may not be one
     * netkit writes itself (From, To, Subject, Date, Message-ID, MIME and Content headers...).
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "header name");
      Objects.requireNonNull(value, "header value");
      UnsafeArgumentException.requireSafe("header name", name);
      UnsafeArgumentException.requireSafe("header " + name, value);
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
        throw new IllegalArgumentException("not a header name: '" + name + "'");
      }
      if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "the " + name + " header is written by netkit; use the builder's own method");
      }
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * The message.
     *
     * @throws IllegalStateException without a sender or without any recipient
     */
    public MailMessage build() {
      if (from == null) {
        throw new IllegalStateException("a message needs a From address");
      }
      if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
        throw new IllegalStateException("a message needs at least one recipient (To, Cc or Bcc)");
      }
      return new MailMessage(this);
    }

    private Builder add(List<String> list, String what, String... mailboxes) {
      for (String m : mailboxes) {
        list.add(checked(what, m));
      }
      return this;
    }

    private static String checked(String what, String mailbox) {
      Objects.requireNonNull(mailbox, what);
      UnsafeArgumentException.requireSafe(what, mailbox);
      Addresses.parse(mailbox); // fails now for a malformed one
      return mailbox;
    }
  }
}
