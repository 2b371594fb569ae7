package io.netkit.testkit.imap;

import io.netkit.core.Credentials;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.core.spi.MailSubmitter;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.DemoResult;
import io.netkit.testkit.spi.DemoScenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * The demo's IMAP step: an INBOX seeded with one message (as if SMTP had delivered it) is listed
 * and the message read back over IMAP; then a second message is appended and found in the
 * listing. Talks only through the core's URL entry point and the IMAP {@link ClientProvider}.
 */
public final class ImapDemoScenario implements DemoScenario {
  static final String USER = "demo";
  static final String PASSWORD = "demo-pass";
  static final String BODY_LINE = "Hello from the netkit demo: this came back over IMAP.";
  static final String MESSAGE =
      "From: demo@localhost\r\n"
          + "To: demo@localhost\r\n"
          + "Subject: netkit demo\r\n"
          + "Message-ID: <demo-imap-1@localhost>\r\n"
          + "Date: Tue, 1 Dec 2026 12:00:00 +0000\r\n"
          + "MIME-Version: 1.0\r\n"
          + "Content-Type: text/plain; charset=UTF-8\r\n"
          + "\r\n"
          + BODY_LINE + "\r\n";
  static final String APPENDED =
      "From: demo@localhost\r\nTo: demo@localhost\r\nSubject: appended by the demo\r\n\r\nhi\r\n";

  @Override
  public Protocol protocol() {
    return Protocol.IMAP;
  }

  @Override
  public void prepare(Path root) throws IOException {
    Files.writeString(root.resolve("demo.eml"), MESSAGE, StandardCharsets.UTF_8);
  }

  @Override
  public Optional<Credentials> account() {
    return Optional.of(new Credentials(USER, PASSWORD));
  }

  @Override
  public DemoResult run(MockServer server, NetOptions options) throws IOException {
    Optional<MailSubmitter> smtp = ServiceLoader.load(MailSubmitter.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(s -> s.protocol().equals(Protocol.SMTP))
        .findFirst();
    boolean send = smtp.isPresent() && server instanceof ImapMockServer;
    String marker = send ? "sent-" + UUID.randomUUID() : null;
    long moved = 0;
    if (send) {
      ImapMockServer mock = (ImapMockServer) server;
      byte[] message = MESSAGE.replace("Subject: netkit demo", "Subject: netkit demo " + marker)
          .getBytes(StandardCharsets.UTF_8);
      URI smtpUrl = URI.create("smtp://" + server.host() + ":" + mock.smtpPort() + "/");
      MailSubmitter.Result result = smtp.get().submit(smtpUrl, options, new MailSubmitter.Submission(
          "demo@localhost", List.of(mock.address()), List.of(), List.of(), null, List.of(), null,
          List.of(), new ByteArrayInputStream(message), message.length, true));
      if (!result.allAccepted()) {
        throw new NetException("IMAP demo: SMTP did not accept the message: " + result.code() + " " + result.text());
      }
      moved += message.length;
    }
    ClientProvider imap = Netkit.provider("imap");
    URI inbox = URI.create(
        "imap://" + USER + ":" + PASSWORD + "@" + server.host() + ":" + server.port() + "/INBOX");
    int expected = send ? 2 : 1;
    List<ListEntry> messages = imap.list(inbox, options);
    if (messages.size() != expected || messages.get(expected - 1).url() == null) {
      throw new NetException("IMAP demo: expected " + expected + " messages, listed " + messages.size());
    }
    URI message = withUserInfo(messages.get(expected - 1).url(), inbox);
    ByteArrayOutputStream fetched = new ByteArrayOutputStream();
    imap.fetch(message, options, fetched, TransferListener.NONE);
    String text = fetched.toString(StandardCharsets.UTF_8);
    String subject = "Subject: netkit demo" + (send ? " " + marker : "");
    if (!text.contains(BODY_LINE) || !text.contains(subject)) {
      throw new NetException("IMAP demo: the message read back differs from the one "
          + (send ? "sent" : "delivered"));
    }
    byte[] appended = APPENDED.getBytes(StandardCharsets.UTF_8);
    imap.store(inbox, options, new ByteArrayInputStream(appended), appended.length, TransferListener.NONE);
    List<ListEntry> after = imap.list(inbox, options);
    if (after.size() != expected + 1 || after.stream().noneMatch(e -> e.name().endsWith("appended by the demo"))) {
      throw new NetException("IMAP demo: the appended message is not in the listing");
    }
    return new DemoResult((send ? "sent 1 over SMTP, " : "") + "listed " + expected
        + ", read it back, appended 1", moved + fetched.size() + appended.length);
  }

  /** Listed URLs carry no credentials: add the mailbox URL's. */
  private static URI withUserInfo(URI listed, URI withCredentials) {
    return URI.create(listed.toString().replaceFirst("://", "://" + withCredentials.getRawUserInfo() + "@"));
  }
}
