package io.netkit.nntp.internal;

import io.netkit.core.NetTlsRequiredException;
import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.Protocol;
import io.netkit.core.TlsMode;
import io.netkit.core.line.Reply;
import io.netkit.core.transport.TcpConnection;
import io.netkit.nntp.NntpCapabilities;
import io.netkit.nntp.NntpLimits;
import io.netkit.nntp.NntpReply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One NNTP session on one core connection: the opening (greeting, CAPABILITIES, MODE READER,
 * STARTTLS, AUTHINFO), commands with the 480-then-login-then-repeat rule, dot-terminated blocks,
 * and what the session knows (capabilities, posting, the selected group). It also tracks whether
 * an answer or an article is in the middle of the wire, so a failure then closes the connection
 * instead of leaving it out of step. Not thread-safe, except {@link #abort()}.
 */
public final class Session {
  private static final Duration QUIT_WAIT = Duration.ofSeconds(2);

  private final TcpConnection connection;
  private final Wire wire;
  private final NetOptions options;
  private final NntpLimits limits;
  private final Endpoint endpoint;
  private NntpCapabilities capabilities = NntpCapabilities.NONE;
  private boolean postingAllowed;
  private boolean authenticated;
  private boolean midTransfer;
  private List<String> overviewFormat;
  private NntpReply.GroupSelected group;

  private Session(TcpConnection connection, NetOptions options, NntpLimits limits, Endpoint endpoint) {
    this.connection = connection;
    this.wire = new Wire(connection);
    this.options = options;
    this.limits = limits;
    this.endpoint = endpoint;
  }

  /**
   * Connects to {@code endpoint} (its port, or 119, or 563 with implicit TLS) and opens the
   * session; on failure the connection is closed.
   */
  public static Session open(Endpoint target, NetOptions options, NntpLimits limits) throws IOException {
    Endpoint endpoint =
        target.withDefaultPort(
            options.tlsMode() == TlsMode.IMPLICIT ? Protocol.NNTP.tlsPort().orElseThrow() : Protocol.NNTP.defaultPort());
    TcpConnection connection = TcpConnection.connect(endpoint, options, "nntp");
    Session session = new Session(connection, options, limits, endpoint);
    try {
      session.greeting();
      session.capabilities = session.askCapabilities();
      if (session.capabilities.has("MODE-READER") && !session.capabilities.has("READER")) {
        session.modeReader();
      }
      session.startTlsIfAsked();
      Optional<Credentials> credentials = endpoint.credentials();
      // A server that lists no usable AUTHINFO method takes no login now (RFC 4643 2.1: a server
      // may withhold AUTHINFO USER until TLS is on): the credentials wait for a 480.
      if (credentials.isPresent() && Login.offered(session.capabilities)) {
        session.login(credentials.get());
      }
      return session;
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private void greeting() throws IOException {
    Reply hello = wire.reply();
    switch (hello.code()) {
      case 200 -> postingAllowed = true;
      case 201 -> postingAllowed = false;
      case 400, 502 -> throw new NetReplyException(wire.context(), hello.code(), hello.firstLine(), "service");
      default ->
          throw new NetProtocolException(wire.context(), "unexpected greeting: " + hello.code() + " " + hello.firstLine());
    }
  }

  /** Asks CAPABILITIES again and remembers the answer ({@link NntpCapabilities#NONE} on 5xx). */
  public NntpCapabilities refreshCapabilities() throws IOException {
    capabilities = askCapabilities();
    return capabilities;
  }

  private NntpCapabilities askCapabilities() throws IOException {
    Reply reply = wire.exchange("CAPABILITIES");
    if (reply.code() != 101) {
      return NntpCapabilities.NONE; // an RFC 977 server: 500, command not recognized
    }
    List<String> lines = new ArrayList<>();
    block(limits, lines::add);
    return new NntpCapabilities(lines);
  }

  private void modeReader() throws IOException {
    Reply reply = wire.exchange("MODE READER");
    switch (reply.code()) {
      case 200 -> postingAllowed = true;
      case 201 -> postingAllowed = false;
      default -> throw Refusals.of(wire.context(), reply, "MODE READER");
    }
    capabilities = askCapabilities();
  }

  private void startTlsIfAsked() throws IOException {
    TlsMode mode = options.tlsMode();
    if (mode == TlsMode.NONE || mode == TlsMode.IMPLICIT) {
      return;
    }
    // A server that lists capabilities without STARTTLS has none; one that lists none may.
    if (!capabilities.has("STARTTLS") && (mode == TlsMode.STARTTLS_IF_OFFERED || !capabilities.isEmpty())) {
      if (mode == TlsMode.STARTTLS_REQUIRED) {
        throw new NetTlsRequiredException(
            wire.context(), "STARTTLS is required but the server does not offer it; nothing was sent");
      }
      return;
    }
    Reply reply = wire.exchange("STARTTLS");
    if (reply.code() != 382) {
      if (mode == TlsMode.STARTTLS_REQUIRED) {
        throw new NetTlsRequiredException(
            wire.context(), "STARTTLS is required but the server refused it: " + reply.code() + " " + reply.firstLine());
      }
      return;
    }
    connection.startTls();
    capabilities = askCapabilities();
  }

  private void login(Credentials credentials) throws IOException {
    Login.authenticate(wire, credentials, capabilities);
    authenticated = true;
    capabilities = askCapabilities();
  }

  /**
   * Sends {@code line} and reads its status; logs in and repeats once on 480 when the endpoint has
   * credentials; returns the reply when its code is {@code expected} (or any code when {@code
   * expected} is -1), else throws the matching refusal.
   */
  public Reply command(String line, String what, int expected) throws IOException {
    Reply reply = wire.exchange(line);
    Optional<Credentials> credentials = endpoint.credentials();
    if (reply.code() == 480 && !authenticated && credentials.isPresent()) {
      login(credentials.get());
      reply = wire.exchange(line);
    }
    if (expected != -1 && reply.code() != expected) {
      throw Refusals.of(wire.context(), reply, what);
    }
    return reply;
  }

  /** Reads a dot-terminated block (bounded by {@code bound} when not null), marked in transfer. */
  public long block(NntpLimits bound, Consumer<String> each) throws IOException {
    midTransfer = true;
    long lines = wire.block(bound, each);
    midTransfer = false;
    return lines;
  }

  /** The overview format, asked once (RFC 3977's default when the server cannot say). */
  public List<String> overviewFormat() throws IOException {
    if (overviewFormat == null) {
      Reply reply = command("LIST OVERVIEW.FMT", "LIST OVERVIEW.FMT", -1);
      if (reply.code() == 215) {
        List<String> fields = new ArrayList<>();
        block(limits, line -> fields.add(line.strip()));
        overviewFormat = List.copyOf(fields);
      } else {
        overviewFormat = NntpReply.OverviewFormat.DEFAULT.fields();
      }
    }
    return overviewFormat;
  }

  /** Marks the start ({@code true}) or the end of raw article bytes on the wire. */
  public void inTransfer(boolean transferring) {
    midTransfer = transferring;
  }

  /** True while an answer or article is half read or half sent. */
  public boolean midTransfer() {
    return midTransfer;
  }

  /** Clears the in-transfer mark before a new request. */
  public void startRequest() {
    midTransfer = false;
  }

  public Wire wire() {
    return wire;
  }

  public TcpConnection connection() {
    return connection;
  }

  public NntpLimits limits() {
    return limits;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public NntpCapabilities capabilities() {
    return capabilities;
  }

  /** The greeting's (or MODE READER's) posting flag, or POST among the capabilities. */
  public boolean postingAllowed() {
    return postingAllowed || capabilities.has("POST");
  }

  public Optional<NntpReply.GroupSelected> group() {
    return Optional.ofNullable(group);
  }

  /** Records the group GROUP or LISTGROUP selected. */
  public void selected(NntpReply.GroupSelected selected) {
    group = selected;
  }

  /** True while the connection is open. */
  public boolean isOpen() {
    return connection.isOpen();
  }

  /** Sends QUIT when the session is in step (waiting at most 2 s for its answer), then closes. */
  public void quit() {
    try {
      if (connection.isOpen() && !midTransfer) {
        connection.readTimeout(QUIT_WAIT.compareTo(options.readTimeout()) < 0 ? QUIT_WAIT : options.readTimeout());
        connection.writeLine("QUIT");
        connection.input().readLine(); // 205, best effort: the socket closes either way
      }
    } catch (IOException | RuntimeException e) {
      // Closing anyway.
    } finally {
      connection.close();
    }
  }

  /** Closes the connection at once; safe from any thread. */
  public void abort() {
    connection.close();
  }
}
