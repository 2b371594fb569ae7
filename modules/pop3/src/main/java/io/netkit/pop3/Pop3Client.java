package io.netkit.pop3;

import io.netkit.core.NetTlsRequiredException;
import io.netkit.core.Endpoint;
import io.netkit.core.NetClient;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.NetTlsException;
import io.netkit.core.Protocol;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import io.netkit.core.trace.TraceMasker;
import io.netkit.core.transport.TcpConnection;
import io.netkit.pop3.internal.Authenticator;
import io.netkit.pop3.internal.BoundedBuffer;
import io.netkit.pop3.internal.Mime;
import io.netkit.pop3.internal.Session;
import io.netkit.pop3.internal.Status;
import io.netkit.pop3.internal.Transaction;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A POP3 client (RFC 1939, CAPA and response codes from RFC 2449, STLS from RFC 2595, SASL from
 * RFC 5034), written on the core's {@link TcpConnection}: every byte goes through the core, so
 * its timeouts, TLS and trace apply.
 *
 * <pre>{@code
 * try (Pop3Client pop3 = new Pop3Client(NetOptions.builder()
 *     .tlsMode(TlsMode.STARTTLS_REQUIRED).build())) {
 *   pop3.connect(Endpoint.of("mail.example", 110).withCredentials(new Credentials("alice", pw)));
 *   for (MessageSummary m : pop3.messages()) {
 *     pop3.retrieve(m.number(), out);           // raw bytes, streamed
 *   }
 *   pop3.delete(1);
 *   pop3.quit();                                // only now is message 1 removed
 * }
 * }</pre>
 *
 * <p><b>Connecting</b> ({@link #connect}): port 110 (995 with {@link TlsMode#IMPLICIT}) unless the
 * endpoint has one; reads the greeting, asks CAPA, then applies the options' TLS mode: {@link
 * TlsMode#STARTTLS_REQUIRED} sends STLS and refuses to go on, before any credential is sent, when
 * CAPA fails, STLS is not offered or is answered {@code -ERR} ({@link NetTlsException});
 * {@link TlsMode#STARTTLS_IF_OFFERED} upgrades when STLS is offered and otherwise goes on in plain
 * text. After TLS, CAPA is asked again (the old answer is not trusted). Then, when the endpoint
 * has credentials, it logs in as {@link Pop3Options#login()} says (by default SASL PLAIN when
 * offered, else APOP when allowed and the greeting has a timestamp, else USER/PASS). Without
 * credentials the session stays unauthenticated (CAPA and NOOP work; the rest is refused).
 *
 * <p><b>Deletion happens only at QUIT.</b> {@link #delete} (DELE) marks a message; the server
 * removes the marked messages only when the session ends with {@link #quit()}. {@link #close()}
 * never removes anything: when deletions are pending it sends RSET first, then QUIT, so a client
 * closed by try-with-resources or after a failure leaves the mailbox as it was. {@link #abort()}
 * and a dropped connection leave it as it was too (RFC 1939 section 6).
 *
 * <p><b>Failures</b>: every network and protocol failure is a {@link NetException}: {@code -ERR}
 * is a {@link Pop3ErrorException} carrying the server's text and {@link Pop3ResponseCode}
 * ({@link Pop3MailboxInUseException} and {@link Pop3LoginDelayException} for {@code [IN-USE]} and
 * {@code [LOGIN-DELAY]}); refused credentials are {@link io.netkit.core.NetAuthenticationException};
 * an unknown message number is {@link Pop3NoSuchMessageException} (a {@link
 * io.netkit.core.NetNotFoundException}); a multi-line answer that ends without its {@code .} line
 * (the message or listing was cut short by a close) is a {@link io.netkit.core.NetTruncatedException}
 * (a {@link NetProtocolException}), never a complete message; the octet counts a server announces
 * (RETR's {@code +OK n octets}, LIST) are informational only (RFC 1939): nothing is allocated by
 * them, and a body that ends properly with its {@code .} line is taken whatever its length. After
 * an {@code -ERR} the session goes on; after any other failure (timeout, broken answer, a sink
 * that threw) the connection is closed and the client is no longer connected. Answers are
 * bounded: status lines by the line limit, listings by {@link Pop3Options#maxListingEntries()},
 * parsed messages by {@link Pop3Options#maxParsedMessageBytes()}; raw messages stream.
 *
 * <p>The trace masks PASS, APOP digests and SASL exchanges ({@link TraceMasker#authExchanges()},
 * added to the options' own masker). Arguments with CR, LF or NUL are refused before they are
 * sent. Not thread-safe (one request at a time), except {@link #abort()}, and {@link #close()},
 * which, called while a request is in progress on another thread, aborts it.
 */
public final class Pop3Client implements NetClient<Pop3Request, Pop3Reply> {
  /** How long {@link #close()} waits for each answer to its RSET and QUIT at most. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final NetOptions options;
  private final Pop3Options pop3Options;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile Session session;
  private volatile boolean closed;
  private Transaction transaction;
  private String greeting = "";
  private Pop3Capabilities capabilities = Pop3Capabilities.UNKNOWN;

  /** A client with {@link NetOptions#defaults()} and {@link Pop3Options#defaults()}. */
  public Pop3Client() {
    this(NetOptions.defaults());
  }

  /** A client with {@code options} and {@link Pop3Options#defaults()}. */
  public Pop3Client(NetOptions options) {
    this(options, Pop3Options.defaults());
  }

  /** A client with {@code options} and the POP3 settings {@code pop3Options}. */
  public Pop3Client(NetOptions options, Pop3Options pop3Options) {
    Objects.requireNonNull(options, "options");
    this.options =
        options.toBuilder().traceMasker(options.traceMasker().andThen(TraceMasker.authExchanges())).build();
    this.pop3Options = Objects.requireNonNull(pop3Options, "pop3Options");
  }

  @Override
  public Protocol protocol() {
    return Protocol.POP3;
  }

  /**
   * Connects, greets, negotiates TLS and logs in (see the class comment).
   *
   * @throws NetTlsException when TLS is required and cannot be had, or the handshake fails
   * @throws io.netkit.core.NetAuthenticationException when the credentials are refused
   * @throws NetException when connecting fails or the server refuses; the client is then closed
   * @throws IllegalStateException when already connected or closed
   */
  @Override
  public void connect(Endpoint endpoint) throws IOException {
    Objects.requireNonNull(endpoint, "endpoint");
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    if (session != null) {
      throw new IllegalStateException("already connected");
    }
    boolean implicit = options.tlsMode() == TlsMode.IMPLICIT;
    Endpoint target = endpoint.withDefaultPort(
        implicit ? Protocol.POP3.tlsPort().orElseThrow() : Protocol.POP3.defaultPort());
    TcpConnection connection;
    try {
      connection = TcpConnection.connect(target, options, "pop3");
    } catch (IOException | RuntimeException e) {
      closed = true;
      throw e;
    }
    Session opened = new Session(connection);
    try {
      Status hello = opened.readStatus();
      if (!hello.ok()) {
        throw new Pop3ErrorException(connection.context(), hello.code(), hello.text(), "connection");
      }
      greeting = hello.text();
      capabilities = Transaction.capabilities(opened);
      negotiateTls(opened);
      if (target.credentials().isPresent()) {
        new Authenticator(opened, pop3Options).login(target.credentials().get(), capabilities, greeting);
      }
      transaction = new Transaction(opened, pop3Options);
      session = opened;
    } catch (IOException | RuntimeException e) {
      connection.close();
      closed = true;
      throw e;
    }
  }

  private void negotiateTls(Session opened) throws IOException {
    TlsMode mode = options.tlsMode();
    if (mode != TlsMode.STARTTLS_REQUIRED && mode != TlsMode.STARTTLS_IF_OFFERED) {
      return;
    }
    boolean required = mode == TlsMode.STARTTLS_REQUIRED;
    TcpConnection connection = opened.connection();
    if (!capabilities.stls()) {
      if (required) {
        throw new NetTlsRequiredException(connection.context(), capabilities.known()
            ? "STLS required but the server does not offer it"
            : "STLS required but the server does not answer CAPA, so it cannot offer STLS");
      }
      return;
    }
    Status answer = opened.command("STLS");
    if (!answer.ok()) {
      if (required) {
        throw new NetTlsRequiredException(connection.context(), "STLS required but the server refused it: -ERR " + answer.text());
      }
      return;
    }
    connection.startTls();
    capabilities = Transaction.capabilities(opened);
  }

  /**
   * Sends one request and reads its whole answer (bodies stream to the request's sink).
   *
   * @throws Pop3ErrorException and its subtypes, or {@link Pop3NoSuchMessageException}, when the
   *     server answers {@code -ERR}; the session goes on
   * @throws NetException for any other failure; the connection is then closed
   * @throws IllegalStateException when not connected, or another request is in progress
   */
  @Override
  public Pop3Reply request(Pop3Request request) throws IOException {
    Objects.requireNonNull(request, "request");
    Session current = requireSession();
    if (!busy.compareAndSet(false, true)) {
      throw new IllegalStateException("another request is in progress");
    }
    try {
      Pop3Reply reply = transaction.execute(request);
      if (reply instanceof Pop3Capabilities caps) {
        capabilities = caps;
      }
      return reply;
    } catch (NetReplyException | IllegalArgumentException e) {
      throw e; // the server said no, or nothing was sent: the session is intact
    } catch (IOException | RuntimeException e) {
      // A timeout, a broken answer or a failing sink leaves the stream mid-answer: unusable.
      drop(current);
      throw e;
    } finally {
      busy.set(false);
    }
  }

  /** The greeting's text (after {@code +OK}). */
  public String greeting() {
    requireSession();
    return greeting;
  }

  /** What the server said to the last CAPA (after TLS, the one asked over TLS). */
  public Pop3Capabilities capabilities() {
    requireSession();
    return capabilities;
  }

  /** True when TLS is on (implicit or after STLS). */
  public boolean isTls() {
    return requireSession().connection().isTls();
  }

  /** STAT: the number of messages and their total size. */
  public MailboxStatus stat() throws IOException {
    return (MailboxStatus) request(new Pop3Request.Stat());
  }

  /** LIST: every message's number and size. */
  public List<MessageSize> list() throws IOException {
    return ((SizeListing) request(new Pop3Request.ListAll())).messages();
  }

  /** LIST n: one message's size. */
  public MessageSize list(int number) throws IOException {
    return ((SizeListing) request(new Pop3Request.ListOne(number))).messages().get(0);
  }

  /** UIDL: every message's unique id. */
  public List<MessageUid> uidl() throws IOException {
    return ((UidListing) request(new Pop3Request.UidlAll())).messages();
  }

  /** UIDL n: one message's unique id. */
  public MessageUid uidl(int number) throws IOException {
    return ((UidListing) request(new Pop3Request.UidlOne(number))).messages().get(0);
  }

  /**
   * LIST and UIDL together: number, size and unique id of every message (the id null when the
   * server has no UIDL, i.e. answers it {@code -ERR}).
   */
  public List<MessageSummary> messages() throws IOException {
    List<MessageSize> sizes = list();
    Map<Integer, String> uids = new HashMap<>();
    try {
      uidl().forEach(u -> uids.put(u.number(), u.uid()));
    } catch (Pop3ErrorException noUidl) {
      // UIDL is optional (RFC 1939 section 7): ids unknown.
    }
    List<MessageSummary> out = new ArrayList<>(sizes.size());
    sizes.forEach(s -> out.add(new MessageSummary(s.number(), s.octets(), uids.get(s.number()))));
    return out;
  }

  /**
   * RETR n: streams the raw message into {@code out} (not closed); returns the bytes written.
   *
   * @throws io.netkit.core.NetTruncatedException when the message is cut short (no {@code .}
   *     line): {@code out}
   *     then holds part of it, which must not be taken for the message (write to a temporary file
   *     and rename it only after this returns)
   */
  public long retrieve(int number, OutputStream out) throws IOException {
    return retrieve(number, out, TransferListener.NONE);
  }

  /** RETR n with progress. */
  public long retrieve(int number, OutputStream out, TransferListener progress) throws IOException {
    return ((Pop3Transfer) request(new Pop3Request.Retrieve(number, out, progress))).bytes();
  }

  /** TOP n lines: streams the header and the first {@code lines} body lines into {@code out}. */
  public long top(int number, int lines, OutputStream out) throws IOException {
    return ((Pop3Transfer) request(new Pop3Request.Top(number, lines, out))).bytes();
  }

  /**
   * RETR n, parsed with Jakarta Mail's MIME classes. The message is held in memory, so it must be
   * at most {@link Pop3Options#maxParsedMessageBytes()} (checked with LIST n first); for larger
   * ones {@link #retrieve} to a file and parse that.
   *
   * @throws NetException when the message is larger than the limit (before RETR; the session
   *     goes on) or cannot be parsed
   */
  public MimeMessage message(int number) throws IOException {
    long limit = pop3Options.maxParsedMessageBytes();
    MessageSize size = list(number);
    if (size.octets() > limit) {
      throw new NetException(requireSession().context(),
          "message " + number + " is " + size.octets() + " bytes, more than the " + limit
              + " bytes parsed in memory; retrieve it raw instead", null);
    }
    BoundedBuffer buffer = new BoundedBuffer(limit);
    retrieve(number, buffer);
    if (buffer.overflowed()) {
      throw new NetProtocolException(requireSession().context(),
          "message " + number + " is larger than LIST said and than " + limit + " bytes");
    }
    return Mime.message(buffer.toInputStream(), requireSession().context());
  }

  /**
   * TOP n 0, parsed: the message's header fields (at most {@link Pop3Options#maxHeaderBytes()}).
   *
   * @throws NetProtocolException when the header is larger than that
   */
  public InternetHeaders headers(int number) throws IOException {
    BoundedBuffer buffer = new BoundedBuffer(pop3Options.maxHeaderBytes());
    top(number, 0, buffer);
    if (buffer.overflowed()) {
      throw new NetProtocolException(requireSession().context(),
          "header of message " + number + " is larger than " + pop3Options.maxHeaderBytes() + " bytes");
    }
    return Mime.headers(buffer.toInputStream(), requireSession().context());
  }

  /** DELE n: marks the message deleted; it is removed only by {@link #quit()}. */
  public void delete(int number) throws IOException {
    request(new Pop3Request.Delete(number));
  }

  /** NOOP. */
  public void noop() throws IOException {
    request(new Pop3Request.Noop());
  }

  /** RSET: unmarks every message marked deleted in this session. */
  public void reset() throws IOException {
    request(new Pop3Request.Reset());
  }

  /**
   * QUIT: ends the session, and the server removes the messages marked deleted. Closes the
   * client whatever the answer.
   *
   * @throws Pop3ErrorException when the server answers {@code -ERR} (it could not remove some
   *     marked messages: RFC 1939 says which remain is the server's to tell)
   * @throws NetException when the answer does not come: whether the deletions happened is then
   *     unknown
   */
  public void quit() throws IOException {
    Session current = requireSession();
    if (!busy.compareAndSet(false, true)) {
      throw new IllegalStateException("another request is in progress");
    }
    closed = true;
    try {
      Status answer = current.command("QUIT");
      if (!answer.ok()) {
        throw new Pop3ErrorException(current.context(), answer.code(), answer.text(), "QUIT");
      }
    } finally {
      drop(current);
      busy.set(false);
    }
  }

  @Override
  public boolean isConnected() {
    Session current = session;
    return current != null && !closed && current.connection().isOpen();
  }

  /**
   * Closes the connection at once, without QUIT: pending deletions are not applied. Safe from any
   * thread (a request in progress fails). Idempotent.
   */
  public void abort() {
    closed = true;
    Session current = session;
    if (current != null) {
      drop(current);
    }
  }

  /**
   * Ends the session without applying deletions: RSET when any are pending, then QUIT, each
   * answer awaited at most 5 s (or the read timeout, if shorter); failures are ignored. Use
   * {@link #quit()} to apply deletions. Called while a request runs on another thread, it
   * aborts instead. Idempotent.
   */
  @Override
  public void close() {
    Session current = session;
    if (closed || current == null) {
      abort();
      return;
    }
    if (!busy.compareAndSet(false, true)) {
      abort();
      return;
    }
    closed = true;
    try {
      TcpConnection connection = current.connection();
      if (connection.isOpen()) {
        Duration read = options.readTimeout();
        connection.readTimeout(read.compareTo(CLOSE_WAIT) < 0 ? read : CLOSE_WAIT);
        if (transaction.deletionsPending()) {
          current.command("RSET");
        }
        current.command("QUIT");
      }
    } catch (IOException | RuntimeException ignored) {
      // Best effort: the connection is closed below whatever happened.
    } finally {
      drop(current);
      busy.set(false);
    }
  }

  private Session requireSession() {
    Session current = session;
    if (current == null || closed || !current.connection().isOpen()) {
      throw new IllegalStateException(closed ? "client is closed" : "not connected");
    }
    return current;
  }

  private void drop(Session current) {
    closed = true;
    current.connection().close();
  }
}
