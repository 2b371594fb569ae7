package io.netkit.imap.internal;

import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.TransferListener;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * A message body, or one section of it, read chunk by chunk with {@code UID FETCH uid
 * (BODY.PEEK[section]<offset.size>)}: at most one chunk is in memory, and {@code \Seen} is never
 * set. The first request, made by {@link #open}, also asks for {@code UID RFC822.SIZE}, so a
 * message that fits in one chunk takes one round trip, and the size (which proves the message
 * exists) comes with the first bytes. Later requests for a whole message ask for no more than
 * one byte past its {@code RFC822.SIZE}, so a message longer than its size is caught at once and
 * one that is exactly a chunk long does not cost a round trip more.
 *
 * <p>Unlike Angus's own stream, it never ends quietly when something is wrong: a chunk that is
 * missing, starts at the wrong offset, or a whole message shorter than its {@code RFC822.SIZE}
 * fails the read ({@link NetTruncatedException} when it ended before its announced size, {@link
 * NetProtocolException} when it is longer, or its BODY could not be parsed). Not thread-safe; the
 * session must not be used for anything else while it is read.
 */
final class BodyStream extends InputStream {
  private final Session session;
  private final String mailbox;
  private final long uid;
  private final String section;
  private final int chunk;
  private long expected = -1;
  private ByteArray current;
  private int position;
  private long offset;
  private boolean last;

  private BodyStream(Session session, String mailbox, long uid, String section) {
    this.session = session;
    this.mailbox = mailbox;
    this.uid = uid;
    this.section = section;
    this.chunk = session.imapOptions().fetchChunkSize();
  }

  /**
   * Sends the first request, {@code UID FETCH uid (UID RFC822.SIZE BODY.PEEK[section]<0.chunk>)},
   * and keeps its bytes for the first reads.
   *
   * @param whole true for the whole message ({@code section} empty): its bytes must come to
   *     exactly its {@code RFC822.SIZE}
   * @throws NetNotFoundException when the server answers nothing for the UID
   * @throws NetProtocolException when its RFC822.SIZE is missing, negative or unreadable
   */
  static BodyStream open(Session session, String mailbox, long uid, String section, boolean whole)
      throws IOException, MessagingException {
    BodyStream stream = new BodyStream(session, mailbox, uid, section);
    String command = "UID FETCH " + uid + " (UID RFC822.SIZE BODY.PEEK[" + section + "]<0." + stream.chunk + ">)";
    Answer answer = session.runIn(mailbox, false, p -> stream.fetch(p, command));
    if (!answer.uidAnswered()) {
      throw Messages.missing(session, mailbox, uid);
    }
    if (answer.size() < 0) {
      // Angus drops an RFC822.SIZE it cannot read (a sign, too many digits): no size either.
      throw new NetProtocolException(session.guards().context(),
          "the server gave UID " + uid + " an RFC822.SIZE that is no size (negative, or unreadable)", null);
    }
    if (whole) {
      stream.expected = answer.size();
    }
    stream.accept(answer, stream.chunk);
    if (!stream.last) {
      // More chunks to come: from here on each is read into a buffer with room for a whole one.
      session.wholeChunkBuffer();
    }
    return stream;
  }

  /** The whole message's RFC822.SIZE, or -1 for a section. */
  long expected() {
    return expected;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (current == null || position >= current.getCount()) {
      if (last) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, current.getCount() - position);
    System.arraycopy(current.getBytes(), current.getStart() + position, b, off, n);
    position += n;
    return n;
  }

  /**
   * Writes the rest of the body to {@code target} straight from each chunk as it arrives (no copy
   * through another buffer), reporting progress; the target's failures come back as {@link
   * LocalFailure}.
   *
   * @return the bytes written
   */
  long writeTo(OutputStream target, TransferListener progress) throws IOException {
    long written = 0;
    while (true) {
      while (current == null || position >= current.getCount()) {
        if (last) {
          return written;
        }
        fill();
      }
      int n = current.getCount() - position;
      try {
        target.write(current.getBytes(), current.getStart() + position, n);
      } catch (IOException e) {
        throw new LocalFailure(e);
      }
      position += n;
      written += n;
      progress.progress(written, expected);
    }
  }

  private void fill() throws IOException {
    // For a whole message: what is left, and one byte more to see whether it goes on past its size.
    int wanted = expected < 0 ? chunk : (int) Math.min(chunk, expected - offset + 1);
    String command = "UID FETCH " + uid + " (UID BODY.PEEK[" + section + "]<" + offset + "." + wanted + ">)";
    Answer answer;
    try {
      answer = session.runIn(mailbox, false, p -> fetch(p, command));
    } catch (MessagingException e) {
      throw Failures.translate(session.guards(), e, "fetching UID " + uid);
    }
    accept(answer, wanted);
  }

  /** Takes the bytes of one answer, asked for {@code wanted} bytes at {@link #offset}, and checks them. */
  private void accept(Answer answer, int wanted) throws IOException {
    BODY body = answer.body();
    if (body == null && answer.uidAnswered()) {
      throw new NetProtocolException(session.guards().context(),
          "the server answered the fetch of UID " + uid + " without a BODY it could be read from"
              + " (a malformed literal, such as {-1} or a count beyond 63 bits?)", null);
    }
    ByteArray data = body == null ? null : body.getByteArray();
    if (data == null) {
      if (offset == 0) {
        throw new NetNotFoundException(session.guards().context(), NetNotFoundException.Target.ITEM,
            "UID " + uid + " in '" + mailbox + "' has no " + (section.isEmpty() ? "body" : "section " + section),
            "fetching");
      }
      throw new NetTruncatedException(session.guards().context(),
          "the server stopped sending UID " + uid + " after " + offset + " bytes", expected, offset, null);
    }
    int origin = body.getOrigin();
    int n = data.getCount();
    if (origin >= 0 && origin != offset) {
      throw new NetProtocolException(session.guards().context(),
          "the server sent bytes from " + origin + " when asked for " + offset + " of UID " + uid, null);
    }
    if (origin < 0 && offset > 0) {
      throw new NetProtocolException(session.guards().context(),
          "the server ignored the partial fetch of UID " + uid + " at byte " + offset, null);
    }
    // A short chunk is the last; a server that ignored <offset.size> sent everything at once.
    last = n < wanted || (origin < 0 && offset == 0);
    current = data;
    position = 0;
    offset += n;
    if (expected >= 0 && offset > expected) {
      throw new NetProtocolException(session.guards().context(),
          "UID " + uid + " is more than " + expected + " bytes (at least " + offset
              + "), but its RFC822.SIZE is " + expected, null);
    }
    if (last && expected >= 0 && offset < expected) {
      throw new NetTruncatedException(session.guards().context(),
          "UID " + uid + " ended after " + offset + " bytes, but its RFC822.SIZE is " + expected,
          expected, offset, null);
    }
  }

  /**
   * What the server answered for the UID: the BODY (from a FETCH for the UID, or one naming no
   * UID), or null; whether any FETCH named the UID; and the RFC822.SIZE it gave, -1 if none (or
   * one Angus could not read), meaningful only when asked for.
   */
  private record Answer(BODY body, boolean uidAnswered, long size) {}

  /**
   * Sends {@code command} and picks the answer out of its responses. The items may come in one
   * FETCH response or in several (RFC 3501 allows either), beside unsolicited ones (a flag change
   * of another message), so all are looked at.
   */
  private Answer fetch(GuardedProtocol p, String command) throws ProtocolException {
    // The session's buffer, with room for the chunk and the response around it, is reused; when
    // Angus had to grow it (a small buffer, a large first chunk), the session's becomes whole.
    p.offerBuffer(session.chunkBuffer());
    Response[] responses = p.checked(command, null);
    if (p.offerGrew()) {
      session.wholeChunkBuffer();
    }
    BODY body = null;
    boolean answered = false;
    long size = -1;
    for (Response resp : responses) {
      if (resp instanceof FetchResponse f) {
        UID u = f.getItem(UID.class);
        boolean ours = u != null && u.uid == uid;
        BODY b = f.getItem(BODY.class);
        if (b != null && body == null && (u == null || ours)) {
          body = b;
        }
        if (ours) {
          answered = true;
          RFC822SIZE s = f.getItem(RFC822SIZE.class);
          if (s != null && size < 0) {
            size = s.size;
          }
        }
      }
    }
    return new Answer(body, answered, size);
  }

  /** Bytes read so far, for progress. */
  long offset() {
    return offset;
  }
}
