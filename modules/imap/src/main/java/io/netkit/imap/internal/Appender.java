package io.netkit.imap.internal;

import io.netkit.core.NetProtocolException;
import io.netkit.core.TransferListener;
import io.netkit.imap.ImapAnswer;
import io.netkit.imap.ImapRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.imap.AppendUID;

/**
 * {@link ImapRequest.Append}: the message goes out as one literal, streamed from the caller's
 * stream (never held in memory). IMAP announces a literal's size before its bytes, so a stream of
 * unknown size is spooled to a temporary file first (deleted afterwards). A stream that ends early
 * or runs on past the size it announced fails the request before the literal's last byte is sent,
 * so the server never completes the append; the connection is then closed.
 */
final class Appender {
  private Appender() {}

  static ImapAnswer.Appended append(Session s, ImapRequest.Append r, TransferListener progress)
      throws IOException {
    return s.call("appending to '" + r.mailbox() + "'", () -> {
      if (r.size() >= 0) {
        return send(s, r, r.content(), r.size(), progress);
      }
      Path spool = Files.createTempFile("netkit-imap-append", ".eml");
      try {
        long size;
        try (OutputStream out = Files.newOutputStream(spool)) {
          size = copyLocal(r.content(), out);
        }
        if (size > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("an IMAP literal holds at most 2 GiB: " + size);
        }
        try (InputStream in = Files.newInputStream(spool)) {
          return send(s, r, in, size, progress);
        }
      } finally {
        Files.deleteIfExists(spool);
      }
    });
  }

  private static long copyLocal(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = read(in, buffer)) >= 0; ) {
      out.write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  private static int read(InputStream in, byte[] buffer) throws LocalFailure {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw new LocalFailure(e);
    }
  }

  private static ImapAnswer.Appended send(
      Session s, ImapRequest.Append r, InputStream in, long size, TransferListener progress)
      throws jakarta.mail.MessagingException {
    Literal literal = new StreamLiteral(s, in, (int) size, progress);
    Date date = r.internalDate() == null ? null : Date.from(r.internalDate());
    AppendUID uid = s.run(p -> p.appenduid(r.mailbox(), Conversions.toFlags(r.flags()), date, literal));
    return uid == null
        ? new ImapAnswer.Appended(-1, -1)
        : new ImapAnswer.Appended(uid.uidvalidity, uid.uid);
  }

  /** The caller's bytes as Angus's literal: exactly {@code size} of them, or a failure. */
  private static final class StreamLiteral implements Literal {
    private final Session session;
    private final InputStream in;
    private final int size;
    private final TransferListener progress;

    StreamLiteral(Session session, InputStream in, int size, TransferListener progress) {
      this.session = session;
      this.in = in;
      this.size = size;
      this.progress = progress;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
      byte[] buffer = new byte[64 * 1024];
      long sent = 0;
      // All but the last byte, then the last one only once the stream proves to end there: a
      // literal cut short is never completed, so the server appends nothing.
      long body = Math.max(0, size - 1);
      while (sent < body) {
        int n = read(in, buffer, (int) Math.min(buffer.length, body - sent));
        if (n < 0) {
          throw short_(sent);
        }
        os.write(buffer, 0, n);
        sent += n;
        progress.progress(sent, size);
      }
      if (size > 0) {
        int lastByte = read(in);
        if (lastByte < 0) {
          throw short_(sent);
        }
        if (read(in) >= 0) {
          throw new NetProtocolException(session.guards().context(),
              "the message is longer than the " + size + " bytes announced; nothing was appended", null);
        }
        os.write(lastByte);
        progress.progress(size, size);
      }
    }

    private NetProtocolException short_(long sent) {
      return new NetProtocolException(session.guards().context(),
          "the message ended after " + sent + " of the " + size + " bytes announced; nothing was appended",
          null);
    }

    private static int read(InputStream in, byte[] b, int len) throws IOException {
      try {
        return in.read(b, 0, len);
      } catch (IOException e) {
        throw new LocalFailure(e);
      }
    }

    private static int read(InputStream in) throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw new LocalFailure(e);
      }
    }
  }
}
