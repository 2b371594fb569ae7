package io.netkit.testkit.pop3;

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
 * The demo's mail-reading step. The mailbox starts with one seeded message; when the build has an
 * SMTP {@link MailSubmitter}, a second message is sent over SMTP to the mock's own SMTP listener
 * (as the demo's mail story goes: SMTP sends, POP3 reads back). Then the mailbox is listed and
 * the newest message read back over POP3 through the POP3 {@link ClientProvider}, and compared
 * with what was sent or seeded. Uses only the core's URL entry point and SPIs.
 */
public final class Pop3DemoScenario implements DemoScenario {
  static final String USER = "demo";
  static final String PASSWORD = "demo-pass";
  static final String DOT_LINE = ".A line that starts with a dot.";

  static String message(String marker) {
    return "From: demo@localhost\r\n"
        + "To: demo@localhost\r\n"
        + "Subject: netkit demo " + marker + "\r\n"
        + "Message-ID: <" + marker + "@localhost>\r\n"
        + "Date: Tue, 1 Dec 2026 12:00:00 +0000\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "\r\n"
        + "Hello from the netkit demo (" + marker + "): this came back over POP3.\r\n"
        + DOT_LINE + "\r\n";
  }

  @Override
  public Protocol protocol() {
    return Protocol.POP3;
  }

  @Override
  public void prepare(Path root) throws IOException {
    Files.writeString(root.resolve("seeded.eml"), message("seeded"), StandardCharsets.UTF_8);
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
    boolean send = smtp.isPresent() && server instanceof Pop3MockServer;
    String marker = send ? "sent-" + UUID.randomUUID() : "seeded";
    long sent = 0;
    if (send) {
      byte[] message = message(marker).getBytes(StandardCharsets.UTF_8);
      Pop3MockServer mock = (Pop3MockServer) server;
      URI smtpUrl = URI.create("smtp://" + server.host() + ":" + mock.smtpPort() + "/");
      MailSubmitter.Result result = smtp.get().submit(smtpUrl, options, new MailSubmitter.Submission(
          "demo@localhost", List.of(mock.address()), List.of(), List.of(), null, List.of(), null,
          List.of(), new ByteArrayInputStream(message), message.length, true));
      if (!result.allAccepted()) {
        throw new NetException("POP3 demo: SMTP did not accept the message: " + result.code() + " " + result.text());
      }
      sent = message.length;
    }
    ClientProvider pop3 = Netkit.provider("pop3");
    URI mailbox = URI.create("pop3://" + USER + ":" + PASSWORD + "@" + server.host() + ":" + server.port() + "/");
    int expected = send ? 2 : 1;
    List<ListEntry> messages = pop3.list(mailbox, options);
    if (messages.size() != expected) {
      throw new NetException("POP3 demo: expected " + expected + " messages, listed " + messages.size());
    }
    ByteArrayOutputStream fetched = new ByteArrayOutputStream();
    pop3.fetch(mailbox.resolve("/" + expected), options, fetched, TransferListener.NONE);
    String text = fetched.toString(StandardCharsets.UTF_8);
    boolean intact = text.contains("Subject: netkit demo " + marker + "\r\n")
        && text.contains("\r\nHello from the netkit demo (" + marker + "): this came back over POP3.\r\n")
        && text.contains("\r\n" + DOT_LINE + "\r\n");
    if (!intact) {
      throw new NetException("POP3 demo: the message read back differs from the one "
          + (send ? "sent" : "delivered"));
    }
    return new DemoResult(
        (send ? "sent 1 over SMTP, " : "") + "listed " + expected + ", read it back intact",
        sent + fetched.size());
  }
}
