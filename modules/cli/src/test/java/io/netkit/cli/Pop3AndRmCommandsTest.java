package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.cli.internal.Catalog;
import io.netkit.core.Protocol;
import io.netkit.testkit.ftp.FtpMockServer;
import io.netkit.testkit.pop3.Pop3MockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** get, ls (--headers), rm, serve and demo for pop3://, and rm for ftp://, in process. */
class Pop3AndRmCommandsTest {
  static final String FIRST = "From: Ann <ann@example.com>\r\nSubject: hello there\r\n"
      + "Date: Tue, 1 Dec 2026 09:30:00 +0000\r\n\r\nfirst body\r\n..dotted\r\n";
  static final String SECOND = "From: bob@example.com\r\nSubject: second\r\n\r\nsecond body\r\n";

  private Pop3MockServer pop3;
  private String mailbox;

  @BeforeEach
  void start() throws Exception {
    pop3 = new Pop3MockServer("alice", "pw-alice").message(FIRST).message(SECOND);
    pop3.start();
    mailbox = "pop3://127.0.0.1:" + pop3.port() + "/";
  }

  @AfterEach
  void stop() {
    pop3.stop();
  }

  private static Cli.Result run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-u";
    all[1] = "alice:pw-alice";
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.run(all);
  }

  @Test
  void getWritesMessageNRawToStdout() {
    Cli.Result r = run("get", mailbox + "1");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("Subject: hello there\r\n"), r::toString);
    assertTrue(r.out().contains("\r\nfirst body\r\n..dotted\r\n"), "dots as in the message: " + r);
  }

  @Test
  void getWithOutputWritesTheMessageToAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("two.eml");
    Cli.Result r = run("get", mailbox + "2", "-o", file.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.readString(file).contains("second body"));
  }

  @Test
  void getOfAMissingMessageIsNotFound() {
    Cli.Result r = run("get", mailbox + "9");
    assertEquals(ExitCode.NOT_FOUND, r.code(), r::toString);
    assertTrue(r.stderr().contains("RETR 9 refused"), r.stderr());
    assertFalse(r.stderr().contains("pw-alice"));
  }

  @Test
  void getOfTheMailboxItselfIsAUsageError() {
    Cli.Result r = run("get", mailbox);
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
    assertTrue(r.stderr().contains("name a message"), r.stderr());
  }

  @Test
  void wrongPasswordIsAnAuthenticationFailure() {
    Cli.Result r = Cli.run("-u", "alice:nope", "ls", mailbox);
    assertEquals(ExitCode.AUTHENTICATION, r.code(), r::toString);
    assertFalse(r.stderr().contains("nope"));
  }

  @Test
  void lsListsNumberSizeAndUid() {
    Cli.Result r = run("ls", mailbox);
    assertEquals(0, r.code(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size(), r::toString);
    assertTrue(lines.get(0).matches("message +\\d+ - +" + mailbox.replace(".", "\\.") + "1 +1 \\S+"), lines.get(0));
    assertFalse(r.out().contains("pw-alice"));
  }

  @Test
  void lsWithHeadersAddsDateSenderAndSubject() {
    Cli.Result r = run("ls", "--headers", mailbox);
    assertEquals(0, r.code(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).contains(" 2026-12-01T09:30:00Z "), lines.get(0));
    assertTrue(lines.get(0).endsWith("From: Ann <ann@example.com> Subject: hello there"), lines.get(0));
    assertTrue(lines.get(1).endsWith("From: bob@example.com Subject: second"), lines.get(1));
  }

  @Test
  void lsWithHeadersOnAProtocolWithoutDetailsIsAUsageError() throws Exception {
    try (FtpMockServer ftp = new FtpMockServer().user("bob", "pw", "/").file("/a.txt", "a")) {
      ftp.start();
      Cli.Result r = Cli.run("-u", "bob:pw", "ls", "--headers", "ftp://127.0.0.1:" + ftp.port() + "/");
      assertEquals(ExitCode.USAGE, r.code(), r::toString);
      assertTrue(r.stderr().contains("--headers is not supported for ftp"), r.stderr());
    }
  }

  @Test
  void rmDeletesThePop3MessageAtOnce() {
    Cli.Result r = run("rm", mailbox + "1");
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.out());
    assertEquals(1, pop3.messageCount());
    Cli.Result again = run("ls", mailbox);
    assertEquals(1, again.out().lines().count(), again::toString);
  }

  @Test
  void rmOfAMissingMessageIsNotFoundAndDeletesNothing() {
    Cli.Result r = run("rm", mailbox + "5");
    assertEquals(ExitCode.NOT_FOUND, r.code(), r::toString);
    assertEquals(2, pop3.messageCount());
  }

  @Test
  void rmDeletesAnFtpFile() throws Exception {
    try (FtpMockServer ftp = new FtpMockServer().user("bob", "pw", "/home").file("/home/old.txt", "old")) {
      ftp.start();
      Cli.Result r = Cli.run("-u", "bob:pw", "rm", "ftp://127.0.0.1:" + ftp.port() + "/old.txt");
      assertEquals(0, r.code(), r::toString);
      assertFalse(ftp.exists("/home/old.txt"));
    }
  }

  @Test
  void rmOnAProtocolThatCannotDeleteIsAUsageError() {
    Cli.Result r = Cli.run("rm", "gopher://127.0.0.1:1/0/x");
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
    assertTrue(r.stderr().contains("cannot delete"), r.stderr());
  }

  @Test
  void demoReadsTheMailBackOverPop3() {
    Catalog pop3Only = new Catalog(
        Cli.catalog().clients().stream().filter(c -> c.protocol() == Protocol.POP3).toList(),
        Cli.catalog().servers().stream().filter(s -> s.protocol() == Protocol.POP3).toList(),
        List.of(Cli.catalog().scenario(Protocol.POP3).orElseThrow()));
    Cli.Result r = Cli.run(pop3Only, new ByteArrayInputStream(new byte[0]), false, "demo");
    assertEquals(0, r.code(), r::toString);
    String row = r.out().lines().filter(l -> l.startsWith("pop3 ")).findFirst().orElseThrow();
    assertTrue(row.contains("read it back intact") && row.endsWith("OK"), row);
    boolean smtpInBuild = java.util.ServiceLoader.load(io.netkit.core.spi.MailSubmitter.class).stream()
        .anyMatch(s -> s.get().protocol() == Protocol.SMTP);
    assertEquals(smtpInBuild, row.contains("sent 1 over SMTP"), "sent over SMTP when the build can: " + row);
  }

  @Test
  void serveServesTheEmlFilesOfTheRoot(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
    Files.writeString(dir.resolve("a.eml"), "Subject: served\r\n\r\nserved to curl\r\n");
    PipedInputStream lines = new PipedInputStream();
    PrintStream out = new PrintStream(new PipedOutputStream(lines), true, StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal terminal =
        new Terminal(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true), false);
    AtomicInteger code = new AtomicInteger(-1);
    Thread serve = new Thread(() -> code.set(Main.run(
        new String[] {"serve", "pop3", "--root", dir.toString(), "-u", "bob:pw-for-curl"},
        terminal, Cli.catalog())));
    serve.start();
    try {
      String url = new java.io.BufferedReader(new java.io.InputStreamReader(lines, StandardCharsets.UTF_8)).readLine();
      assertTrue(url.matches("pop3://127\\.0\\.0\\.1:\\d+/"), url);
      String message = DemoAndServeTest.curl(url.replace("://", "://bob:pw-for-curl@") + "1");
      assertTrue(message.contains("served to curl"), message);
    } finally {
      serve.interrupt();
      serve.join(5000);
    }
    assertFalse(serve.isAlive());
    assertEquals(0, code.get());
  }
}
