package io.netkit.telnet;

import io.netkit.core.Endpoint;
import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.Protocol;
import io.netkit.telnet.internal.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Telnet client (RFC 854) on Apache Commons Net, every byte through the netkit core's socket,
 * so timeouts, the deadline and the trace behave as in every other netkit module.
 *
 * <pre>{@code
 * try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
 *   telnet.connect(Endpoint.parse("127.0.0.1:2323").withCredentials(credentials));
 *   telnet.sendLine("hello");
 *   TelnetMatch echoed = telnet.expect("hello\r\n", Duration.ofSeconds(5));
 *   telnet.sendLine("quit");
 * }
 * }</pre>
 *
 * <p>Connection: port 23 unless the endpoint names one. When the endpoint has credentials,
 * {@link #connect} logs in through the server's prompts (see {@link TelnetOptions}) and returns
 * at the shell prompt. Negotiation: the client agrees to ECHO by the server, SUPPRESS-GO-AHEAD,
 * TERMINAL-TYPE (the options' type) and NAWS (the options' size, sent again by {@link #resize});
 * it refuses every other option and never loops. Data: an IAC byte sent is doubled, a bare CR is
 * sent as CR NUL, {@link #sendLine} ends lines with CR LF; IAC IAC from the server is one 0xFF
 * data byte.
 *
 * <p>Failures: an expect that times out is a {@link TelnetExpectTimeoutException} and the client
 * stays connected; an expect that meets the end of the connection or its byte limit is a {@link
 * TelnetExpectFailedException}; a server that floods negotiation commands or sends an endless
 * subnegotiation is a {@link io.netkit.core.NetProtocolException}; a rejected login is a {@link
 * io.netkit.core.NetAuthenticationException}; TLS modes that require TLS are refused with {@link
 * io.netkit.core.NetTlsException} before connecting (netkit's Telnet has no TLS). Every failure
 * except an expect timeout closes the client. The password never appears in the trace.
 *
 * <p>Not thread-safe, with one exception: while one thread reads ({@link #input()}, {@link
 * #read}), another may send and resize, and {@link #close} may be called from any thread (it ends
 * a blocked read). The socket is read, and negotiation answered, on Commons Net's reader thread,
 * which ends with {@link #close}.
 */
public final class TelnetClient implements NetClient<TelnetRequest, TelnetReply> {
  private final NetOptions options;
  private final TelnetOptions telnetOptions;
  private volatile Session session;

  /** A client with the given options and Telnet defaults. */
  public TelnetClient(NetOptions options) {
    this(options, TelnetOptions.defaults());
  }

  /** A client with the given options. */
  public TelnetClient(NetOptions options, TelnetOptions telnetOptions) {
    this.options = Objects.requireNonNull(options, "options");
    this.telnetOptions = Objects.requireNonNull(telnetOptions, "telnetOptions");
  }

  @Override
  public Protocol protocol() {
    return Protocol.TELNET;
  }

  @Override
  public void connect(Endpoint endpoint) throws IOException {
    Objects.requireNonNull(endpoint, "endpoint");
    if (session != null) {
      throw new IllegalStateException("already connected");
    }
    session = Session.open(options, telnetOptions, endpoint);
  }

  @Override
  public TelnetReply request(TelnetRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    Session s = requireSession();
    if (request instanceof TelnetRequest.Send r) {
      byte[] data = r.data();
      s.send(data, 0, data.length);
      return new TelnetReply.Sent(data.length);
    } else if (request instanceof TelnetRequest.SendLine r) {
      s.sendLine(r.text());
      return new TelnetReply.Sent(r.text().getBytes(telnetOptions.charset()).length + 2L);
    } else if (request instanceof TelnetRequest.Expect r) {
      return new TelnetReply.Matched(s.expect(List.of(r.pattern()), r.timeout()));
    } else if (request instanceof TelnetRequest.Run r) {
      List<TelnetMatch> matches = new ArrayList<>();
      for (TelnetRequest step : r.script().steps()) {
        if (request(step) instanceof TelnetReply.Matched m) {
          matches.add(m.match());
        }
      }
      return new TelnetReply.Ran(matches);
    }
    throw new IllegalArgumentException("unknown request " + request); // unreachable: sealed
  }

  /** Sends bytes (NVT-escaped: IAC doubled, a bare CR as CR NUL). */
  public void send(byte[] data) throws IOException {
    request(new TelnetRequest.Send(data));
  }

  /** Sends a line of text and CR LF. */
  public void sendLine(String line) throws IOException {
    request(new TelnetRequest.SendLine(line));
  }

  /** Waits for literal {@code text}; returns what came before it and the match. */
  public TelnetMatch expect(String text, Duration timeout) throws IOException {
    return matched(request(TelnetRequest.Expect.text(text, timeout)));
  }

  /** Waits for {@code pattern}; returns what came before it and the match. */
  public TelnetMatch expect(Pattern pattern, Duration timeout) throws IOException {
    return matched(request(new TelnetRequest.Expect(pattern, timeout)));
  }

  /** Runs a script; returns one match per expect step. */
  public List<TelnetMatch> run(TelnetScript script) throws IOException {
    return ((TelnetReply.Ran) request(new TelnetRequest.Run(script))).matches();
  }

  /**
   * Reads what the server sent (what expects left unconsumed first), waiting at most {@code wait}.
   *
   * @return the byte count; 0 when nothing came within {@code wait}; -1 when the server closed
   *     (the client is then closed too)
   */
  public int read(byte[] buffer, int offset, int length, Duration wait) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    Session s = session;
    if (s == null) {
      throw new IllegalStateException("not connected");
    }
    return s.read(buffer, offset, length, wait); // -1 again once the server has closed
  }

  /** Tells the server the window's new size (NAWS), now if NAWS is on, else when it asks. */
  public void resize(int columns, int rows) throws IOException {
    if (columns < 1 || columns > 0xFFFF || rows < 1 || rows > 0xFFFF) {
      throw new IllegalArgumentException("window size out of range: " + columns + "x" + rows);
    }
    requireSession().resize(columns, rows);
  }

  /**
   * What the server sent between the password and the shell prompt, the prompt included (a
   * welcome message, {@code "$ "}): {@link #connect} consumed it while logging in. Empty when
   * there was no login. An interactive front end shows it first.
   */
  public String afterLogin() {
    return requireSession().afterLogin();
  }

  /** True when the server echoes what is typed, so a local terminal should not. */
  public boolean remoteEcho() {
    return requireSession().remoteEcho();
  }

  /**
   * The server's data as a stream, for interactive use: a read waits for data at most the read
   * timeout (then fails with {@link NetTimeoutException}, the connection staying open) and
   * returns -1 once the server has closed. Closing the stream closes the client.
   */
  public InputStream input() {
    Session s = requireSession();
    // Reads go to the session even after it closed: they then return -1, as streams do.
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
          return 0;
        }
        int n = s.read(b, off, len, s.readTimeout());
        if (n == 0) {
          throw new NetTimeoutException(
              s.context(), "the server sent nothing for " + s.readTimeout());
        }
        return n;
      }

      @Override
      public void close() {
        s.close();
      }
    };
  }

  /**
   * A stream to the server, for interactive use: bytes go out at once, NVT-escaped (keystrokes;
   * pass CR LF for a line end). Closing the stream closes the client.
   */
  public OutputStream output() {
    Session s = requireSession();
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        s.send(b, off, len);
      }

      @Override
      public void close() {
        s.close();
      }
    };
  }

  @Override
  public boolean isConnected() {
    Session s = session;
    return s != null && s.isConnected();
  }

  /** Closes the connection; idempotent, callable from any thread. */
  @Override
  public void close() {
    Session s = session;
    if (s != null) {
      s.close();
    }
  }

  private Session requireSession() {
    Session s = session;
    if (s == null || !s.isConnected()) {
      throw new IllegalStateException("not connected");
    }
    return s;
  }

  private static TelnetMatch matched(TelnetReply reply) {
    return ((TelnetReply.Matched) reply).match();
  }
}
