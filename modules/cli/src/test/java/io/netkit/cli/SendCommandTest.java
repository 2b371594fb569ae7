package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.testkit.smtp.ReceivedMail;
import io.netkit.testkit.smtp.ScriptedSmtpServer;
import io.netkit.testkit.smtp.SmtpMockServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netkit send}, in process, against the SMTP mock and a scripted server. */
class SendCommandTest {
  private final SmtpMockServer server = new SmtpMockServer();
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private String url() {
    return "smtp://127.0.0.1:" + server.port();
  }

  private ReceivedMail received() throws InterruptedException {
    ReceivedMail mail = server.takeMessage(Duration.ofSeconds(10));
    assertTrue(mail != null, "nothing arrived");
    return mail;
  }

  private static Cli.Result withStdin(String in, String... args) {
    return Cli.run(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), false, args);
  }

  @Test
  void aPreparedMessageFromStdinIsSentAsItIs() throws Exception {
    Cli.Result r =
        withStdin("Subject: from stdin\nX-Raw: kept\n\nbody\n", "send", url(), "--from", "a@example.org", "--to", "b@example.org");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("accepted <b@example.org> 250"), r.toString());
    assertTrue(r.out().contains("\nsent: 250"), r.toString());
    ReceivedMail mail = received();
    assertEquals("kept", mail.header("X-Raw").orElseThrow());
    assertEquals("from stdin", mail.header("Subject").orElseThrow());
  }

  @Test
  void withSubjectTheFileIsTheTextBodyOfABuiltMessage() throws Exception {
    Path body = Files.writeString(dir.resolve("body.txt"), "Hello,\nsee attached.\n");
    Path attachment = Files.writeString(dir.resolve("data.csv"), "x,y\n");
    Path html = Files.writeString(dir.resolve("body.html"), "<p>Hello</p>");
    Cli.Result r =
        Cli.run(
            "send", url(), "--from", "Me <me@example.org>", "--to", "b@example.org", "--cc", "c@example.org",
            "--bcc", "d@example.org", "--subject", "Grüße", "--attach", attachment.toString(),
            "--html", html.toString(), "-H", "X-Tool: netkit", body.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(4, r.out().lines().count(), r.toString()); // three recipients and the final reply
    ReceivedMail mail = received();
    assertEquals(List.of("b@example.org", "c@example.org", "d@example.org"), mail.recipients().stream().sorted().toList());
    assertEquals("netkit", mail.header("X-Tool").orElseThrow());
    assertTrue(mail.header("Bcc").isEmpty());
    assertTrue(mail.text().contains("data.csv") && mail.text().contains("multipart/alternative"), mail.text());
  }

  @Test
  void aRefusedRecipientIsPrintedAndTheExitIsNonZero() throws Exception {
    try (ScriptedSmtpServer scripted =
        ScriptedSmtpServer.builder()
            .rcptReply(a -> a.contains("elsewhere") ? "554 5.7.1 Relay access denied" : "250 2.1.5 Ok")
            .start()) {
      Cli.Result r =
          withStdin("hi\n", "send", "smtp://127.0.0.1:" + scripted.port(), "--from", "a@example.org",
              "--to", "b@example.org", "--to", "x@elsewhere.test", "--subject", "s");
      assertEquals(ExitCode.SERVER_REFUSED, r.code(), r.toString());
      assertTrue(r.out().contains("accepted <b@example.org> 250 2.1.5 Ok"), r.toString());
      assertTrue(r.out().contains("refused  <x@elsewhere.test> 554 5.7.1 Relay access denied"), r.toString());
      assertTrue(r.out().contains("sent: 250 2.0.0 Ok: queued as Q1"), r.toString());
      assertTrue(r.stderr().contains("1 of 2 recipients refused; sent to the others"), r.toString());
      assertEquals(1, r.stderr().lines().count(), r.toString());
    }
  }

  @Test
  void headerInjectionIsRefusedBeforeConnecting() throws Exception {
    Cli.Result r =
        withStdin("x", "send", url(), "--from", "a@example.org", "--to", "b@example.org", "--subject", "hi\r\nBcc: evil@example.org");
    assertEquals(ExitCode.USAGE, r.code(), r.toString());
    assertTrue(r.stderr().startsWith("netkit: subject contains a CR character"), r.toString());
    assertNull(server.takeMessage(Duration.ofMillis(300)));
  }

  @Test
  void aMissingAttachmentIsALocalReadError() {
    Cli.Result r =
        withStdin("x", "send", url(), "--from", "a@example.org", "--to", "b@example.org", "--attach", dir.resolve("nope.pdf").toString());
    assertEquals(ExitCode.READ_ERROR, r.code(), r.toString());
  }

  @Test
  void aRecipientIsRequired() {
    Cli.Result r = withStdin("x", "send", url(), "--from", "a@example.org");
    assertEquals(ExitCode.USAGE, r.code(), r.toString());
  }

  @Test
  void aWrongPasswordIsALoginFailureAndNeverPrinted() throws Exception {
    server.stop();
    try (SmtpMockServer guarded = new SmtpMockServer().account("ann", "right-pw")) {
      guarded.start();
      Cli.Result r =
          withStdin("x", "send", "smtp://127.0.0.1:" + guarded.port(), "-u", "ann:wrong-pw", "--trace",
              "--from", "ann@example.org", "--to", "b@example.org");
      assertEquals(ExitCode.AUTHENTICATION, r.code(), r.toString());
      assertFalse(r.toString().contains("wrong-pw"), r.toString());
      assertTrue(r.stderr().contains("AUTH PLAIN ****"), r.toString());
    }
  }

  @Test
  void sendHelpNamesItsOptions() {
    Cli.Result help = Cli.run("send", "--help");
    assertEquals(0, help.code(), help.toString());
    assertTrue(help.out().contains("--attach") && help.out().contains("--bcc"), help.toString());
  }

  @Test
  void serveSmtpPrintsEachMessagesEnvelopeAndHeadersAndStoresIt() throws Exception {
    java.io.PipedInputStream lines = new java.io.PipedInputStream();
    java.io.PrintStream out =
        new java.io.PrintStream(new java.io.PipedOutputStream(lines), true, StandardCharsets.UTF_8);
    Terminal terminal =
        new Terminal(new ByteArrayInputStream(new byte[0]), out, new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true), false);
    Thread serve =
        new Thread(() -> Main.run(new String[] {"serve", "smtp", "--root", dir.toString()}, terminal, Cli.catalog()));
    serve.start();
    try {
      java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(lines, StandardCharsets.UTF_8));
      String url = reader.readLine();
      assertTrue(url.matches("smtp://127\\.0\\.0\\.1:\\d+/"), url);
      Cli.Result r =
          withStdin("Subject: to serve\n\nbody\n", "send", url, "--from", "a@example.org", "--to", "b@example.org");
      assertEquals(0, r.code(), r.toString());
      assertEquals("--- message 1: from <a@example.org> to <b@example.org>", reader.readLine().replaceAll(", \\d+ bytes$", ""));
      String headers = "";
      for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
        headers += line + "\n";
      }
      assertTrue(headers.contains("Subject: to serve"), headers);
      assertTrue(Files.readString(dir.resolve("0001.eml")).contains("body"));
    } finally {
      serve.interrupt();
      serve.join(5000);
    }
    assertFalse(serve.isAlive());
  }
}
