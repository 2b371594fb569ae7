package io.netkit.testkit.pop3;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.Protocol;
import io.netkit.testkit.Fault;
import io.netkit.testkit.FaultProxy;
import io.netkit.testkit.MockServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * An in-process POP3 server for tests: GreenMail's POP3 server on 127.0.0.1 (a free port unless
 * told otherwise), in testkit's common shape, with one mailbox seeded from messages given in code
 * or {@code .eml} files.
 *
 * <pre>{@code
 * try (Pop3MockServer pop3 = new Pop3MockServer("alice", "secret")
 *     .message("Subject: hi\r\n\r\nhello\r\n")) {
 *   pop3.start();
 *   client.connect(pop3.endpoint().withCredentials(pop3.account()));
 * }
 * }</pre>
 *
 * <p>An SMTP listener runs beside it ({@link #smtpPort()}): mail sent there to {@link
 * #address()} is delivered into the same mailbox.
 *
 * <p>What GreenMail's POP3 is: CAPA (UIDL and SASL PLAIN XOAUTH2; XOAUTH2 takes the password as
 * the token), USER/PASS, AUTH PLAIN, STAT, LIST, UIDL, RETR, TOP, DELE (applied at QUIT), RSET,
 * NOOP, QUIT. It has no STLS, no APOP and no response codes: test those against a real server or
 * a scripted one. It serves messages as Jakarta Mail writes them (CRLF line ends; a parsed
 * message's bytes may differ slightly from the file it came from).
 *
 * <p>Faults: every {@link Fault}, and the named points of {@link #proxy()}: clients reach
 * GreenMail through a {@link FaultProxy} on {@link #port()} (GreenMail listens on a free port of
 * its own), which misbehaves on request.
 * Messages may be added before or after {@link #start}; they are delivered when the server starts
 * (or at once when it runs). Thread-safe as GreenMail is.
 */
public final class Pop3MockServer implements MockServer {
  private final Credentials account;
  private final String address;
  private final List<MimeMessage> pending = new ArrayList<>();
  private GreenMail greenMail;
  private GreenMailUser user;
  private volatile int enginePort;
  private final FaultProxy proxy = new FaultProxy(Protocol.POP3, this::engineEndpoint);

  /** A server whose one mailbox belongs to {@code user} with {@code password}. */
  public Pop3MockServer(String user, String password) {
    this.account = new Credentials(user, password);
    this.address = user.contains("@") ? user : user + "@localhost";
  }

  /** The account the mailbox belongs to (for {@code endpoint().withCredentials(...)}). */
  public Credentials account() {
    return account;
  }

  /** Adds a message from its raw bytes (an RFC 5322 message, headers first). */
  public synchronized Pop3MockServer message(byte[] raw) {
    return message(parse(new ByteArrayInputStream(raw)));
  }

  /** Adds a message from text (UTF-8). */
  public Pop3MockServer message(String raw) {
    return message(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Adds a Jakarta Mail message. */
  public synchronized Pop3MockServer message(MimeMessage message) {
    Objects.requireNonNull(message, "message");
    if (user != null) {
      user.deliver(message);
    } else {
      pending.add(message);
    }
    return this;
  }

  /**
   * Adds one {@code .eml} file.
   *
   * @throws IOException when it cannot be read
   */
  public Pop3MockServer eml(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return message(parse(in));
    }
  }

  /**
   * Adds every {@code .eml} file directly in {@code directory}, in name order (which becomes their
   * message numbers).
   *
   * @throws IOException when the directory or a file cannot be read
   */
  public Pop3MockServer emlFiles(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
    for (Path file : files) {
      eml(file);
    }
    return this;
  }

  /** How many messages the mailbox holds now (deleted ones leave at QUIT). */
  public synchronized int messageCount() {
    if (greenMail == null) {
      return pending.size();
    }
    return greenMail.getReceivedMessages().length;
  }

  @Override
  public Protocol protocol() {
    return Protocol.POP3;
  }

  @Override
  public synchronized void start(int port) throws IOException {
    if (greenMail != null) {
      throw new IllegalStateException("already started");
    }
    GreenMail server = new GreenMail(new ServerSetup[] {
        new ServerSetup(0, host(), ServerSetup.PROTOCOL_POP3).dynamicPort(),
        new ServerSetup(0, host(), ServerSetup.PROTOCOL_SMTP)});
    try {
      server.start();
    } catch (RuntimeException e) {
      server.stop();
      throw new IOException("cannot start the POP3 mock on " + host() + ":" + port + ": " + e.getMessage(), e);
    }
    greenMail = server;
    user = server.setUser(address, account.user(), account.password());
    pending.forEach(user::deliver);
    pending.clear();
    enginePort = greenMail.getPop3().getPort();
    try {
      proxy.start(port);
    } catch (IOException | RuntimeException e) {
      stop();
      throw new IOException("cannot start the POP3 mock on " + host() + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /**
   * The fault proxy in front of GreenMail, for faults at a named point (after the greeting, mid
   * reply, after N bytes) and for what clients sent ({@link FaultProxy#clientLines()}).
   */
  public FaultProxy proxy() {
    return proxy;
  }

  /** Where the proxy connects; not synchronized, so that stop() cannot wait on a relay thread. */
  private Endpoint engineEndpoint() {
    int port = enginePort;
    if (port <= 0) {
      throw new IllegalStateException("not started");
    }
    return Endpoint.of(host(), port);
  }

  @Override
  public synchronized boolean isRunning() {
    return greenMail != null;
  }

  @Override
  public synchronized int port() {
    if (greenMail == null) {
      throw new IllegalStateException("not started");
    }
    return proxy.port();
  }

  /**
   * The port of the SMTP listener that runs beside the POP3 one (GreenMail's SMTP, a free port):
   * mail sent there to {@link #address()} lands in this mailbox, so a test can send with SMTP and
   * read back with POP3.
   *
   * @throws IllegalStateException when not started
   */
  public synchronized int smtpPort() {
    if (greenMail == null) {
      throw new IllegalStateException("not started");
    }
    return greenMail.getSmtp().getPort();
  }

  /** The mailbox's address: the user name, with {@code @localhost} when it has no domain. */
  public String address() {
    return address;
  }

  /** Applied by the {@link #proxy()} to connections accepted from now on. */
  @Override
  public void fault(Fault fault) {
    proxy.fault(Objects.requireNonNull(fault, "fault"));
  }

  @Override
  public synchronized void stop() {
    proxy.stop();
    enginePort = 0;
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
      user = null;
    }
  }

  private static MimeMessage parse(InputStream in) {
    try {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("not a mail message: " + e.getMessage(), e);
    }
  }
}
