package io.netkit.testkit.imap;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import io.netkit.core.Credentials;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.Protocol;
import io.netkit.testkit.AbstractMockServer;
import io.netkit.testkit.MockConnection;
import io.netkit.testkit.internal.GreenMailEngine;
import io.netkit.testkit.internal.MailMessages;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process IMAP server for tests: GreenMail's IMAP server (IDLE, MOVE, UIDPLUS, LITERAL+) with
 * one account, behind a relay on netkit's own TCP server, so that it has testkit's common shape
 * and every {@link io.netkit.testkit.Fault} (GreenMail alone cannot misbehave). Clients connect to
 * the relay on 127.0.0.1 ({@link #port()}; a free port unless told otherwise), which passes bytes
 * both ways to GreenMail on a port of its own and applies the fault on the way back: {@code STALL}
 * never greets, {@code GARBAGE_REPLY} and {@code OVERLONG_LINE} replace the greeting, {@code
 * DISCONNECT_MID_RESPONSE} cuts after {@link #cutAfterBytes(long)} bytes of the server's output,
 * {@code DRIP} sends it a byte at a time. Implicit TLS (imaps) with {@link #tls}.
 *
 * <pre>{@code
 * try (ImapMockServer imap = new ImapMockServer("alice", "secret")
 *     .message("Subject: hi\r\n\r\nhello\r\n").folder("Archive")) {
 *   imap.start();
 *   client.connect(imap.endpoint().withCredentials(imap.account()));
 * }
 * }</pre>
 *
 * <p>GreenMail has no STARTTLS and no special-use attributes; it stores messages parsed, so bytes
 * fetched back may differ slightly (header folding) from the file seeded: test byte identity
 * against a real server. {@link #clientLines()} records what clients sent (for "nothing was sent"
 * checks), the first {@value #LINE_LIMIT} lines. Messages and folders may be added before or
 * after {@link #start}. Thread-safe.
 */
public final class ImapMockServer extends AbstractMockServer {
  static final int LINE_LIMIT = 10_000;

  private final Credentials account;
  private final String address;
  private final List<Seed> pending = new ArrayList<>();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private volatile java.util.Set<String> hidden = java.util.Set.of();
  private GreenMailEngine greenMail;
  private GreenMailUser user;

  private record Seed(String folder, MimeMessage message, Flags flags, Date date) {}

  /** A server whose one account is {@code user} with {@code password}, with an empty INBOX. */
  public ImapMockServer(String user, String password) {
    super(Protocol.IMAP, "imap-mock");
    this.account = new Credentials(user, password);
    this.address = user.contains("@") ? user : user + "@localhost";
    readTimeout(java.time.Duration.ofMinutes(30)); // IDLE clients are silent for long
  }

  /** The account (for {@code endpoint().withCredentials(...)}). */
  public Credentials account() {
    return account;
  }

  /** Adds a message to INBOX from its raw bytes (an RFC 5322 message, headers first). */
  public ImapMockServer message(byte[] raw) {
    return message("INBOX", raw, new Flags(), null);
  }

  /** Adds a message to INBOX from text (UTF-8). */
  public ImapMockServer message(String raw) {
    return message(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds a message to {@code folder} (created if missing) with flags and an internal date. */
  public synchronized ImapMockServer message(String folder, byte[] raw, Flags flags, Date date) {
    Seed seed = new Seed(folder, MailMessages.parse(raw), new Flags(flags), date == null ? new Date() : date);
    if (user != null) {
      seed(seed);
    } else {
      pending.add(seed);
    }
    return this;
  }

  /** Adds every {@code .eml} file directly in {@code directory} to INBOX, in name order. */
  public ImapMockServer emlFiles(Path directory) throws IOException {
    for (Path file : MailMessages.emlFiles(directory)) {
      message(Files.readAllBytes(file));
    }
    return this;
  }

  /** Creates a folder (and its parents); GreenMail's separator is {@code .}. */
  public synchronized ImapMockServer folder(String name) {
    if (user != null) {
      folderNamed(name);
    } else {
      pending.add(new Seed(name, null, null, null));
    }
    return this;
  }

  /** The account's mail address: mail sent to it on {@link #smtpPort()} lands in its INBOX. */
  public String address() {
    return address;
  }

  /**
   * The port of the SMTP listener beside the IMAP server (plain SMTP, no login): mail sent there
   * to {@link #address()} is delivered to INBOX, as a real MTA would, so IDLE clients see it.
   */
  public synchronized int smtpPort() {
    requireRunning();
    return greenMail.port(ServerSetup.PROTOCOL_SMTP);
  }

  /** The messages of a folder now, as GreenMail holds them (expunged ones gone). */
  public synchronized List<MimeMessage> messages(String folder) {
    requireRunning();
    MailFolder f = hosts().getFolder(user, folder);
    if (f == null) {
      return List.of();
    }
    List<MimeMessage> out = new ArrayList<>();
    for (StoredMessage m : f.getMessages()) {
      out.add(m.getMimeMessage());
    }
    return out;
  }

  /** The flags of each message of a folder now, in UID order. */
  public synchronized List<Flags> flags(String folder) {
    requireRunning();
    MailFolder f = hosts().getFolder(user, folder);
    List<Flags> out = new ArrayList<>();
    if (f != null) {
      for (StoredMessage m : f.getMessages()) {
        out.add(m.getFlags());
      }
    }
    return out;
  }

  /**
   * Leaves these capabilities out of what the server announces (e.g. {@code "IDLE"}, {@code
   * "MOVE"}, {@code "UIDPLUS"}), so clients can be tested against a server without them. The
   * commands still work if a client sends them anyway.
   */
  public ImapMockServer hideCapabilities(String... names) {
    java.util.Set<String> upper = new java.util.HashSet<>();
    for (String name : names) {
      upper.add(name.toUpperCase(Locale.ROOT));
    }
    hidden = java.util.Set.copyOf(upper);
    return this;
  }

  /** The lines clients sent through the relay, oldest first (literal bytes included as lines). */
  public List<String> clientLines() {
    return List.copyOf(lines);
  }

  @Override
  public synchronized void start(int port) throws IOException {
    if (greenMail != null) {
      throw new IllegalStateException("already started");
    }
    GreenMailEngine server = GreenMailEngine.start("the IMAP mock", greenMail -> {},
        ServerSetup.PROTOCOL_IMAP, ServerSetup.PROTOCOL_SMTP);
    greenMail = server;
    user = server.setUser(address, account.user(), account.password());
    try {
      pending.forEach(this::seed);
      pending.clear();
      super.start(port);
    } catch (IOException | RuntimeException e) {
      stop();
      throw e;
    }
  }

  @Override
  public synchronized void stop() {
    super.stop();
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
      user = null;
    }
  }

  @Override
  protected void serve(MockConnection connection) throws IOException {
    int upstreamPort;
    synchronized (this) {
      if (greenMail == null) {
        return;
      }
      upstreamPort = greenMail.port(ServerSetup.PROTOCOL_IMAP);
    }
    try (Socket upstream = new Socket()) {
      upstream.setTcpNoDelay(true); // commands that wait for a reply: no Nagle delay
      upstream.connect(new InetSocketAddress(host(), upstreamPort), 5_000);
      InputStream fromServer = upstream.getInputStream();
      OutputStream toServer = upstream.getOutputStream();
      Thread pump = new Thread(() -> clientToServer(connection, toServer, upstream), "imap-mock-relay");
      pump.setDaemon(true);
      pump.start();
      OutputStream toClient = connection.output();
      byte[] buffer = new byte[16 * 1024];
      ByteArrayOutputStream pendingLine = new ByteArrayOutputStream();
      for (int n; (n = fromServer.read(buffer)) >= 0; ) {
        if (hidden.isEmpty()) {
          toClient.write(buffer, 0, n);
        } else {
          rewrite(buffer, n, pendingLine, toClient);
        }
        toClient.flush();
      }
    } catch (java.net.SocketException e) {
      // one side closed: the conversation is over
    }
  }

  /** Copies what the client sends to GreenMail, recording its lines; closes upstream at the end. */
  private void clientToServer(MockConnection connection, OutputStream toServer, Socket upstream) {
    byte[] buffer = new byte[16 * 1024];
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      while (true) {
        int n;
        try {
          n = connection.input().read(buffer, 0, buffer.length);
        } catch (NetTimeoutException e) {
          continue; // a client in IDLE is silent for long
        }
        if (n < 0) {
          return;
        }
        toServer.write(buffer, 0, n);
        toServer.flush();
        record(buffer, n, line);
      }
    } catch (IOException e) {
      // the client or the server went away
    } finally {
      try {
        upstream.close();
      } catch (IOException ignored) {
        // closing wakes the other direction
      }
    }
  }

  /** Passes whole lines on, with the hidden capabilities taken out of CAPABILITY lists. */
  private void rewrite(byte[] buffer, int n, ByteArrayOutputStream line, OutputStream out)
      throws IOException {
    for (int i = 0; i < n; i++) {
      line.write(buffer[i]);
      if (buffer[i] == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        line.reset();
        if (text.toUpperCase(Locale.ROOT).contains("CAPABILITY ")) {
          for (String name : hidden) {
            text = text.replaceAll(
                "(?i) " + java.util.regex.Pattern.quote(name) + "(?=[ \\]\r\n])", "");
          }
        }
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      }
    }
  }

  private void record(byte[] buffer, int n, ByteArrayOutputStream line) {
    for (int i = 0; i < n; i++) {
      if (buffer[i] == '\n') {
        if (lines.size() < LINE_LIMIT) {
          lines.add(line.toString(StandardCharsets.UTF_8).replace("\r", ""));
        }
        line.reset();
      } else if (line.size() < 4096) {
        line.write(buffer[i]);
      }
    }
  }

  private void seed(Seed seed) {
    MailFolder folder = folderNamed(seed.folder());
    if (seed.message() != null) {
      folder.appendMessage(seed.message(), seed.flags(), seed.date());
    }
  }

  private MailFolder folderNamed(String name) {
    try {
      MailFolder existing = hosts().getFolder(user, name);
      return existing != null ? existing : hosts().createMailbox(user, name);
    } catch (FolderException | com.icegreen.greenmail.imap.AuthorizationException e) {
      throw new IllegalArgumentException("cannot create folder " + name + ": " + e.getMessage(), e);
    }
  }

  private ImapHostManager hosts() {
    return greenMail.getManagers().getImapHostManager();
  }

  private void requireRunning() {
    if (greenMail == null) {
      throw new IllegalStateException("not started");
    }
  }
}
