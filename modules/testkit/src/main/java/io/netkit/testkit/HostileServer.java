package io.netkit.testkit;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.transport.TcpConnection;
import io.netkit.core.transport.TcpServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A scripted server that lies on purpose, for hostile-server tests of any line protocol: it
 * optionally sends a first line (a greeting), answers every client line with a fixed reply, and
 * then misbehaves as its {@link Behaviour} says. It records what clients sent ({@link
 * #clientLines()}), so a test can assert that nothing (no injected command, no credential) got
 * out.
 *
 * <pre>{@code
 * try (HostileServer server = HostileServer.start(
 *     HostileServer.Behaviour.FLOOD, "220-welcome\r\n", null, "220-again\r\n")) {
 *   assertThrows(NetException.class, () -> client.connect(server.endpoint()));
 * }
 * }</pre>
 *
 * <p>Floods and endless lines stop after 64 MiB or when the client closes; drips send a byte every
 * 50 ms forever. Thread-safe; {@link #close()} closes every connection.
 */
public final class HostileServer implements AutoCloseable {
  /** What the server does. */
  public enum Behaviour {
    /** Accepts and never sends a byte. */
    SILENT,
    /** Sends the payload one byte every 50 ms, again and again, never ending a line. */
    DRIP,
    /** Sends the greeting, then the payload (a short line) forever. */
    FLOOD,
    /** Sends the greeting, then {@code x} forever with no line end. */
    ENDLESS_LINE,
    /** Sends the payload once instead of (or after) the greeting, then closes. */
    ONCE,
    /** Sends the greeting, then answers every client line with the payload (a polite server). */
    ANSWER,
    /** Sends the greeting, then answers each client line as {@link #converse} was told. */
    CONVERSE
  }

  private static final long LIMIT = 64L << 20;
  /** Ends a {@link #closeAfter} answer: a char beyond ISO-8859-1, so no answer holds it. */
  private static final String CLOSE_MARK = "\uFFFF";

  private final TcpServer server;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Behaviour behaviour;
  private final byte[] greeting;
  private final byte[] afterRequest;
  private final byte[] payload;
  private final Function<String, String> answers;

  private HostileServer(Behaviour behaviour, String greeting, String afterRequest, String payload,
      SSLContext tls) throws IOException {
    this(behaviour, greeting, afterRequest, payload, tls, null);
  }

  private HostileServer(Behaviour behaviour, String greeting, String afterRequest, String payload,
      SSLContext tls, Function<String, String> answers) throws IOException {
    this.answers = answers;
    this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
    this.greeting = bytes(greeting);
    this.afterRequest = bytes(afterRequest);
    this.payload = bytes(payload);
    this.server = TcpServer.builder()
        .bind(Endpoint.loopback(0))
        .name("hostile-server")
        .options(NetOptions.builder().readTimeout(Duration.ofSeconds(30)).build())
        .tls(tls)
        .handler(this::serve)
        .start();
  }

  /**
   * Starts on a free loopback port. {@code greeting} is sent first (null: the client speaks first,
   * as in HTTP or Gopher: the server then waits for one line and sends {@code afterRequest}, null
   * for nothing); {@code payload} is what the behaviour sends (ISO-8859-1, any byte).
   */
  public static HostileServer start(Behaviour behaviour, String greeting, String afterRequest,
      String payload) throws IOException {
    return new HostileServer(behaviour, greeting, afterRequest, payload, null);
  }

  /** The same, serving implicit TLS with {@code tls} (a server context, e.g. a bad certificate). */
  public static HostileServer startTls(Behaviour behaviour, String greeting, String afterRequest,
      String payload, SSLContext tls) throws IOException {
    return new HostileServer(behaviour, greeting, afterRequest, payload, Objects.requireNonNull(tls));
  }

  /**
   * A scripted conversation: sends {@code greeting}, then for each client line sends what {@code
   * answer} returns for it (ISO-8859-1, line ends included). What it returns decides what follows:
   *
   * <ul>
   *   <li>a text: it is sent, and the next line is read;
   *   <li>{@code ""}: nothing is sent (the server stays silent), and the next line is read;
   *   <li>{@link #closeAfter closeAfter(text)}: the text is sent, then the connection closes (a
   *       reply cut short by a close, or a polite answer to QUIT);
   *   <li>null: the connection closes without an answer.
   * </ul>
   *
   * <p>For STARTTLS tests: answer the go-ahead followed by injected plaintext, or by bytes that are
   * no TLS handshake, or refuse it, then assert on {@link #clientLines()}. For length lies:
   *
   * <pre>{@code
   * HostileServer.converse("+OK hi\r\n", line -> line.startsWith("RETR")
   *     ? HostileServer.closeAfter("+OK 5000 octets\r\nonly part of it\r\n")
   *     : "+OK\r\n");
   * }</pre>
   *
   * <p>Each connection runs the conversation from its greeting, on its own thread.
   */
  public static HostileServer converse(String greeting, Function<String, String> answer)
      throws IOException {
    return new HostileServer(Behaviour.CONVERSE, Objects.requireNonNull(greeting, "greeting"), null,
        null, null, Objects.requireNonNull(answer, "answer"));
  }

  /**
   * For a {@link #converse} answer function to return: {@code answer} is sent, then the server
   * closes the connection (other connections go on). Return the value as it is: it is {@code
   * answer} with a marker appended (U+FFFF, which no ISO-8859-1 answer can hold and which is never
   * sent), so text added after it is no longer such an answer.
   */
  public static String closeAfter(String answer) {
    return Objects.requireNonNull(answer, "answer") + CLOSE_MARK;
  }

  /** Where clients connect. */
  public Endpoint endpoint() {
    return Endpoint.of("127.0.0.1", server.port());
  }

  /** The port listened on. */
  public int port() {
    return server.port();
  }

  /** Connections accepted so far. */
  public int acceptedCount() {
    return server.acceptedCount();
  }

  /** The lines clients sent, oldest first, without line ends. */
  public List<String> clientLines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    server.close();
  }

  private void serve(TcpConnection c) throws IOException {
    OutputStream out = c.output();
    if (behaviour == Behaviour.SILENT) {
      drain(c);
      return;
    }
    if (behaviour == Behaviour.DRIP) {
      drip(c, out);
      return;
    }
    if (greeting != null) {
      out.write(greeting);
      out.flush();
    } else {
      String request = readLine(c);
      if (request == null) {
        return;
      }
      if (afterRequest != null) {
        out.write(afterRequest);
        out.flush();
      }
    }
    switch (behaviour) {
      case FLOOD -> repeat(out, payload);
      case ENDLESS_LINE -> {
        byte[] xs = new byte[8192];
        java.util.Arrays.fill(xs, (byte) 'x');
        repeat(out, xs);
      }
      case ONCE -> {
        out.write(payload == null ? new byte[0] : payload);
        out.flush();
      }
      case CONVERSE -> {
        for (String line; (line = readLine(c)) != null; ) {
          String reply = answers.apply(line);
          if (reply == null) {
            return;
          }
          boolean last = reply.endsWith(CLOSE_MARK);
          out.write((last ? reply.substring(0, reply.length() - CLOSE_MARK.length()) : reply)
              .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          if (last) {
            return;
          }
        }
      }
      case ANSWER -> {
        for (String line; (line = readLine(c)) != null; ) {
          out.write(payload == null ? new byte[0] : payload);
          out.flush();
        }
      }
      default -> throw new IllegalStateException("unexpected " + behaviour);
    }
  }

  private String readLine(TcpConnection c) throws IOException {
    String line;
    try {
      line = c.input().readLine();
    } catch (NetTimeoutException e) {
      return null;
    }
    if (line != null) {
      lines.add(line);
    }
    return line;
  }

  private void drip(TcpConnection c, OutputStream out) throws IOException {
    byte[] unit = payload == null || payload.length == 0 ? new byte[] {'x'} : payload;
    for (long i = 0; i < LIMIT; i++) {
      out.write(unit[(int) (i % unit.length)]);
      out.flush();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("stopped");
      }
    }
  }

  private static void repeat(OutputStream out, byte[] unit) throws IOException {
    if (unit == null || unit.length == 0) {
      return;
    }
    for (long sent = 0; sent < LIMIT; sent += unit.length) {
      out.write(unit);
    }
    out.flush();
  }

  private void drain(TcpConnection c) {
    byte[] sink = new byte[1024];
    while (true) {
      try {
        if (c.input().read(sink, 0, sink.length) < 0) {
          return;
        }
      } catch (NetTimeoutException e) {
        return;
      } catch (IOException e) {
        return;
      }
    }
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
