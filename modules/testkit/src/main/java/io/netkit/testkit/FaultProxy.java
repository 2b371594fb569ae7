package io.netkit.testkit;

import io.netkit.core.Endpoint;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.Protocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A TCP relay that puts testkit's faults in front of any server: clients connect to the proxy on
 * 127.0.0.1, which forwards bytes both ways to a target (an engine-backed mock, or your own
 * server) and misbehaves at a named {@link Point} with a named {@link Action}. It is itself a
 * {@link MockServer}, so the whole-connection {@link Fault}s of {@link AbstractMockServer} work
 * too ({@link #fault(Fault)}: they act on the first bytes of the server's output).
 *
 * <pre>{@code
 * try (FaultProxy proxy = new FaultProxy(Protocol.SMTP, Endpoint.of("127.0.0.1", smtpPort))) {
 *   proxy.at(FaultProxy.Point.STARTTLS, FaultProxy.Action.INJECT).inject("250 injected\r\n");
 *   proxy.start();
 *   // point the client at proxy.endpoint(): it must refuse the plaintext after "220 go ahead"
 *   assertTrue(proxy.clientLines().stream().noneMatch(l -> l.startsWith("AUTH")));
 * }
 * }</pre>
 *
 * <p>Points are counted on the server's output: {@link Point#ACCEPT} before its first byte, {@link
 * Point#GREETING} after its first line, {@link Point#MID_REPLY} four bytes into the first reply
 * after the greeting (inside its status line), {@link Point#AFTER_BYTES} after {@link
 * #afterBytes(long) N bytes} (mid-body, mid-transfer), {@link Point#STARTTLS} right after the line
 * answering the client's {@code STARTTLS}, {@code STLS} or {@code AUTH TLS}/{@code AUTH SSL}. The
 * action applies once per connection, from that point on.
 *
 * <p>Defaults: no point (a plain relay), inject {@code "250 injected\r\n"}, flood line {@code
 * "250-flood\r\n"}, floods and endless lines capped at 64 MiB, drip pause 5 ms, target connect
 * timeout 5 s; settings apply to connections accepted after they are made. {@link #clientLines()}
 * records the first 10,000 lines clients sent (to assert that nothing, e.g. no credential, was
 * sent). Thread-safe; {@link #stop()} closes every client and target connection.
 */
public class FaultProxy extends AbstractMockServer {
  static final int LINE_LIMIT = 10_000;
  private static final Pattern STARTTLS =
      Pattern.compile("^(?:[A-Za-z0-9.]+ )?(?:STARTTLS|STLS|AUTH TLS|AUTH SSL)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final byte[] GARBLE =
      "\0\u00ff\u00fe\u0001 garbled \0 not-a-reply".getBytes(StandardCharsets.ISO_8859_1);

  /** Where, in the server's output, the {@link Action} takes effect. */
  public enum Point {
    /** Before the server's first byte (the client meets the action at once). */
    ACCEPT,
    /** After the server's first line (the greeting). */
    GREETING,
    /** Four bytes into the first reply after the greeting: inside its status line. */
    MID_REPLY,
    /** After {@link #afterBytes(long) N bytes} of the server's output: mid-body, mid-transfer. */
    AFTER_BYTES,
    /** Right after the server's line answering STARTTLS, STLS or AUTH TLS (the go-ahead). */
    STARTTLS
  }

  /** What the proxy does at the {@link Point}. */
  public enum Action {
    /** Closes both connections at once. */
    DROP,
    /** Sends nothing more but keeps the connection open (the client must time out). */
    STALL,
    /** Sends the rest one byte at a time, with {@link #dripDelay(Duration) a pause}. */
    DRIP,
    /** Sends bytes that are no protocol (NUL, bytes that are not UTF-8), then closes. */
    GARBLE,
    /** Sends the next line without its end (a truncated line), then closes. */
    TRUNCATE,
    /** Sends {@link #inject(byte[]) the injected bytes} in the same write, then relays on. */
    INJECT,
    /** Sends {@link #floodLine(String) a short line} again and again, never ending the reply. */
    FLOOD,
    /** Sends one line that never ends ({@code x} without a line end). */
    ENDLESS_LINE
  }

  private final Supplier<Endpoint> target;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Set<Socket> upstreams = ConcurrentHashMap.newKeySet();
  private volatile Point point;
  private volatile Action action;
  private volatile long afterBytes = 64;
  private volatile byte[] inject = "250 injected\r\n".getBytes(StandardCharsets.US_ASCII);
  private volatile byte[] floodLine = "250-flood\r\n".getBytes(StandardCharsets.US_ASCII);
  private volatile long floodLimit = 64L << 20;
  private volatile Duration drip = Duration.ofMillis(5);

  /** A proxy for {@code protocol} in front of {@code target}. */
  public FaultProxy(Protocol protocol, Endpoint target) {
    this(protocol, () -> target);
    Objects.requireNonNull(target, "target");
  }

  /**
   * A proxy whose target is looked up at each connection (for a server that starts after the
   * proxy is made, or on a port chosen when it starts).
   */
  public FaultProxy(Protocol protocol, Supplier<Endpoint> target) {
    super(protocol, "fault-proxy-" + protocol.name().toLowerCase(Locale.ROOT));
    this.target = Objects.requireNonNull(target, "target");
  }

  /** From now on, at {@code point}, do {@code action}; replaces the previous rule. */
  public FaultProxy at(Point point, Action action) {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(action, "action");
    synchronized (this) {
      this.point = point;
      this.action = action;
    }
    return this;
  }

  /** Back to a plain relay (the whole-connection {@link Fault} is not changed). */
  public synchronized FaultProxy clearPoint() {
    point = null;
    action = null;
    return this;
  }

  /** The byte count of {@link Point#AFTER_BYTES}; default 64. */
  public FaultProxy afterBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative");
    }
    afterBytes = bytes;
    return this;
  }

  /** What {@link Action#INJECT} sends. */
  public FaultProxy inject(byte[] bytes) {
    inject = Objects.requireNonNull(bytes, "bytes").clone();
    return this;
  }

  /** What {@link Action#INJECT} sends, in ISO-8859-1 (so any byte can be written as a char). */
  public FaultProxy inject(String text) {
    return inject(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** The line {@link Action#FLOOD} repeats (include its line end). */
  public FaultProxy floodLine(String line) {
    floodLine = line.getBytes(StandardCharsets.ISO_8859_1);
    return this;
  }

  /** How many bytes a flood or an endless line sends at most before closing; default 64 MiB. */
  public FaultProxy floodLimit(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("bytes must be positive");
    }
    floodLimit = bytes;
    return this;
  }

  @Override
  public FaultProxy dripDelay(Duration delay) {
    super.dripDelay(delay);
    drip = delay;
    return this;
  }

  /** The lines clients sent through the proxy, oldest first, line ends removed. */
  public List<String> clientLines() {
    return List.copyOf(lines);
  }

  /** Forgets the recorded client lines. */
  public void clearClientLines() {
    lines.clear();
  }

  @Override
  public synchronized void stop() {
    super.stop();
    upstreams.forEach(FaultProxy::closeQuietly);
    upstreams.clear();
  }

  @Override
  protected void serve(MockConnection connection) throws IOException {
    Point where;
    Action what;
    synchronized (this) {
      where = point;
      what = action;
    }
    Relay relay = new Relay(connection, where, what);
    if (where == Point.ACCEPT && relay.actAtOnce()) {
      return;
    }
    Endpoint to = target.get();
    try (Socket upstream = new Socket()) {
      upstreams.add(upstream);
      upstream.connect(new InetSocketAddress(to.host(), to.port()), 5_000);
      Thread pump = new Thread(() -> clientToServer(connection, upstream, relay), "fault-proxy-relay");
      pump.setDaemon(true);
      pump.start();
      relay.serverToClient(upstream.getInputStream(), pump);
    } catch (java.net.SocketException e) {
      // one side closed: the conversation is over
    } finally {
      upstreams.removeIf(Socket::isClosed);
    }
  }

  /** Copies what the client sends to the target, recording lines; closes the target at the end. */
  private void clientToServer(MockConnection connection, Socket upstream, Relay relay) {
    byte[] buffer = new byte[16 * 1024];
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      OutputStream toServer = upstream.getOutputStream();
      while (true) {
        int n;
        try {
          n = connection.input().read(buffer, 0, buffer.length);
        } catch (NetTimeoutException e) {
          continue; // a silent client (IDLE, or one waiting for a stalled reply)
        }
        if (n < 0) {
          return;
        }
        // Record (and spot STARTTLS) before forwarding, so the go-ahead cannot overtake the flag.
        record(buffer, n, line, relay);
        toServer.write(buffer, 0, n);
        toServer.flush();
      }
    } catch (IOException e) {
      // the client or the target went away
    } finally {
      relay.clientGone = true;
      closeQuietly(upstream);
    }
  }

  private void record(byte[] buffer, int n, ByteArrayOutputStream line, Relay relay) {
    for (int i = 0; i < n; i++) {
      if (buffer[i] == '\n') {
        String text = line.toString(StandardCharsets.UTF_8).replace("\r", "");
        line.reset();
        if (lines.size() < LINE_LIMIT) {
          lines.add(text);
        }
        if (STARTTLS.matcher(text).matches()) {
          relay.starttlsAsked = true;
        }
      } else if (line.size() < 4096) {
        line.write(buffer[i]);
      }
    }
  }

  /** One connection's server-to-client direction, and where the point falls in it. */
  private final class Relay {
    private final MockConnection connection;
    private final OutputStream out;
    private final Point where;
    private final Action what;
    private volatile boolean starttlsAsked;
    private volatile boolean clientGone;
    private long seen;
    private long greetingEnd = -1;
    private boolean done;
    private boolean dripping;
    private boolean truncating;

    Relay(MockConnection connection, Point where, Action what) {
      this.connection = connection;
      this.out = connection.output();
      this.where = where;
      this.what = what;
    }

    /** At {@link Point#ACCEPT}: acts before the target is reached; true when the connection ends. */
    boolean actAtOnce() throws IOException {
      done = true;
      if (what == Action.STALL) {
        drainClient(connection);
        return true;
      }
      return act(new byte[0], 0, 0);
    }

    void serverToClient(InputStream fromServer, Thread pump) throws IOException {
      byte[] buffer = new byte[16 * 1024];
      for (int n; (n = fromServer.read(buffer)) >= 0; ) {
        if (dripping) {
          drip(buffer, 0, n);
          continue;
        }
        if (truncating) {
          truncate(buffer, 0, n);
          return;
        }
        int at = done || where == null ? -1 : trigger(buffer, n);
        if (at < 0) {
          out.write(buffer, 0, n);
          out.flush();
          continue;
        }
        done = true;
        if (what == Action.INJECT) {
          // One write: the injected bytes travel with the go-ahead, as an attacker would send them.
          byte[] joined = new byte[n + inject.length];
          System.arraycopy(buffer, 0, joined, 0, at);
          System.arraycopy(inject, 0, joined, at, inject.length);
          System.arraycopy(buffer, at, joined, at + inject.length, n - at);
          out.write(joined);
          out.flush();
          continue;
        }
        out.write(buffer, 0, at);
        out.flush();
        if (act(buffer, at, n - at)) {
          return;
        }
      }
      out.flush();
    }

    /** Acts on the rest of a chunk at the point; true when the connection is to end now. */
    private boolean act(byte[] rest, int offset, int length) throws IOException {
      switch (what) {
        case DROP -> {
          return true;
        }
        case STALL -> {
          holdUntilClientCloses();
          return true;
        }
        case DRIP -> {
          dripping = true;
          drip(rest, offset, length);
          return false;
        }
        case GARBLE -> {
          out.write(GARBLE);
          out.flush();
          return true;
        }
        case TRUNCATE -> {
          truncating = true;
          if (length > 0) {
            truncate(rest, offset, length);
            return true;
          }
          return false;
        }
        case INJECT -> {
          out.write(inject);
          out.flush();
          out.write(rest, offset, length);
          out.flush();
          return false;
        }
        case FLOOD -> {
          repeat(floodLine);
          return true;
        }
        case ENDLESS_LINE -> {
          byte[] xs = new byte[8192];
          java.util.Arrays.fill(xs, (byte) 'x');
          repeat(xs);
          return true;
        }
        default -> throw new IllegalStateException("unknown action " + what);
      }
    }

    /** The offset in this chunk where the point falls, or -1 if it is not in this chunk. */
    private int trigger(byte[] buffer, int n) {
      long start = seen;
      seen += n;
      switch (where) {
        case GREETING, MID_REPLY -> {
          if (greetingEnd < 0) {
            for (int i = 0; i < n; i++) {
              if (buffer[i] == '\n') {
                greetingEnd = start + i + 1;
                break;
              }
            }
          }
          if (greetingEnd < 0) {
            return -1;
          }
          long at = where == Point.GREETING ? greetingEnd : greetingEnd + 4;
          return at <= seen ? (int) (at - start) : -1;
        }
        case AFTER_BYTES -> {
          long at = afterBytes;
          return at <= seen ? (int) Math.max(0, at - start) : -1;
        }
        case STARTTLS -> {
          if (!starttlsAsked) {
            return -1;
          }
          // The go-ahead is the first whole line the server sends after the command.
          for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
              return i + 1;
            }
          }
          return -1;
        }
        default -> {
          return -1;
        }
      }
    }

    private void drip(byte[] bytes, int offset, int length) throws IOException {
      for (int i = 0; i < length; i++) {
        out.write(bytes[offset + i]);
        out.flush();
        pause(drip);
      }
    }

    private void truncate(byte[] bytes, int offset, int length) throws IOException {
      int end = offset;
      while (end < offset + length && bytes[end] != '\r' && bytes[end] != '\n') {
        end++;
      }
      out.write(bytes, offset, end - offset);
      out.flush();
    }

    private void repeat(byte[] unit) throws IOException {
      long sent = 0;
      long limit = floodLimit;
      while (sent < limit && !clientGone && isRunning()) {
        out.write(unit);
        sent += unit.length;
      }
      out.flush();
    }

    private void holdUntilClientCloses() throws InterruptedIOException {
      while (!clientGone && isRunning()) {
        pause(Duration.ofMillis(20));
      }
    }
  }

  /** Reads and drops what the client sends until it closes or the proxy stops. */
  private void drainClient(MockConnection connection) {
    byte[] sink = new byte[1024];
    while (isRunning()) {
      try {
        if (connection.input().read(sink, 0, sink.length) < 0) {
          return;
        }
      } catch (NetTimeoutException e) {
        // a silent client: keep holding
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void pause(Duration delay) throws InterruptedIOException {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is best effort
    }
  }
}
