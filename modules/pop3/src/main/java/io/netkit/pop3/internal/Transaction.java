package io.netkit.pop3.internal;

import io.netkit.core.NetProtocolException;
import io.netkit.core.TransferListener;
import io.netkit.pop3.Pop3Capabilities;
import io.netkit.pop3.Pop3Ok;
import io.netkit.pop3.Pop3Options;
import io.netkit.pop3.Pop3Reply;
import io.netkit.pop3.Pop3Request;
import io.netkit.pop3.Pop3Transfer;
import io.netkit.pop3.SizeListing;
import io.netkit.pop3.UidListing;
import java.io.IOException;
import java.util.List;

/**
 * Runs the requests of POP3's transaction state on a {@link Session}: one command each, its
 * status, then its answer (a listing read whole within bounds, or a body streamed to the sink).
 * Remembers whether deletions are pending (DELE since the last RSET). Not thread-safe.
 */
public final class Transaction {
  private final Session session;
  private final Pop3Options options;
  private boolean deletionsPending;

  /** Runs requests on {@code session}. */
  public Transaction(Session session, Pop3Options options) {
    this.session = session;
    this.options = options;
  }

  /** True when a DELE succeeded since the session began or the last RSET. */
  public boolean deletionsPending() {
    return deletionsPending;
  }

  /** Sends the request and reads its whole answer. */
  public Pop3Reply execute(Pop3Request request) throws IOException {
    if (request instanceof Pop3Request.Stat) {
      return Listings.stat(ok("STAT", 0).text(), session.context());
    }
    if (request instanceof Pop3Request.ListAll) {
      ok("LIST", 0);
      return new SizeListing(Listings.sizes(lines("LIST"), session.context()));
    }
    if (request instanceof Pop3Request.ListOne r) {
      Status status = ok("LIST " + r.number(), r.number());
      return new SizeListing(List.of(Listings.size(status.text(), session.context())));
    }
    if (request instanceof Pop3Request.UidlAll) {
      ok("UIDL", 0);
      return new UidListing(Listings.uids(lines("UIDL"), session.context()));
    }
    if (request instanceof Pop3Request.UidlOne r) {
      Status status = ok("UIDL " + r.number(), r.number());
      return new UidListing(List.of(Listings.uid(status.text(), session.context())));
    }
    if (request instanceof Pop3Request.Retrieve r) {
      Status status = ok("RETR " + r.number(), r.number());
      return new Pop3Transfer(session.copyBody(r.sink(), r.progress(), announcedSize(status.text())));
    }
    if (request instanceof Pop3Request.Top r) {
      ok("TOP " + r.number() + " " + r.lines(), r.number());
      return new Pop3Transfer(session.copyBody(r.sink(), TransferListener.NONE, -1));
    }
    if (request instanceof Pop3Request.Delete r) {
      Status status = ok("DELE " + r.number(), r.number());
      deletionsPending = true;
      return new Pop3Ok(status.text());
    }
    if (request instanceof Pop3Request.Noop) {
      return new Pop3Ok(ok("NOOP", 0).text());
    }
    if (request instanceof Pop3Request.Reset) {
      Status status = ok("RSET", 0);
      deletionsPending = false;
      return new Pop3Ok(status.text());
    }
    if (request instanceof Pop3Request.Capabilities) {
      return capabilities(session);
    }
    throw new IllegalArgumentException("unknown request " + request);
  }

  /**
   * Sends CAPA and reads the answer; {@link Pop3Capabilities#UNKNOWN} when the server answers
   * {@code -ERR} (it predates RFC 2449).
   */
  public static Pop3Capabilities capabilities(Session session) throws IOException {
    Status status = session.command("CAPA");
    if (status.kind() == Status.Kind.CONTINUE) {
      throw new NetProtocolException(session.context(), "CAPA answered with a continuation");
    }
    if (!status.ok()) {
      return Pop3Capabilities.UNKNOWN;
    }
    return Listings.capabilities(session.readLines(Session.MAX_CAPA_LINES, "CAPA"), session.context());
  }

  private List<String> lines(String what) throws IOException {
    return session.readLines(options.maxListingEntries(), what);
  }

  /** Sends {@code command}; anything but {@code +OK} is thrown (about {@code number} when > 0). */
  private Status ok(String command, int number) throws IOException {
    Status status = session.command(command);
    if (status.kind() == Status.Kind.CONTINUE) {
      throw new NetProtocolException(session.context(), command + " answered with a continuation");
    }
    if (!status.ok()) {
      throw number > 0
          ? Failures.refusedMessage(session.context(), status, number, command)
          : Failures.refused(session.context(), status, command);
    }
    return status;
  }

  /** Many servers say the size on RETR's status line ({@code +OK 1234 octets}): for progress. */
  private static long announcedSize(String text) {
    String[] f = text.strip().split(" ");
    if (f.length >= 1 && !f[0].isEmpty() && f[0].length() < 19 && f[0].chars().allMatch(Character::isDigit)) {
      return Long.parseLong(f[0]);
    }
    return -1;
  }
}
