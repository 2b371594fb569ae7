package io.netkit.testkit.nntp;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.AbstractMockServer;
import io.netkit.testkit.MockConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A real NNTP server (RFC 3977) for tests and manual trials, serving a {@link NewsSpool} held in
 * memory or read from a directory: CAPABILITIES, MODE READER, LIST ACTIVE / NEWSGROUPS /
 * OVERVIEW.FMT (with wildmats), GROUP, LISTGROUP, ARTICLE / HEAD / BODY / STAT, NEXT / LAST, OVER
 * and XOVER, HDR and XHDR, NEWGROUPS, NEWNEWS, POST and IHAVE (stored in the spool and listed
 * from then on), DATE, STARTTLS (RFC 4642) and AUTHINFO USER/PASS and SASL PLAIN (RFC 4643).
 * With {@link #tls} it serves {@code nntps} (implicit TLS).
 *
 * <p>Settings, for testing clients against the variants of real servers: an {@link #account}
 * (and whether it is needed for everything, only for posting, or not at all: {@link #authRequired}),
 * {@link #starttls} offered, {@link #tlsRequiredForAuth} (483 to AUTHINFO before TLS), {@link
 * #modeReaderRequired} (as INN's innd: MODE-READER listed, reader commands refused until MODE
 * READER), {@link #userPassOffered} (SASL PLAIN only), {@link #legacy} (an RFC 977/2980 server: no CAPABILITIES, no OVER or HDR, only XOVER
 * and XHDR), {@link #postingAllowed}. Every command line received is recorded ({@link
 * #commands()}, AUTHINFO PASS and SASL responses included as sent: this is a test server) and
 * every accepted post ({@link #posted()}). All {@link io.netkit.testkit.Fault}s apply until
 * STARTTLS; after it, answers go out unfaulted. Thread-safe.
 */
public final class NntpMockServer extends AbstractMockServer {
  /** Which commands need a login when the server has an {@link #account}. */
  public enum AuthScope {
    /** Nothing needs one (a login is still accepted). */
    NONE,
    /** POST and IHAVE answer 480 until logged in. */
    POSTING,
    /** Every command but CAPABILITIES, MODE READER, STARTTLS, AUTHINFO, DATE and QUIT answers 480. */
    ALL
  }

  private final NewsSpool spool;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<byte[]> posted = new CopyOnWriteArrayList<>();
  private volatile Credentials account;
  private volatile AuthScope authScope = AuthScope.NONE;
  private volatile SSLContext starttls;
  private volatile boolean tlsRequiredForAuth;
  private volatile boolean modeReaderRequired;
  private volatile boolean legacy;
  private volatile boolean postingAllowed = true;
  private volatile boolean userPassOffered = true;

  private NntpMockServer(NewsSpool spool) {
    super(Protocol.NNTP, "nntp-mock");
    this.spool = spool;
  }

  /** A server for {@code spool} (shared: what is posted goes into it). */
  public static NntpMockServer of(NewsSpool spool) {
    return new NntpMockServer(Objects.requireNonNull(spool, "spool"));
  }

  /** A server for the groups under {@code root} ({@link NewsSpool#fromDirectory}). */
  public static NntpMockServer serving(Path root) throws IOException {
    return new NntpMockServer(NewsSpool.fromDirectory(root));
  }

  /** The spool served. */
  public NewsSpool spool() {
    return spool;
  }

  /** Accepts this one login; with {@code scope} saying what needs it. */
  public NntpMockServer account(Credentials credentials, AuthScope scope) {
    account = Objects.requireNonNull(credentials, "credentials");
    authScope = Objects.requireNonNull(scope, "scope");
    return this;
  }

  /** Changes what needs a login. */
  public NntpMockServer authRequired(AuthScope scope) {
    authScope = Objects.requireNonNull(scope, "scope");
    return this;
  }

  /** Offers STARTTLS with this server context (null: not offered). */
  public NntpMockServer starttls(SSLContext serverContext) {
    starttls = serverContext;
    return this;
  }

  /** Answers AUTHINFO with 483 until TLS is on, and lists no AUTHINFO before it. */
  public NntpMockServer tlsRequiredForAuth(boolean required) {
    tlsRequiredForAuth = required;
    return this;
  }

  /** Lists MODE-READER (not READER) and refuses reader commands until MODE READER. */
  public NntpMockServer modeReaderRequired(boolean required) {
    modeReaderRequired = required;
    return this;
  }

  /** Behaves as an RFC 977/2980 server: no CAPABILITIES, OVER or HDR (XOVER, XHDR only). */
  public NntpMockServer legacy(boolean old) {
    legacy = old;
    return this;
  }

  /** Whether the greeting is 200 (posting allowed) or 201, and POST answers 440. */
  public NntpMockServer postingAllowed(boolean allowed) {
    postingAllowed = allowed;
    return this;
  }

  /**
   * Whether AUTHINFO USER/PASS is offered beside SASL PLAIN (default true); when false only
   * {@code AUTHINFO SASL} is listed and AUTHINFO USER answers 502.
   */
  public NntpMockServer userPassOffered(boolean offered) {
    userPassOffered = offered;
    return this;
  }

  /** Every command line received since start, in order, across connections. */
  public List<String> commands() {
    return List.copyOf(commands);
  }

  /** Every article accepted by POST or IHAVE, as received (unstuffed, CRLF line ends). */
  public List<byte[]> posted() {
    return posted.stream().map(byte[]::clone).toList();
  }

  Optional<Credentials> accountSetting() {
    return Optional.ofNullable(account);
  }

  AuthScope authScope() {
    return authScope;
  }

  SSLContext starttlsContext() {
    return starttls;
  }

  boolean requiresTlsForAuth() {
    return tlsRequiredForAuth;
  }

  boolean requiresModeReader() {
    return modeReaderRequired;
  }

  boolean isLegacy() {
    return legacy;
  }

  boolean offersUserPass() {
    return userPassOffered;
  }

  boolean allowsPosting() {
    return postingAllowed;
  }

  void record(String line) {
    commands.add(line);
  }

  void recordPost(byte[] article) {
    posted.add(article.clone());
  }

  @Override
  protected void serve(MockConnection connection) throws IOException {
    new NntpSession(this, connection).run();
  }
}
