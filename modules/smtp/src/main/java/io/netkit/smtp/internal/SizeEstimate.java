package io.netkit.smtp.internal;

import io.netkit.smtp.Attachment;
import io.netkit.smtp.MailMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How many bytes a built message will be on the wire, for SMTP SIZE (RFC 1870 calls the size
 * declared in MAIL FROM an estimate): base64 parts exactly (4 bytes per 3, CRLF per 76), text
 * parts as quoted-printable (3 bytes per non-ASCII byte, a soft line break per 76), plus an
 * allowance for headers and boundaries. Unknown when a stream's size was not given. Stateless.
 */
final class SizeEstimate {
  private static final long PART_OVERHEAD = 256;

  private SizeEstimate() {}

  static OptionalLong of(MailMessage m) {
    long total = 1024; // Date, Message-ID, MIME-Version, Content-Type and the blank line
    total += headerBytes(m);
    total += m.text().map(SizeEstimate::quotedPrintable).orElse(0L) + PART_OVERHEAD;
    total += m.html().map(SizeEstimate::quotedPrintable).orElse(0L) + PART_OVERHEAD;
    for (Attachment a : m.attachments()) {
      OptionalLong size = a.content().size();
      if (size.isEmpty()) {
        return OptionalLong.empty();
      }
      total += base64(size.getAsLong()) + PART_OVERHEAD + a.fileName().length() * 3L;
    }
    return OptionalLong.of(total);
  }

  /** base64 with a CRLF after every 76 characters. */
  static long base64(long bytes) {
    long chars = (bytes + 2) / 3 * 4;
    return chars + (chars + 75) / 76 * 2;
  }

  static long quotedPrintable(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    long out = 0;
    for (byte b : bytes) {
      out += (b & 0xff) >= 0x7f || b == '=' ? 3 : 1;
    }
    return out + out / 76 * 3;
  }

  private static long headerBytes(MailMessage m) {
    long n = 0;
    for (List<String> list : List.of(List.of(m.from()), m.to(), m.cc(), m.replyTo())) {
      for (String mailbox : list) {
        n += mailbox.getBytes(StandardCharsets.UTF_8).length * 3L + 8;
      }
    }
    n += m.subject().map(s -> s.getBytes(StandardCharsets.UTF_8).length * 3L + 12).orElse(0L);
    for (Map.Entry<String, List<String>> h : m.headers().entrySet()) {
      for (String v : h.getValue()) {
        n += h.getKey().length() + v.getBytes(StandardCharsets.UTF_8).length * 3L + 4;
      }
    }
    return n;
  }
}
