package io.netkit.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.TlsMode;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.MailSubmitter;
import io.netkit.testkit.smtp.ReceivedMail;
import io.netkit.testkit.smtp.ScriptedSmtpServer;
import io.netkit.testkit.smtp.SmtpMockServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** smtp:// and smtps:// URLs, and the providers the CLI finds. */
class SmtpProviderTest {
  @TempDir Path dir;

  private static MailSubmitter submitter() {
    return ServiceLoader.load(MailSubmitter.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(s -> s.protocol().name().equals("smtp"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void urlsGiveTheWellKnownPortsAndImplicitTlsForSmtps() {
    ClientProvider provider = Netkit.provider("smtp");
    assertEquals(25, provider.endpoint(URI.create("smtp://mail.example.org")).port());
    assertEquals(587, provider.endpoint(URI.create("smtp://mail.example.org:587")).port());
    assertEquals(465, provider.endpoint(URI.create("smtps://mail.example.org")).port());
    assertEquals(TlsMode.IMPLICIT, provider.options(URI.create("smtps://h"), NetOptions.defaults()).tlsMode());
    assertEquals("bob", provider.endpoint(URI.create("smtp://bob:pw@h")).credentials().orElseThrow().user());
    NetClient<?, ?> client = provider.newClient(NetOptions.defaults());
    assertInstanceOf(SmtpClient.class, client);
    assertThrows(UnsupportedOperationException.class, () -> provider.fetch(URI.create("smtp://h"), NetOptions.defaults(), null, null));
  }

  @Test
  void theUrlPathIsTheEhloNameAsInCurl() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().start()) {
      URI url = URI.create("smtp://127.0.0.1:" + server.port() + "/client.example.org");
      submitter().submit(url, NetOptions.defaults(), new MailSubmitter.Submission(
          "a@example.org", List.of("b@example.org"), List.of(), List.of(), "s", List.of(), null, List.of(),
          new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8)), 2, false));
      assertEquals("EHLO client.example.org", server.commands().get(0).line());
    }
  }

  @Test
  void submitsABuiltMessageAndReportsEveryRecipient() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "notes");
    Path html = Files.writeString(dir.resolve("body.html"), "<p>hi</p>");
    try (SmtpMockServer server = new SmtpMockServer()) {
      server.start();
      MailSubmitter.Result result =
          submitter().submit(
              URI.create("smtp://127.0.0.1:" + server.port()),
              NetOptions.defaults(),
              new MailSubmitter.Submission(
                  "Me <a@example.org>", List.of("b@example.org"), List.of("c@example.org"), List.of("d@example.org"),
                  "Subject ✓", List.of("X-Tool: netkit"), html, List.of(file),
                  new ByteArrayInputStream("plain body".getBytes(StandardCharsets.UTF_8)), -1, false));
      assertTrue(result.allAccepted(), result.toString());
      assertEquals(3, result.recipients().size());
      ReceivedMail mail = server.takeMessage(Duration.ofSeconds(10));
      assertEquals("netkit", mail.header("X-Tool").orElseThrow());
      assertTrue(mail.text().contains("notes.txt"));
      assertFalse(mail.header("Bcc").isPresent());
    }
  }

  @Test
  void submitsAPreparedMessageAsItIs() throws Exception {
    try (SmtpMockServer server = new SmtpMockServer()) {
      server.start();
      byte[] raw = "Subject: as is\nX-Raw: 1\n\nbody\n".getBytes(StandardCharsets.UTF_8);
      MailSubmitter.Result result =
          submitter().submit(
              URI.create("smtp://127.0.0.1:" + server.port()),
              NetOptions.defaults(),
              new MailSubmitter.Submission(
                  "a@example.org", List.of("Bob <b@example.org>"), List.of(), List.of(), null, List.of(), null, List.of(),
                  new ByteArrayInputStream(raw), raw.length, true));
      assertEquals(250, result.code());
      ReceivedMail mail = server.takeMessage(Duration.ofSeconds(10));
      assertEquals(List.of("b@example.org"), mail.recipients());
      assertEquals("1", mail.header("X-Raw").orElseThrow());
    }
  }
}
