package io.netkit.imap.internal;

import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTruncatedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * A message body, or one section of it, read chunk by chunk with {@code UID FETCH uid
 * (BODY.PEEK[section]<offset.size>)}: at most one chunk is in memory, and {@code \Seen} is never
 * set. Unlike Angus's own stream, it never ends quietly when something is wrong: a chunk that is
 * missing, starts at the wrong offset, or a whole message shorter than its {@code RFC822.SIZE}
 * fails the read ({@link NetTruncatedException} when it ended before its announced size, {@link
 * NetProtocolException} when it is longer, or its BODY could not be parsed). Not thread-safe; the session must not be used for anything else while it is
 * read.
 */
final class BodyStream extends InputStream {
  private final Session session;
  private final String mailbox;
  private final long uid;
  private final String section;
  private final long expected;
  private final int chunk;
  private final byte[] buffer;
  private ByteArray current;
  private int position;
  private long offset;
  private boolean last;

  /**
   * @param expected the whole message's size to check at the end, or -1 for a section
   */
  BodyStream(Session session, String mailbox, long uid, String section, long expected) {
    this.session = session;
    this.mailbox = mailbox;
    this.uid = uid;
    this.section = section;
    this.expected = expected;
    this.chunk = session.imapOptions().fetchChunkSize();
    // Room for the chunk and the FETCH response around it, so the buffer is reused, not regrown.
    this.buffer = new byte[chunk + 1024];
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

  private void fill() throws IOException {
    String command = "UID FETCH " + uid + " (UID BODY.PEEK[" + section + "]<" + offset + "." + chunk + ">)";
    Answer answer;
    try {
      answer = session.runIn(mailbox, false, p -> fetch(p, command));
    } catch (MessagingException e) {
      throw Failures.translate(session.guards(), e, "fetching UID " + uid);
    }
    BODY body = answer.body();
    if (body == null && answer.fetchedWithoutBody()) {
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
    last = n < chunk || (origin < 0 && offset == 0);
    current = data;
    position = 0;
    offset += n;
    if (last && expected >= 0 && offset < expected) {
      throw new NetTruncatedException(session.guards().context(),
          "UID " + uid + " ended after " + offset + " bytes, but its RFC822.SIZE is " + expected,
          expected, offset, null);
    }
    if (last && expected >= 0 && offset > expected) {
      throw new NetProtocolException(session.guards().context(),
          "UID " + uid + " is " + offset + " bytes, but its RFC822.SIZE is " + expected, null);
    }
  }

  /** The BODY for the UID, or null; and whether a FETCH for the UID came without any BODY. */
  private record Answer(BODY body, boolean fetchedWithoutBody) {}

  private Answer fetch(GuardedProtocol p, String command) throws ProtocolException {
    p.offerBuffer(buffer);
    boolean answered = false;
    Response[] responses = p.checked(command, null);
    for (Response resp : responses) {
      if (resp instanceof FetchResponse f) {
        UID u = f.getItem(UID.class);
        BODY b = f.getItem(BODY.class);
        if (b != null && (u == null || u.uid == uid)) {
          return new Answer(b, false);
        }
        if (b == null && u != null && u.uid == uid) {
          answered = true;
        }
      }
    }
    return new Answer(null, answered);
  }

  /** Bytes read so far, for progress. */
  long offset() {
    return offset;
  }
}
