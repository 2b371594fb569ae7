package io.netkit.testkit.smtp;

import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.spi.MailSubmitter;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.DemoResult;
import io.netkit.testkit.spi.DemoScenario;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.ServiceLoader;

/**
 * {@code netkit demo} for SMTP: sends one mail (a text body and an attachment) over SMTP to the
 * testkit server through the SMTP module's {@link MailSubmitter}, then checks that it arrived:
 * envelope recipients, subject, and the attachment's bytes, base64 as sent. Written against core
 * SPIs only.
 */
public final class SmtpDemoScenario implements DemoScenario {
  private static final String ATTACHMENT = "demo-attachment.txt";
  private static final byte[] CONTENT =
      "netkit demo attachment\nline two\n".repeat(40).getBytes(StandardCharsets.UTF_8);

  @Override
  public Protocol protocol() {
    return Protocol.SMTP;
  }

  @Override
  public void prepare(Path root) throws IOException {
    Files.write(root.resolve(ATTACHMENT), CONTENT);
  }

  @Override
  public DemoResult run(MockServer server, NetOptions options) throws IOException {
    if (!(server instanceof SmtpMockServer smtp)) {
      throw new IOException("the SMTP demo needs the testkit SMTP server, not " + server);
    }
    MailSubmitter submitter =
        ServiceLoader.load(MailSubmitter.class, SmtpDemoScenario.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.protocol().equals(Protocol.SMTP))
            .findFirst()
            .orElseThrow(() -> new IOException("no SMTP module on the class path"));
    Path attachment = Files.createTempFile("netkit-demo", ".txt");
    try {
      Files.write(attachment, CONTENT);
      URI url = URI.create("smtp://" + server.host() + ":" + server.port());
      String subject = "netkit demo " + System.nanoTime();
      MailSubmitter.Result result =
          submitter.submit(
              url,
              options,
              new MailSubmitter.Submission(
                  "demo@netkit.test", List.of("alice@netkit.test"), List.of(), List.of("bob@netkit.test"),
                  subject, List.of("X-Netkit-Demo: yes"), null, List.of(attachment),
                  new ByteArrayInputStream("Hello from netkit's demo.\n".getBytes(StandardCharsets.UTF_8)), -1, false));
      if (!result.allAccepted()) {
        throw new IOException("the server did not accept the demo mail: " + result);
      }
      ReceivedMail mail;
      try {
        mail = smtp.takeMessage(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the demo mail");
      }
      if (mail == null) {
        throw new IOException("the demo mail never arrived");
      }
      if (!mail.recipients().containsAll(List.of("alice@netkit.test", "bob@netkit.test"))) {
        throw new IOException("the demo mail arrived for " + mail.recipients());
      }
      if (!mail.header("Subject").orElse("").equals(subject) || mail.header("Bcc").isPresent()) {
        throw new IOException("the demo mail's headers differ from what was sent");
      }
      String flat = mail.text().replace("\r\n", "");
      if (!flat.contains(Base64.getEncoder().encodeToString(CONTENT))) {
        throw new IOException("the demo mail's attachment differs from what was sent");
      }
      return new DemoResult(
          "mail sent to 2 recipients (1 Bcc) with an attachment, arrived intact (" + result.code() + ")",
          mail.content().length);
    } finally {
      Files.deleteIfExists(attachment);
    }
  }
}
