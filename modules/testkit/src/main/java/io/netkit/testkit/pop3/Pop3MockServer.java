package io.netkit.testkit.pop3;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.Fault;
import io.netkit.testkit.FaultProxy;
import io.netkit.testkit.internal.GreenMailEngine;
import io.netkit.testkit.internal.MailMessages;
import io.netkit.testkit.internal.ProxiedGreenMailServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
public final class Pop3MockServer extends ProxiedGreenMailServer {
  private final Credentials account;
  private final String address;
  private final List<MimeMessage> pending = new ArrayList<>();
  private GreenMailUser user;

  /** A server whose one mailbox belongs to {@code user} with {@code password}. */
  public Pop3MockServer(String user, String password) {
    super(Protocol.POP3, ServerSetup.PROTOCOL_POP3, ServerSetup.PROTOCOL_SMTP);
    this.account = new Credentials(user, password);
    this.address = user.contains("@") ? user : user + "@localhost";
  }

  /** The account the mailbox belongs to (for {@code endpoint().withCredentials(...)}). */
  public Credentials account() {
    return account;
  }

  /** Adds a message from its raw bytes (an RFC 5322 message, headers first). */
  public synchronized Pop3MockServer message(byte[] raw) {
    return message(MailMessages.parse(raw));
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
      return message(MailMessages.parse(in));
    }
  }

  /**
   * Adds every {@code .eml} file directly in {@code directory}, in name order (which becomes their
   * message numbers).
   *
   * @throws IOException when the directory or a file cannot be read
   */
  public Pop3MockServer emlFiles(Path directory) throws IOException {
    for (Path file : MailMessages.emlFiles(directory)) {
      eml(file);
    }
    return this;
  }

  /** How many messages the mailbox holds now (deleted ones leave at QUIT). */
  public synchronized int messageCount() {
    GreenMail greenMail = engine();
    if (greenMail == null) {
      return pending.size();
    }
    return greenMail.getReceivedMessages().length;
  }

  @Override
  protected void started(GreenMailEngine engine) {
    user = engine.setUser(address, account.user(), account.password());
    pending.forEach(user::deliver);
    pending.clear();
  }

  /**
   * The port of the SMTP listener that runs beside the POP3 one (GreenMail's SMTP, a free port):
   * mail sent there to {@link #address()} lands in this mailbox, so a test can send with SMTP and
   * read back with POP3.
   *
   * @throws IllegalStateException when not started
   */
  public int smtpPort() {
    return enginePort(ServerSetup.PROTOCOL_SMTP);
  }

  /** The mailbox's address: the user name, with {@code @localhost} when it has no domain. */
  public String address() {
    return address;
  }

  @Override
  public synchronized void stop() {
    super.stop();
    user = null;
  }
}
