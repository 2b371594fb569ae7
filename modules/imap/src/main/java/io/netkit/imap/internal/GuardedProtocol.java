package io.netkit.imap.internal;

import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.TlsMode;
import java.io.IOException;
import java.util.Properties;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.util.MailLogger;

/**
 * Angus's IMAP connection with netkit's guards:
 *
 * <ul>
 *   <li>Bounded responses: each response is read into a {@link BoundedBuffer}, so neither a long
 *       line nor an announced literal can make Angus allocate more than {@link
 *       Guards#maxResponseBytes()}; all the responses to one command together may not exceed
 *       {@link Guards#maxCommandBytes()} (Angus collects them all in memory before returning); an
 *       {@code EXISTS} above {@link Guards#maxMessages()} is refused (Angus sizes arrays by it).
 *       A breach fails the read with {@link NetProtocolException}, which ends the connection.
 *   <li>STARTTLS by the session's {@link TlsMode}, decided right after the greeting, before Angus
 *       can send any credential: required means the server must offer STARTTLS and accept it, and
 *       a PREAUTH greeting in plain text is refused; if-offered continues in plain text only when
 *       the server does not offer STARTTLS or answers it NO.
 *   <li>The last I/O failure is kept, so the real cause (a core timeout) survives Angus's habit
 *       of turning failures into texts.
 * </ul>
 *
 * <p>Angus calls {@link #readResponse()} from its own constructor, before this class's fields are
 * set: the guards for that first read (the greeting) come from {@link #CONSTRUCTING}, which {@link
 * GuardedStore} sets around the constructor on the constructing thread. Used under Angus's own
 * locking, like any {@link IMAPProtocol}.
 */
final class GuardedProtocol extends IMAPProtocol {
  /** The guards for reads made during construction (the greeting and first CAPABILITY). */
  static final ThreadLocal<Guards> CONSTRUCTING = new ThreadLocal<>();

  private final Guards guards;
  private volatile IOException failure;
  private boolean inIdle;
  private IOException idleTimeout;
  private long commandBytes;
  private BoundedBuffer current;
  /** The buffer offered for the next response, until it is read into. */
  private byte[] offered;
  /** The buffer offered last, and the response buffer made on it once a response is read. */
  private byte[] offeredStart;
  private BoundedBuffer offeredRead;

  GuardedProtocol(
      String name, String host, int port, Properties props, boolean isSSL, MailLogger logger,
      Guards guards) throws IOException, ProtocolException {
    super(name, host, port, props, isSSL, logger);
    this.guards = guards;
    try {
      applyTlsPolicy();
    } catch (ProtocolException | RuntimeException e) {
      disconnect();
      throw e;
    }
  }

  private Guards guards() {
    Guards g = guards;
    return g != null ? g : CONSTRUCTING.get();
  }

  private void applyTlsPolicy() throws ProtocolException {
    TlsMode mode = guards.tlsMode();
    boolean wanted = mode == TlsMode.STARTTLS_REQUIRED || mode == TlsMode.STARTTLS_IF_OFFERED;
    if (!wanted || isSSL()) {
      return;
    }
    boolean required = mode == TlsMode.STARTTLS_REQUIRED;
    if (isAuthenticated()) {
      if (required) {
        throw new TlsPolicyException(
            "TLS is required but the server greeted with PREAUTH in plain text, where STARTTLS is"
                + " no longer allowed; nothing was sent");
      }
      return;
    }
    if (!hasCapability("STARTTLS")) {
      if (required) {
        throw new TlsPolicyException(
            "TLS is required but the server does not offer STARTTLS"
                + (hasCapability("LOGINDISABLED") ? " (and disables LOGIN in plain text)" : "")
                + "; no credentials were sent");
      }
      return;
    }
    try {
      startTLS();
    } catch (CommandFailedException | BadCommandException refused) {
      if (required) {
        throw new TlsPolicyException(
            "TLS is required but the server refused STARTTLS: "
                + refused.getResponse() + "; no credentials were sent");
      }
      // If offered: the server said no, so continue in plain text, and keep Angus from asking
      // again (its login would, and would report the refusal as a failed login).
      getCapabilities().remove("STARTTLS");
      return;
    }
    capability(); // RFC 3501: capabilities may change after STARTTLS, and must be asked again
  }

