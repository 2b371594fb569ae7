package io.netkit.imap.internal;

import io.netkit.core.TransferListener;
import io.netkit.imap.ImapAnswer;
import io.netkit.imap.ImapRequest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;

/** {@link ImapRequest.FetchBody}: a body streamed to the caller's stream. Stateless. */
final class Bodies {
  private static final Set<String> DECODABLE = Set.of("base64", "quoted-printable", "uuencode", "x-uuencode");

  private Bodies() {}

  static ImapAnswer.Fetched fetch(Session s, ImapRequest.FetchBody r) throws IOException {
    String what = r.section().isEmpty() ? "UID " + r.uid() : "section " + r.section() + " of UID " + r.uid();
    return s.call("fetching " + what + " from '" + r.mailbox() + "'", () -> {
      String encoding = null;
      if (r.decode()) {
        encoding = Messages.part(s, r.mailbox(), r.uid(), r.section()).encoding().toLowerCase(Locale.ROOT);
      }
      boolean whole = r.section().isEmpty();
      // One request carries the size and the first chunk: a small message is one round trip.
      BodyStream body = BodyStream.open(s, r.mailbox(), r.uid(), r.section(), whole);
      InputStream in = body;
      if (encoding != null && DECODABLE.contains(encoding)) {
        try {
          in = MimeUtility.decode(body, encoding);
        } catch (MessagingException e) {
          throw new IllegalArgumentException("cannot decode " + encoding + ": " + e.getMessage());
        }
      }
      long written = in == body
          ? body.writeTo(r.target(), r.progress())
          : copy(in, r.target(), r.progress(), body.expected());
      return new ImapAnswer.Fetched(written);
    });
  }

  /** Copies to the caller's stream; its failures come back as {@link LocalFailure}. */
  private static long copy(InputStream in, OutputStream target, TransferListener progress, long total)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long written = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      try {
        target.write(buffer, 0, n);
      } catch (IOException e) {
        throw new LocalFailure(e);
      }
      written += n;
      progress.progress(written, total);
    }
    return written;
  }
}
