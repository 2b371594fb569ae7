package io.netkit.imap;

import io.netkit.core.Endpoint;
import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.imap.internal.Dispatcher;
import io.netkit.imap.internal.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An IMAP4rev1 client on Jakarta Mail (Eclipse Angus), opening every socket through the netkit
 * core, so timeouts, TLS verification and tracing behave as in every other netkit module.
 *
 * <pre>{@code
 * try (ImapClient imap = new ImapClient(NetOptions.defaults())) {
 *   imap.connect(Endpoint.parse("mail.example.org").withCredentials(new Credentials("me", "pw")));
 *   for (long uid : imap.search("INBOX", SearchTerm.unseen())) {
 *     imap.fetch("INBOX", uid, System.out);     // streamed, \Seen left alone
 *   }
 * }
 * }</pre>
 *
 * <p>After {@link #connect} the session is logged in: with the endpoint's credentials, by
 * AUTHENTICATE with the first of {@link ImapOptions#authMechanisms()} the server offers, else
 * LOGIN. The port defaults to 143, or 993 with {@link io.netkit.core.TlsMode#IMPLICIT}. TLS follows
 * the options' mode: {@code STARTTLS_REQUIRED} refuses to go on (with {@link
 * io.netkit.core.NetTlsException}, before any credential is sent) when the server does not offer
 * STARTTLS, refuses it, or greets with PREAUTH in plain text; {@code STARTTLS_IF_OFFERED}
 * continues in plain text only when the server does not offer STARTTLS or answers it NO.
 * Certificates and host names are verified with the options' trust.
 *
 * <p>One connection, one selected mailbox: requests about messages name their mailbox, and the
 * client selects it when it is not the selected one (EXAMINE for reading, SELECT for changes).
 * Messages are named by UID. Fetching never sets {@code \Seen} (BODY.PEEK), and bodies stream in
 * chunks of {@link ImapOptions#fetchChunkSize()}, so memory stays flat whatever the size.
 *
 * <p>Failures: a {@code NO} or {@code BAD} is an {@link ImapReplyException} carrying the reply and
 * its response code ({@code [OVERQUOTA]}); a missing mailbox ({@code [NONEXISTENT]}, {@code
 * [TRYCREATE]}) is a {@link io.netkit.core.NetNotFoundException} for a {@code CONTAINER}, a
 * missing UID one for an {@code ITEM}; after these the client stays connected. A rejected login is
 * a {@link io.netkit.core.NetAuthenticationException}; a timeout, a broken connection, a response
 * over {@link ImapOptions}' bounds or a body cut short fails the request and closes the client. A
 * fetch that failed is never reported as complete: what was written to the caller's stream so far
 * stays there. A failure of the caller's own stream comes back unchanged.
 *
 * <p>Not thread-safe: one client per thread. The password never appears in the trace (LOGIN's
 * arguments and AUTHENTICATE's responses are masked) or in messages.
 */
public final class ImapClient implements NetClient<ImapRequest, ImapAnswer> {
  private final NetOptions options;
  private final ImapOptions imapOptions;
  private Session session;

  /** A client with the given options and IMAP defaults. */
  public ImapClient(NetOptions options) {
    this(options, ImapOptions.defaults());
  }

  /** A client with the given options. */
  public ImapClient(NetOptions options, ImapOptions imapOptions) {
    this.options = Objects.requireNonNull(options, "options");
    this.imapOptions = Objects.requireNonNull(imapOptions, "imapOptions");
  }

  @Override
  public Protocol protocol() {
    return Protocol.IMAP;
  }

  /**
   * Connects and logs in.
   *
   * @throws IllegalArgumentException when the endpoint has no credentials
   */
  @Override
  public void connect(Endpoint endpoint) throws IOException {
    connect(endpoint, null);
  }

  /**
   * Connects and logs in with one SASL mechanism ({@code "XOAUTH2"}: the password is the token),
   * as an IMAP URL's {@code ;AUTH=} asks; null or {@code "*"} means {@link
   * ImapOptions#authMechanisms()}.
   */
  public void connect(Endpoint endpoint, String mechanism) throws IOException {
    Objects.requireNonNull(endpoint, "endpoint");
    if (session != null && session.isConnected()) {
      throw new IllegalStateException("already connected");
    }
    session = Session.open(options, imapOptions, endpoint, mechanism);
  }

  @Override
  public ImapAnswer request(ImapRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    return Dispatcher.answer(requireSession(), request);
  }

  /** The server's capabilities, upper case. */
  public Set<String> capabilities() throws IOException {
    return ((ImapAnswer.Capabilities) request(new ImapRequest.Capabilities())).names();
  }

  /** Every mailbox ({@code LIST "" *}). */
  public List<ImapFolder> folders() throws IOException {
    return ((ImapAnswer.Folders) request(new ImapRequest.ListFolders("*", false))).folders();
  }

  /** Creates a mailbox. */
  public void create(String name) throws IOException {
    request(new ImapRequest.CreateFolder(name));
  }

  /** The counts of a mailbox (STATUS), without selecting it. */
  public MailboxStatus status(String name) throws IOException {
    return ((ImapAnswer.Status) request(new ImapRequest.Status(name))).status();
  }

  /** Selects a mailbox read-write (SELECT) and returns its counts. */
  public MailboxStatus select(String name) throws IOException {
    return ((ImapAnswer.Status) request(new ImapRequest.Select(name, false))).status();
  }

  /** Opens a mailbox read-only (EXAMINE) and returns its counts. */
  public MailboxStatus examine(String name) throws IOException {
    return ((ImapAnswer.Status) request(new ImapRequest.Select(name, true))).status();
  }

  /** The UIDs of the messages matching {@code term}, ascending. */
  public List<Long> search(String mailbox, SearchTerm term) throws IOException {
    return ((ImapAnswer.Uids) request(new ImapRequest.Search(mailbox, term))).uids();
  }

  /** Envelopes, flags, dates and sizes (no headers) of the given messages. */
  public List<MessageSummary> summaries(String mailbox, List<Long> uids) throws IOException {
    return ((ImapAnswer.Summaries) request(new ImapRequest.FetchSummaries(mailbox, uids, false)))
        .messages();
  }

  /** A message's MIME structure. */
  public BodyPart structure(String mailbox, long uid) throws IOException {
    return ((ImapAnswer.Structure) request(new ImapRequest.FetchStructure(mailbox, uid))).root();
  }

  /** Streams a whole message to {@code target} (not closed); returns the byte count. */
  public long fetch(String mailbox, long uid, OutputStream target) throws IOException {
    return fetch(mailbox, uid, "", false, target, TransferListener.NONE);
  }

  /**
   * Streams a message ({@code section} empty) or one part of it to {@code target} (not closed),
   * undoing the part's transfer encoding when {@code decode}; returns the bytes written.
   */
  public long fetch(String mailbox, long uid, String section, boolean decode, OutputStream target,
      TransferListener progress) throws IOException {
    return ((ImapAnswer.Fetched)
            request(new ImapRequest.FetchBody(mailbox, uid, section, decode, target, progress)))
        .bytes();
  }

  /** Adds ({@code set}) or removes flags or keywords of messages. */
  public void flags(String mailbox, List<Long> uids, Set<String> flags, boolean set)
      throws IOException {
    request(new ImapRequest.StoreFlags(mailbox, uids, flags,
        set ? ImapRequest.FlagAction.ADD : ImapRequest.FlagAction.REMOVE));
  }

  /** Appends a message read from {@code content} (to its end, not closed). */
  public ImapAnswer.Appended append(String mailbox, InputStream content, long size,
      Set<String> flags, Instant internalDate) throws IOException {
    return (ImapAnswer.Appended)
        request(new ImapRequest.Append(mailbox, content, size, flags, internalDate));
  }

  /** Appends a message file, reporting progress. */
  public ImapAnswer.Appended append(String mailbox, Path file, Set<String> flags,
      Instant internalDate, TransferListener progress) throws IOException {
    ImapRequest.Append request;
    try (InputStream in = Files.newInputStream(file)) {
      request = new ImapRequest.Append(mailbox, in, Files.size(file), flags, internalDate);
      return Dispatcher.append(requireSession(), request, progress);
    }
  }

  /** Copies messages to {@code target}. */
  public ImapAnswer.Copied copy(String mailbox, List<Long> uids, String target) throws IOException {
    return (ImapAnswer.Copied) request(new ImapRequest.Copy(mailbox, uids, target));
  }

  /** Moves messages to {@code target} (MOVE, or COPY + \Deleted + UID EXPUNGE). */
  public ImapAnswer.Copied move(String mailbox, List<Long> uids, String target) throws IOException {
    return (ImapAnswer.Copied) request(new ImapRequest.Move(mailbox, uids, target));
  }

  /** Deletes messages for good: \Deleted, then UID EXPUNGE of just these; returns the count. */
  public int delete(String mailbox, List<Long> uids) throws IOException {
    return ((ImapAnswer.Expunged) request(new ImapRequest.Expunge(mailbox, uids))).count();
  }

  /** Waits up to {@code timeout} for changes in {@code mailbox} (IDLE, or NOOP polling). */
  public Changes idle(String mailbox, Duration timeout) throws IOException {
    return ((ImapAnswer.Changed) request(new ImapRequest.Idle(mailbox, timeout))).changes();
  }

  @Override
  public boolean isConnected() {
    return session != null && session.isConnected();
  }

  /** Logs out (bounded by the read timeout) and closes. Idempotent. */
  @Override
  public void close() {
    Session s = session;
    if (s != null) {
      s.close();
    }
  }

  private Session requireSession() {
    if (session == null || !session.isConnected()) {
      throw new IllegalStateException("not connected");
    }
    return session;
  }
}