  /** Reads one response into a bounded buffer, and checks the command's total and EXISTS. */
  @Override
  public Response readResponse() throws IOException, ProtocolException {
    Guards g = guards();
    Response r;
    try {
      r = super.readResponse();
    } catch (BoundedBuffer.ResponseTooLarge e) {
      throw remember(new NetProtocolException(g.context(), e.getMessage(), null));
    } catch (ProtocolException e) {
      // Angus skips a response it cannot parse and carries on; a FETCH so skipped would come out
      // as a missing message or body, so that is refused here, as is a literal with no count.
      BoundedBuffer bad = current;
      current = null;
      String malformed = bad == null ? null : bad.malformedLiteral();
      if (malformed != null) {
        throw remember(new NetProtocolException(g.context(),
            "the server announced a literal " + malformed + ", which is no byte count", e));
      }
      if (bad != null && bad.isFetch()) {
        throw remember(new NetProtocolException(g.context(),
            "the server sent a FETCH response that cannot be parsed: " + e.getMessage(), e));
      }
      throw e;
    } catch (IOException e) {
      BoundedBuffer cut = current;
      if (e.getClass() == IOException.class && cut != null && cut.begun()) {
        // Angus's end of stream (a plain IOException; timeouts, resets and TLS failures have
        // their own types) inside a response, a line or a literal: it ended early.
        throw remember(new NetTruncatedException(g.context(),
            "the server closed the connection in the middle of a response (a line or literal cut"
                + " short): " + e.getMessage(), -1, -1, e));
      }
      throw remember(e);
    }
    BoundedBuffer used = current;
    current = null;
    String malformed = used == null ? null : used.malformedLiteral();
    if (malformed != null) {
      throw remember(new NetProtocolException(g.context(),
          "the server announced a literal " + malformed + ", which is no byte count", null));
    }
    commandBytes += used == null ? 0 : used.getCount();
    if (commandBytes > g.maxCommandBytes()) {
      throw remember(
          new NetProtocolException(
              g.context(),
              "the server sent more than " + g.maxCommandBytes() + " bytes in answer to one"
                  + " command; raise ImapOptions.maxCommandBytes if that is expected",
              null));
    }
    if (r instanceof IMAPResponse ir && ir.keyEquals("EXISTS") && ir.getNumber() > g.maxMessages()) {
      throw remember(
          new NetProtocolException(
              g.context(),
              "the server announced " + ir.getNumber() + " messages, more than the "
                  + g.maxMessages() + " accepted (ImapOptions.maxMessages)",
              null));
    }
    return r;
  }

  @Override
  protected ByteArray getResponseBuffer() {
    byte[] given = offered;
    boolean fromOffer = given != null;
    offered = null;
    if (given == null) {
      ByteArray angus = super.getResponseBuffer();
      given = angus == null ? null : angus.getBytes();
    }
    int limit = guards().maxResponseBytes();
    current = given == null ? new BoundedBuffer(128, limit) : new BoundedBuffer(given, limit);
    current.markUnbegun();
    if (fromOffer) {
      offeredRead = current;
    }
    return current;
  }

  @Override
  public String writeCommand(String command, Argument args) throws IOException, ProtocolException {
    commandBytes = 0;
    Guards g = guards();
    if (idleTimeout != null && g != null && g.lastFailure() == idleTimeout) {
      g.clearFailure(); // IDLE shrugged that timeout off and the connection lived on
    }
    idleTimeout = null;
    try {
      return super.writeCommand(command, args);
    } catch (IOException e) {
      throw remember(e);
    }
  }

  /** IDLE's reads: Angus ignores a read timeout there (nothing arrived), so it is kept apart. */
  @Override
  public synchronized Response readIdleResponse() {
    inIdle = true;
    try {
      return super.readIdleResponse();
    } finally {
      inIdle = false;
    }
  }

  /**
   * Keeps the first failure that ends the connection: Angus may try more (a write on the socket it
   * closed), and those later ones would only say "socket closed".
   */
  private IOException remember(IOException e) {
    Guards g = guards();
    if (inIdle && e instanceof java.net.SocketTimeoutException) {
      idleTimeout = e; // the cause if the IDLE ends with it, forgotten if it goes on
      if (g != null && g.lastFailure() == null) {
        g.failed(e);
      }
      return e;
    }
    if (failure == null) {
      failure = e;
      if (g != null && (g.lastFailure() == null || g.lastFailure() == idleTimeout)) {
        g.failed(e);
      }
    }
    return e;
  }

  /** The I/O failure that ended this connection, or null. */
  IOException failure() {
    return failure;
  }

  /** Offers {@code bytes} as the buffer for the next response (a fetch chunk): no reallocation. */
  void offerBuffer(byte[] bytes) {
    offered = bytes;
    offeredStart = bytes;
    offeredRead = null;
  }

  /** True when Angus had to grow the buffer offered last to fit the response read into it. */
  boolean offerGrew() {
    return offeredRead != null && offeredRead.getBytes() != offeredStart;
  }

  /** Adds a mailbox name, encoded as the connection requires (modified UTF-7 or UTF-8). */
  void writeMailbox(Argument args, String name) {
    writeMailboxName(args, name);
  }

  /**
   * Sends a command and returns its responses, after handing the untagged ones to the connection's
   * handlers (the open folder keeps its counts that way).
   *
   * @throws CommandFailedException for a tagged NO, {@link BadCommandException} for BAD
   * @throws TransportFailure when the connection failed (it is then closed)
   */
  Response[] checked(String command, Argument args) throws ProtocolException {
    Response[] r = command(command, args);
    Response last = r[r.length - 1];
    notifyResponseHandlers(r);
    if (last.isBYE()) {
      IOException cause = failure;
      disconnect();
      if (cause != null) {
        throw new TransportFailure(cause);
      }
      throw new ConnectionException(this, last);
    }
    if (last.isNO()) {
      throw new CommandFailedException(last);
    }
    if (last.isBAD()) {
      throw new BadCommandException(last);
    }
    return r;
  }
}
