package io.netkit.imap.internal;

import io.netkit.core.TransferListener;
import io.netkit.imap.ImapAnswer;
import io.netkit.imap.ImapRequest;
import java.io.IOException;

/** Routes each request record to the session operation that answers it. Stateless. */
public final class Dispatcher {
  private Dispatcher() {}

  /** Answers {@code request} on {@code session}. */
  public static ImapAnswer answer(Session session, ImapRequest request) throws IOException {
    if (request instanceof ImapRequest.Capabilities) {
      return new ImapAnswer.Capabilities(session.capabilities());
    } else if (request instanceof ImapRequest.ListFolders r) {
      return new ImapAnswer.Folders(session.list(r.pattern(), r.subscribedOnly()));
    } else if (request instanceof ImapRequest.CreateFolder r) {
      session.create(r.name());
      return new ImapAnswer.Done("created");
    } else if (request instanceof ImapRequest.RenameFolder r) {
      session.rename(r.from(), r.to());
      return new ImapAnswer.Done("renamed");
    } else if (request instanceof ImapRequest.DeleteFolder r) {
      session.delete(r.name());
      return new ImapAnswer.Done("deleted");
    } else if (request instanceof ImapRequest.Subscribe r) {
      session.subscribe(r.name(), r.subscribe());
      return new ImapAnswer.Done(r.subscribe() ? "subscribed" : "unsubscribed");
    } else if (request instanceof ImapRequest.Status r) {
      return new ImapAnswer.Status(session.status(r.name()));
    } else if (request instanceof ImapRequest.Select r) {
      return new ImapAnswer.Status(session.select(r.name(), r.readOnly()));
    } else if (request instanceof ImapRequest.Search r) {
      return Messages.search(session, r);
    } else if (request instanceof ImapRequest.FetchSummaries r) {
      return Messages.summaries(session, r);
    } else if (request instanceof ImapRequest.FetchStructure r) {
      return Messages.structure(session, r.mailbox(), r.uid());
    } else if (request instanceof ImapRequest.FetchBody r) {
      return Bodies.fetch(session, r);
    } else if (request instanceof ImapRequest.StoreFlags r) {
      return Messages.storeFlags(session, r);
    } else if (request instanceof ImapRequest.Append r) {
      return Appender.append(session, r, TransferListener.NONE);
    } else if (request instanceof ImapRequest.Copy r) {
      return Messages.copy(session, r);
    } else if (request instanceof ImapRequest.Move r) {
      return Messages.move(session, r);
    } else if (request instanceof ImapRequest.Expunge r) {
      return Messages.expunge(session, r);
    } else if (request instanceof ImapRequest.Idle r) {
      return Idler.idle(session, r);
    }
    throw new IllegalArgumentException("unknown request " + request); // unreachable: sealed
  }

  /** Appends with progress reports. */
  public static ImapAnswer.Appended append(
      Session session, ImapRequest.Append request, TransferListener progress) throws IOException {
    return Appender.append(session, request, progress);
  }
}
