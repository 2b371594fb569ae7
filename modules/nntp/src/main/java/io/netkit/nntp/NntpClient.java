package io.netkit.nntp;

import io.netkit.core.Endpoint;
import io.netkit.core.NetAuthenticationException;
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
import io.netkit.nntp.internal.Requests;
import io.netkit.nntp.internal.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An NNTP client (RFC 3977) for reading and posting news, with STARTTLS (RFC 4642), implicit TLS
 * ({@code nntps}, port 563) and AUTHINFO (RFC 4643), written on the core's {@link TcpConnection}.
 *
 * <p>One connection per client, kept open between requests. {@link #connect} (port 119, or 563
 * with {@link TlsMode#IMPLICIT}) reads the greeting (200: posting allowed, 201: not), asks
 * CAPABILITIES, sends MODE READER when the server lists {@code MODE-READER}, upgrades with
 * STARTTLS as the options' {@link TlsMode} says ({@link TlsMode#STARTTLS_REQUIRED} fails before
 * any credential is sent when the server does not offer it), and logs in when the endpoint
 * carries credentials and the server offers a login now: AUTHINFO USER/PASS when listed (or when
 * the server lists no capabilities), else AUTHINFO SASL PLAIN. When a server answers a later
 * command with 480 (authentication required), the client logs in then and repeats the command
 * once. The trace masks AUTHINFO PASS and SASL responses.
 *
 * <p>Defaults: the options' timeouts bound every read and write (a silent or stalled server is a
 * {@link io.netkit.core.NetTimeoutException}), {@link NntpLimits#DEFAULTS} bound every answer
 * held in memory, and {@link io.netkit.core.Trust#system()} verifies certificates and host names.
 *
 * <pre>{@code
 * try (NntpClient news = new NntpClient()) {
 *   news.connect(Endpoint.parse("news.example:119"));
 *   NntpReply.GroupSelected group = news.group("comp.lang.java");
 *   for (Overview o : news.over(ArticleRange.from(group.high() - 20)).overviews()) {
 *     System.out.println(o.number() + " " + o.decodedSubject());
 *   }
 *   news.article(ArticleId.number(group.high()), System.out);
 * }
 * }</pre>
 *
 * <p>Failures are {@link NetException}s carrying the NNTP code and text: 411 (no such group) is a
 * {@link io.netkit.core.NetNotFoundException} for a container, 423 and 430 (no such article) one
 * for an item; 480 and 481 are {@link NetAuthenticationException}s; 483 (TLS required) a {@link
 * NetReplyException} saying to use TLS; a broken answer, an article or list that ends without its
 * {@code .} line, or an answer over the {@link NntpLimits} a {@link NetProtocolException}. After a
 * refusal the connection stays usable; after any other failure in the middle of an answer it is
 * closed (its position in the stream is lost). A failed article transfer may have written part of
 * the article to the sink; a failed POST was never completed on the wire (no terminating dot is
 * sent after a failed read of the article).
 *
 * <p>Not thread-safe, except {@link #close()}, which may be called from another thread to abort a
 * request in progress.
 */
public final class NntpClient implements NetClient<NntpRequest, NntpReply> {
  private final NetOptions options;
  private final NntpLimits limits;
  private volatile Session session;
  private volatile boolean closed;
  private Requests requests;
  /** The thread inside {@link #request}, so that {@link #close()} from another one only aborts. */
  private volatile Thread busy;

  /** A client with {@link NetOptions#defaults()} and {@link NntpLimits#DEFAULTS}. */
  public NntpClient() {
    this(NetOptions.defaults());
  }

  /** A client with {@code options} and {@link NntpLimits#DEFAULTS}. */
  public NntpClient(NetOptions options) {
    this(options, NntpLimits.DEFAULTS);
  }

  /**
   * A client with {@code options} and {@code limits} on collected answers. The options' trace
   * masker is extended with {@link TraceMasker#authExchanges()}, so AUTHINFO PASS and SASL
   * responses never reach a trace.
   */
  public NntpClient(NetOptions options, NntpLimits limits) {
    Objects.requireNonNull(options, "options");
    this.options =
        options.toBuilder().traceMasker(options.traceMasker().andThen(TraceMasker.authExchanges())).build();
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public Protocol protocol() {
    return Protocol.NNTP;
  }

  /**
   * Connects, reads the greeting, and does CAPABILITIES, MODE READER, STARTTLS and AUTHINFO as
   * needed (see the class comment).
   *
   * @throws NetTlsException when TLS is required and not offered, or the handshake fails
   * @throws NetAuthenticationException when the login is refused
   * @throws NetReplyException when the server refuses service (400, 502)
   * @throws IllegalStateException when already connected or closed
   */
  @Override
  public void connect(Endpoint target) throws IOException {
    Objects.requireNonNull(target, "endpoint");
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    if (session != null) {
      throw new IllegalStateException("already connected to " + session.endpoint());
    }
    try {
      Session opened = Session.open(target, options, limits);
      requests = new Requests(opened);
      session = opened;
    } catch (IOException | RuntimeException e) {
      closed = true; // as NetClient says: a failed connect leaves the client closed
      throw e;
    }
    if (closed) {
      session.abort(); // closed from another thread while connecting
    }
  }

  /** The endpoint connected to (with its default port filled in). */
  public Endpoint endpoint() {
    return requireSession().endpoint();
  }

  /** What the server said it can do, as last asked (after TLS and login). */
  public NntpCapabilities capabilities() {
    return requireSession().capabilities();
  }

  /**
   * True when the server allows posting: its greeting (or MODE READER's answer) was 200, or its
   * capabilities list POST.
   */
  public boolean postingAllowed() {
    return requireSession().postingAllowed();
  }

  /** True when the connection runs over TLS (implicit or after STARTTLS). */
  public boolean isTls() {
    return requireSession().connection().isTls();
  }

  /** The group last selected by GROUP or LISTGROUP, if any. */
  public Optional<NntpReply.GroupSelected> selectedGroup() {
    return requireSession().group();
  }

  /**
   * Sends one request and reads its whole answer (see {@link NntpRequest} for what each returns).
   *
   * @throws NetException as the class comment says
   * @throws IllegalStateException when not connected
   */
  @Override
  public NntpReply request(NntpRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    Session current = requireSession();
    current.startRequest();
    busy = Thread.currentThread();
    try {
      return requests.send(request);
    } catch (NetReplyException | NetAuthenticationException refused) {
      if (current.midTransfer()) {
        current.abort();
      }
      throw refused;
    } catch (IOException | RuntimeException e) {
      // An argument refused before sending leaves the conversation in step; anything else may not.
      if (current.midTransfer() || !(e instanceof IllegalArgumentException)) {
        current.abort();
      }
      throw e;
    } finally {
      busy = null;
    }
  }

  // --- typed conveniences ---------------------------------------------------------------------

  /** LIST ACTIVE: every group, collected within the limits. */
  public NntpReply.Groups listActive() throws IOException {
    return (NntpReply.Groups) request(new NntpRequest.ListActive(null, null));
  }

  /** LIST ACTIVE wildmat: the groups whose names match, collected within the limits. */
  public NntpReply.Groups listActive(String wildmat) throws IOException {
    return (NntpReply.Groups) request(new NntpRequest.ListActive(wildmat, null));
  }

  /** LIST NEWSGROUPS wildmat (null: all): the groups' descriptions. */
  public Map<String, String> descriptions(String wildmat) throws IOException {
    return ((NntpReply.Descriptions) request(new NntpRequest.ListNewsgroups(wildmat))).descriptions();
  }

  /** GROUP: selects {@code name}. */
  public NntpReply.GroupSelected group(String name) throws IOException {
    return (NntpReply.GroupSelected) request(new NntpRequest.Group(name));
  }

  /** LISTGROUP group range: the article numbers of {@code name} in {@code range} (null: all). */
  public List<Long> listGroup(String name, ArticleRange range) throws IOException {
    return ((NntpReply.ArticleNumbers) request(new NntpRequest.ListGroup(name, range))).numbers();
  }

  /** ARTICLE: streams the whole article (head, blank line, body) into {@code out}. */
  public NntpReply.ArticleTransfer article(ArticleId id, OutputStream out) throws IOException {
    return transfer(id, NntpRequest.Part.ARTICLE, out);
  }

  /** HEAD: streams the article's header lines into {@code out}. */
  public NntpReply.ArticleTransfer head(ArticleId id, OutputStream out) throws IOException {
    return transfer(id, NntpRequest.Part.HEAD, out);
  }

  /** BODY: streams the article's body into {@code out}. */
  public NntpReply.ArticleTransfer body(ArticleId id, OutputStream out) throws IOException {
    return transfer(id, NntpRequest.Part.BODY, out);
  }

  private NntpReply.ArticleTransfer transfer(ArticleId id, NntpRequest.Part part, OutputStream out)
      throws IOException {
    return (NntpReply.ArticleTransfer) request(new NntpRequest.Article(id, part, out, TransferListener.NONE));
  }

  /** STAT: the article's number and message-id, or a not-found exception. */
  public NntpReply.ArticlePointer stat(ArticleId id) throws IOException {
    return (NntpReply.ArticlePointer) request(new NntpRequest.Stat(id));
  }

  /** NEXT: the next article of the group. */
  public NntpReply.ArticlePointer next() throws IOException {
    return (NntpReply.ArticlePointer) request(new NntpRequest.Next());
  }

  /** LAST: the previous article of the group. */
  public NntpReply.ArticlePointer last() throws IOException {
    return (NntpReply.ArticlePointer) request(new NntpRequest.Last());
  }

  /** OVER range: the overview lines of the selected group in {@code range}, collected. */
  public NntpReply.Overviews over(ArticleRange range) throws IOException {
    return (NntpReply.Overviews) request(NntpRequest.Over.range(range));
  }

  /** OVER range, each line handed to {@code each} as it arrives (any number of lines). */
  public long over(ArticleRange range, Consumer<Overview> each) throws IOException {
    return ((NntpReply.Overviews) request(new NntpRequest.Over(range, null, Objects.requireNonNull(each, "each")))).count();
  }

  /** HDR field range: the field's value for each article in {@code range}. */
  public List<NntpReply.HeaderValue> hdr(String field, ArticleRange range) throws IOException {
    return ((NntpReply.HeaderValues) request(new NntpRequest.Hdr(field, range, null))).values();
  }

  /** NEWGROUPS: the groups created since {@code since}. */
  public List<NewsGroup> newGroups(Instant since) throws IOException {
    return ((NntpReply.Groups) request(new NntpRequest.NewGroups(since))).groups();
  }

  /** NEWNEWS wildmat: the message-ids of articles that arrived since {@code since}. */
  public List<String> newNews(String wildmat, Instant since) throws IOException {
    return ((NntpReply.MessageIds) request(new NntpRequest.NewNews(wildmat, since))).messageIds();
  }

  /** POST: posts the article read from {@code article} (headers, blank line, body). */
  public NntpReply.Posted post(InputStream article) throws IOException {
    return (NntpReply.Posted) request(new NntpRequest.Post(article, null));
  }

  /** DATE: the server's clock. */
  public Instant date() throws IOException {
    return ((NntpReply.ServerDate) request(new NntpRequest.Date())).time();
  }

  @Override
  public boolean isConnected() {
    Session current = session;
    return current != null && current.isOpen() && !closed;
  }

  private Session requireSession() {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    Session current = session;
    if (current == null) {
      throw new IllegalStateException("not connected");
    }
    return current;
  }

  /**
   * Sends QUIT (when the connection is in step; a silent server is given 2 s) and closes. From
   * another thread while a request runs, closes the connection at once, failing that request.
   * Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Session current = session;
    if (current == null) {
      return;
    }
    Thread user = busy;
    if (user == null || user == Thread.currentThread()) {
      current.quit();
    } else {
      current.abort();
    }
  }
}
