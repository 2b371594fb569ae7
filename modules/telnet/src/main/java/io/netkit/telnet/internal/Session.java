package io.netkit.telnet.internal;

import io.netkit.core.NetTlsRequiredException;
import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.transport.SocketFactories;
import io.netkit.telnet.TelnetExpectFailedException;
import io.netkit.telnet.TelnetExpectTimeoutException;
import io.netkit.telnet.TelnetMatch;
import io.netkit.telnet.TelnetOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One Telnet connection on a Commons Net engine: sending, expecting, raw reads, resizing.
 *
 * <p>Failure policy: an expect that times out leaves the session open (what arrived stays for the
 * next expect); any other failure (the connection breaks, a bound is crossed, the server closes
 * during an expect) closes it. Not thread-safe, except that one thread may read while another
 * sends or resizes, and {@link #close} works from any thread.
 */
public final class Session implements AutoCloseable {
  static final String LABEL = "telnet";
  /** What one expect reads at a time: a socket chunk (each read is a new regex search). */
  private static final int CHUNK = WireGuard.CHUNK;
  /** Enough bytes for the last 256 characters of a raw read (4 bytes a character at most). */
  private static final int TAIL_BYTES = 1024;

  private final Engine engine;
  private final Inbox inbox;
  private final Expecter expecter;
  private final ErrorContext context;
  private final TelnetOptions telnet;
  private final Duration readTimeout;
  private final Object sendLock = new Object();
  private ByteArrayInputStream replay;
  private String afterLogin = "";
  private volatile boolean closed;
  /** What the trace hides (set once, by {@link #open}). */
  private SecretLines secrets = new SecretLines();
  /** The last expect matched the password prompt: the next line sent is a secret. */
  private volatile boolean passwordPrompted;
  /** What raw sends typed after the password prompt, before their line end. */
  private final java.io.ByteArrayOutputStream typedPassword = new java.io.ByteArrayOutputStream();
  /** The last 256 characters raw reads returned, for the password prompt. */
  private String readTail = "";

  private Session(
      Engine engine,
      Inbox inbox,
      ErrorContext context,
      TelnetOptions telnet,
      Duration readTimeout) {
    this.engine = engine;
    this.inbox = inbox;
    this.context = context;
    this.telnet = telnet;
    this.readTimeout = readTimeout;
    this.expecter = new Expecter(telnet.charset());
  }

  /**
   * Connects (port 23 unless the endpoint says otherwise), and logs in through the prompts when
   * the endpoint has credentials.
   */
  public static Session open(NetOptions options, TelnetOptions telnet, Endpoint endpoint)
      throws IOException {
    Endpoint target = endpoint.withDefaultPort(23);
    ErrorContext context = ErrorContext.of(LABEL, target);
    TlsMode mode = options.tlsMode();
    if (mode == TlsMode.IMPLICIT || mode == TlsMode.STARTTLS_REQUIRED) {
      // Refused before any byte goes out, so no credential ever travels in plain text.
      throw new NetTlsRequiredException(context, "TLS was required, but netkit's Telnet has no TLS");
    }
    Credentials credentials = target.credentials().orElse(null);
    SecretLines secrets = new SecretLines();
    if (credentials != null) {
      secrets.add(credentials.password());
    }
    NetOptions wire =
        options.toBuilder().traceMasker(options.traceMasker().andThen(secrets)).build();
    Inbox inbox = new Inbox(context);
    TelnetLimits limits =
        new TelnetLimits(
            telnet.maxSubnegotiation(),
            telnet.maxNegotiationsWithoutData(),
            telnet.maxExpectBytes());
    Engine engine = new Engine(telnet);
    engine.setSocketFactory(
        new GuardedSocketFactory(
            SocketFactories.plain(wire, LABEL, SocketFactories.Framing.RAW),
            in -> new WireGuard(in, limits, context, inbox)));
    engine.setConnectTimeout(millis(options.connectTimeout()));
    engine.setDefaultTimeout(millis(options.readTimeout()));
    Session session = new Session(engine, inbox, context, telnet, options.readTimeout());
    session.secrets = secrets;
    try {
      InetSocketAddress address = target.resolve();
      engine.connect(address.getAddress(), address.getPort());
      inbox.attach();
      if (credentials != null) {
        session.login(credentials, telnet.loginTimeout().orElse(options.readTimeout()));
      }
      return session;
    } catch (IOException e) {
      session.close();
      throw Failures.translate(context, e, "connecting");
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private void login(Credentials credentials, Duration step) throws IOException {
    expect(List.of(telnet.loginPrompt()), step);
    sendLine(credentials.user());
    expect(List.of(telnet.passwordPrompt()), step);
    sendLine(credentials.password());
    if (telnet.shellPrompt().isEmpty()) {
      return;
    }
    TelnetMatch answer;
    try {
      answer = expect(List.of(telnet.loginFailure(), telnet.shellPrompt().get()), step);
    } catch (TelnetExpectFailedException e) {
      throw refused(credentials, e.seen());
    }
    if (telnet.loginFailure().matcher(answer.matched()).find()) {
      throw refused(credentials, answer.before() + answer.matched());
    }
    afterLogin = answer.before() + answer.matched();
  }

  /** What the server sent after the password, through the shell prompt ("" without a login). */
  public String afterLogin() {
    return afterLogin;
  }

  private NetAuthenticationException refused(Credentials credentials, String seen) {
    String text = lastLine(seen);
    close();
    return new NetAuthenticationException(
        context, "login as " + credentials.user() + " refused: " + text, -1, text);
  }

  /** True until closed, by the caller or by a failure. */
  public boolean isConnected() {
    return !closed && engine.isConnected();
  }

  /** The server echoes what is typed. */
  public boolean remoteEcho() {
    return engine.remoteEcho();
  }

  /** The context for failures. */
  public ErrorContext context() {
    return context;
  }

  /** Sends data, NVT-escaped. */
  public void send(byte[] data, int offset, int length) throws IOException {
    requireOpen();
    if (passwordPrompted) {
      typedAfterPasswordPrompt(data, offset, length);
    }
    byte[] wire = NvtEncoder.encode(data, offset, length);
    synchronized (sendLock) {
      try {
        engine.writeRaw(wire);
      } catch (IOException e) {
        close();
        throw Failures.translate(context, e, "sending");
      }
    }
  }

  /**
   * Raw bytes after the password prompt are a password being typed, up to the first CR or LF: the
   * trace hides them (before they are written, so the traced line is masked when it is emitted),
   * and the line end makes them a secret for the rest of the session.
   */
  private void typedAfterPasswordPrompt(byte[] data, int offset, int length) {
    int end = offset;
    while (end < offset + length && data[end] != '\r' && data[end] != '\n') {
      end++;
    }
    synchronized (typedPassword) {
      typedPassword.write(data, offset, end - offset);
      secrets.typing(typedPassword.toString(telnet.charset()));
      if (end < offset + length) {
        passwordPrompted = false;
        secrets.typed();
        typedPassword.reset();
      }
    }
  }

  /** Sends a line and CR LF. */
  public void sendLine(String line) throws IOException {
    if (passwordPrompted) {
      // A script answering the password prompt sends a password: the trace hides it as it hides
      // the credentials' own.
      passwordPrompted = false;
      secrets.add(line);
    }
    byte[] bytes = (line + "\r\n").getBytes(telnet.charset());
    send(bytes, 0, bytes.length);
  }

  /** Reports a new window size (NAWS). */
  public void resize(int columns, int rows) throws IOException {
    requireOpen();
    try {
      engine.resize(columns, rows);
    } catch (IOException e) {
      close();
      throw Failures.translate(context, e, "sending the window size");
    }
  }

  /** Waits for the first of {@code patterns} within {@code timeout}. */
  public TelnetMatch expect(List<Pattern> patterns, Duration timeout) throws IOException {
    requireOpen();
    if (replay != null && replay.available() > 0) {
      byte[] rest = replay.readAllBytes();
      expecter.append(rest, 0, rest.length);
    }
    replay = null;
    long deadline = System.nanoTime() + timeout.toNanos();
    long scanned = expecter.length();
    byte[] buffer = new byte[CHUNK];
    while (true) {
      Expecter.Found found = expecter.find(patterns);
      if (found != null) {
        String seen = found.before() + found.matched();
        synchronized (typedPassword) {
          if (typedPassword.size() > 0) {
            secrets.typed(); // typed after the prompt, never ended by a line end: still secret
            typedPassword.reset();
          }
        }
        passwordPrompted =
            telnet.passwordPrompt().matcher(seen.substring(Math.max(0, seen.length() - 256))).find();
        return new TelnetMatch(found.before(), found.matched(), found.groups());
      }
      if (scanned > telnet.maxExpectBytes()) {
        String seen = expecter.pending();
        close();
        throw new TelnetExpectFailedException(
            context,
            "/" + describe(patterns) + "/ not found in " + telnet.maxExpectBytes()
                + " bytes from the server",
            seen);
      }
      int n = readDecoded(buffer, 0, buffer.length, deadline);
      if (n == 0) {
        throw new TelnetExpectTimeoutException(context, describe(patterns), expecter.pending());
      }
      if (n < 0) {
        String seen = expecter.pending();
        close();
        throw new TelnetExpectFailedException(
            context,
            "the server closed the connection before /" + describe(patterns) + "/ appeared",
            seen);
      }
      scanned += n;
      expecter.append(buffer, 0, n);
    }
  }

  /**
   * Reads data (what expects left unconsumed first), waiting at most {@code wait} for it.
   *
   * @return the count, 0 when nothing came in time, -1 when the server closed
   */
  public int read(byte[] buffer, int offset, int length, Duration wait) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (expecter.length() > 0) {
      replay = expecter.drain();
    }
    int n;
    if (replay != null && replay.available() > 0) {
      n = replay.read(buffer, offset, length);
    } else if (closed) {
      return -1;
    } else {
      n = readDecoded(buffer, offset, length, System.nanoTime() + wait.toNanos());
    }
    if (n > 0) {
      readForPrompt(buffer, offset, n);
    }
    return n;
  }

  /**
   * Raw reads (the interactive command) watch for the password prompt as expects do: what is sent
   * next, up to its line end, is then a secret for the trace. A password being typed stays one
   * until its line end, whatever arrives meanwhile.
   */
  private void readForPrompt(byte[] buffer, int offset, int n) {
    synchronized (typedPassword) {
      // The last 256 characters are in the last TAIL_BYTES bytes: a large read decodes no more.
      int skip = Math.max(0, n - TAIL_BYTES);
      String fresh = new String(buffer, offset + skip, n - skip, telnet.charset());
      readTail = skip > 0 ? fresh : readTail + fresh;
      readTail = readTail.substring(Math.max(0, readTail.length() - 256));
      if (telnet.passwordPrompt().matcher(readTail).find()) {
        passwordPrompted = true;
      } else if (typedPassword.size() == 0) {
        passwordPrompted = false;
      }
    }
  }

  /** How long a plain read of the raw stream may wait: the read timeout. */
  public Duration readTimeout() {
    return readTimeout;
  }

  private int readDecoded(byte[] buffer, int offset, int length, long deadline) throws IOException {
    try {
      int n = inbox.read(buffer, offset, length, deadline);
      if (n < 0) {
        close(); // the server closed: so does this side, and the reader thread ends
      }
      return n;
    } catch (IOException e) {
      if (closed) {
        return -1;
      }
      close();
      throw Failures.translate(context, e, "reading");
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("not connected");
    }
  }

  /** Closes the connection (and so ends Commons Net's reader thread). Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    inbox.closing();
    try {
      engine.disconnect();
    } catch (IOException | RuntimeException ignored) {
      // Closing: nothing is left to report to.
    }
  }

  private static String describe(List<Pattern> patterns) {
    return patterns.stream().map(Pattern::pattern).collect(Collectors.joining("|"));
  }

  private static String lastLine(String text) {
    String trimmed = text.strip();
    int cut = Math.max(trimmed.lastIndexOf('\n'), trimmed.lastIndexOf('\r'));
    String line = cut < 0 ? trimmed : trimmed.substring(cut + 1);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
  }
}
