package io.netkit.testkit.smtp;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.transport.TcpConnection;
import io.netkit.core.transport.TcpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A small SMTP server on the core's {@link TcpServer} whose every answer is scripted, for what
 * GreenMail cannot do: STARTTLS (offered or not), implicit TLS with a test certificate, chosen
 * EHLO extensions ({@code SIZE}, {@code 8BITMIME}, {@code SMTPUTF8}, {@code DSN}), AUTH PLAIN,
 * LOGIN and XOAUTH2 against one account, per-recipient replies, and a server that stops reading
 * in the middle of DATA. It records every command line it received (with whether TLS was on) and
 * the exact bytes of every DATA section as they came over the wire, dot-stuffing and line ends
 * included, so a test can check what a client really sent.
 *
 * <pre>{@code
 * try (ScriptedSmtpServer smtp = ScriptedSmtpServer.builder().extensions("SIZE 1000").start()) {
 *   ... send to smtp.endpoint() ...
 *   ScriptedSmtpServer.Data data = smtp.takeData(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Only loopback. Thread-safe: each connection is served on its own thread.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
  /** One command line as received, and whether the connection was under TLS then. */
  public record Command(String line, boolean tls) {}

  /** One DATA section: its envelope and its bytes as sent, up to (not including) the final dot line. */
  public record Data(String from, List<String> recipients, byte[] wire) {
    /** The wire bytes as text (ISO-8859-1, so every byte is one char). */
    public String wireText() {
      return new String(wire, StandardCharsets.ISO_8859_1);
    }
  }

  private final Builder config;
  private final TcpServer server;
  private final List<Command> commands = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Data> data = new LinkedBlockingQueue<>();
  private volatile int queued;

  private ScriptedSmtpServer(Builder config) throws IOException {
    this.config = config;
    TcpServer.Builder b =
        TcpServer.builder()
            .bind(Endpoint.loopback(0))
            .name("smtp-scripted")
            .options(NetOptions.builder().readTimeout(config.readTimeout).build())
            .handler(this::serve);
    if (config.implicitTls != null) {
      b.tls(config.implicitTls);
    }
    server = b.start();
  }

  /** A builder with no extensions, no TLS and no account. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where clients connect. */
  public Endpoint endpoint() {
    return server.endpoint();
  }

  /** The port. */
  public int port() {
    return server.port();
  }

  /** Every command line received so far, in order, over all connections. */
  public List<Command> commands() {
    return List.copyOf(commands);
  }

  /** The next DATA section received, waiting at most {@code timeout}; null when none came. */
  public Data takeData(Duration timeout) throws InterruptedException {
    return data.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Connections accepted so far. */
  public int connections() {
    return server.acceptedCount();
  }

  @Override
  public void close() {
    server.close();
  }

  private void serve(TcpConnection c) throws IOException {
    Session s = new Session(c);
    s.reply(config.greeting);
    String line;
    while ((line = c.readLine()) != null) {
      commands.add(new Command(line, s.tls));
      if (!s.handle(line)) {
        return;
      }
    }
  }

  private final class Session {
    private TcpConnection c;
    private boolean tls = config.implicitTls != null;
    private String from;
    private final List<String> recipients = new ArrayList<>();

    Session(TcpConnection c) {
      this.c = c;
    }

    void reply(String text) throws IOException {
      c.output().write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
      c.output().flush();
    }

    /** Handles one command; false ends the connection. */
    boolean handle(String line) throws IOException {
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO")) {
        List<String> ext = new ArrayList<>(config.extensions);
        if (config.startTls != null && !tls) {
          ext.add("STARTTLS");
        }
        if (config.user != null) {
          ext.add("AUTH PLAIN LOGIN XOAUTH2");
        }
        StringBuilder r = new StringBuilder("250");
        r.append(ext.isEmpty() ? " " : "-").append("scripted.test");
        for (int i = 0; i < ext.size(); i++) {
          r.append("\r\n250").append(i == ext.size() - 1 ? " " : "-").append(ext.get(i));
        }
        reply(r.toString());
      } else if (upper.startsWith("HELO")) {
        reply("250 scripted.test");
      } else if (upper.equals("STARTTLS") && config.startTls != null && !tls) {
        reply("220 2.0.0 ready to start TLS" + config.injectAfterGoAhead);
        c.startTlsAsServer(config.startTls);
        tls = true;
      } else if (upper.startsWith("AUTH ") && config.user != null) {
        auth(line);
      } else if (upper.startsWith("MAIL FROM:")) {
        from = line.substring(10).trim();
        recipients.clear();
        reply(config.mailReply);
      } else if (upper.startsWith("RCPT TO:")) {
        String address = line.substring(8).trim();
        String answer = config.rcptReply.apply(address);
        if (answer.startsWith("2")) {
          recipients.add(address);
        }
        reply(answer);
      } else if (upper.equals("DATA")) {
        reply("354 end data with <CR><LF>.<CR><LF>");
        if (config.stallInData) {
          stall();
          return false;
        }
        byte[] wire = readData(c.input());
        data.add(new Data(from, List.copyOf(recipients), wire));
        reply(config.dataReply.replace("{n}", Integer.toString(++queued)));
      } else if (upper.equals("RSET") || upper.equals("NOOP")) {
        reply("250 2.0.0 ok");
      } else if (upper.equals("QUIT")) {
        reply("221 2.0.0 bye");
        return false;
      } else {
        reply("502 5.5.2 command not recognized");
      }
      return true;
    }

    private void auth(String line) throws IOException {
      String[] parts = line.split(" ");
      String mech = parts[1].toUpperCase(Locale.ROOT);
      boolean ok;
      if (mech.equals("PLAIN")) {
        String blob = parts.length > 2 ? parts[2] : challenge("");
        String[] fields = decode(blob).split("\0", -1);
        ok = fields.length == 3 && fields[1].equals(config.user) && fields[2].equals(config.password);
      } else if (mech.equals("LOGIN")) {
        String user = decode(challenge("VXNlcm5hbWU6"));
        String password = decode(challenge("UGFzc3dvcmQ6"));
        ok = user.equals(config.user) && password.equals(config.password);
      } else if (mech.equals("XOAUTH2")) {
        String blob = parts.length > 2 ? parts[2] : challenge("");
        ok = decode(blob).equals("user=" + config.user + "\1auth=Bearer " + config.password + "\1\1");
        if (!ok) {
          challenge(Base64.getEncoder().encodeToString("{\"status\":\"401\"}".getBytes(StandardCharsets.UTF_8)));
        }
      } else {
        reply("504 5.5.4 unrecognized authentication type");
        return;
      }
      reply(ok ? "235 2.7.0 authentication successful" : "535 5.7.8 authentication credentials invalid");
    }

    private String challenge(String text) throws IOException {
      reply("334 " + text);
      String answer = c.readLine();
      commands.add(new Command(answer == null ? "" : answer, tls));
      return answer == null ? "" : answer;
    }

    private void stall() {
      try {
        Thread.sleep(config.stallFor.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String decode(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return "";
    }
  }

  /** Reads raw bytes up to CRLF.CRLF (a DATA section that starts with ".\r\n" is empty). */
  static byte[] readData(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] end = {'\r', '\n', '.', '\r', '\n'};
    int matched = 2; // the start of the section counts as after a CRLF
    int b;
    while ((b = in.read()) >= 0) {
      out.write(b);
      if (b == end[matched]) {
        matched++;
        if (matched == end.length) {
          byte[] all = out.toByteArray();
          int keep = Math.max(0, all.length - 3); // drop ".\r\n", keep the CRLF before it
          byte[] wire = new byte[keep];
          System.arraycopy(all, 0, wire, 0, keep);
          return wire;
        }
      } else {
        matched = b == '\r' ? 1 : 0;
      }
    }
    throw new IOException("connection closed inside DATA");
  }

  /** Configures a {@link ScriptedSmtpServer}. Not thread-safe. */
  public static final class Builder {
    private String greeting = "220 scripted.test ESMTP";
    private final List<String> extensions = new ArrayList<>();
    private SSLContext startTls;
    private SSLContext implicitTls;
    private String user;
    private String password;
    private String mailReply = "250 2.1.0 sender ok";
    private Function<String, String> rcptReply = address -> "250 2.1.5 recipient ok";
    private String dataReply = "250 2.0.0 Ok: queued as Q{n}";
    private boolean stallInData;
    private Duration stallFor = Duration.ofSeconds(30);
    private Duration readTimeout = Duration.ofSeconds(30);
    private String injectAfterGoAhead = "";

    private Builder() {}

    /**
     * Sends {@code lines} in plain text right after the STARTTLS go-ahead, in the same write, as a
     * man in the middle would (CVE-2011-0411): a client must never take them for replies.
     */
    public Builder injectAfterStartTlsGoAhead(String... lines) {
      StringBuilder b = new StringBuilder();
      for (String line : lines) {
        b.append("\r\n").append(line);
      }
      injectAfterGoAhead = b.toString();
      return this;
    }

    /** The greeting line, {@code 220 scripted.test ESMTP} by default. */
    public Builder greeting(String line) {
      greeting = Objects.requireNonNull(line, "line");
      return this;
    }

    /** EHLO extension lines, e.g. {@code "SIZE 1000"}, {@code "8BITMIME"}, {@code "SMTPUTF8"}. */
    public Builder extensions(String... lines) {
      extensions.addAll(List.of(lines));
      return this;
    }

    /** Offers STARTTLS, upgrading with this server context. */
    public Builder startTls(SSLContext serverContext) {
      startTls = Objects.requireNonNull(serverContext, "serverContext");
      return this;
    }

    /** Speaks TLS from the first byte with this server context. */
    public Builder implicitTls(SSLContext serverContext) {
      implicitTls = Objects.requireNonNull(serverContext, "serverContext");
      return this;
    }

    /** Offers AUTH PLAIN, LOGIN and XOAUTH2 (whose token is {@code password}) for one account. */
    public Builder account(String name, String secret) {
      user = Objects.requireNonNull(name, "name");
      password = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /** The reply to MAIL FROM. */
    public Builder mailReply(String line) {
      mailReply = Objects.requireNonNull(line, "line");
      return this;
    }

    /** The reply to each RCPT TO, from its argument ({@code <bob@example.org>}). */
    public Builder rcptReply(Function<String, String> replies) {
      rcptReply = Objects.requireNonNull(replies, "replies");
      return this;
    }

    /** The reply to the end of DATA; {@code {n}} becomes a counter. */
    public Builder dataReply(String line) {
      dataReply = Objects.requireNonNull(line, "line");
      return this;
    }

    /** After {@code 354}, stops reading for {@code pause} (the client's writes must time out). */
    public Builder stallInData(Duration pause) {
      stallInData = true;
      stallFor = Objects.requireNonNull(pause, "pause");
      return this;
    }

    /** How long the server waits for a client line (default 30 s). */
    public Builder readTimeout(Duration timeout) {
      readTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Starts the server on a free loopback port. */
    public ScriptedSmtpServer start() throws IOException {
      return new ScriptedSmtpServer(this);
    }
  }
}
