package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.core.Protocol;
import io.netkit.testkit.nntp.NewsSpool;
import io.netkit.testkit.nntp.NntpMockServer;
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

/** netkit ls / get / put / serve / demo for news, through the NNTP providers only, in process. */
class NntpCommandsTest {
  static final String ARTICLE =
      "From: Alice <alice@example.com>\r\nNewsgroups: netkit.test\r\nSubject: =?UTF-8?B?R3LDvMOfZQ==?=\r\n"
          + "Date: Tue, 01 Dec 2026 10:00:00 +0000\r\nMessage-ID: <one@example.com>\r\n\r\n"
          + "Hello.\r\n.dot line\r\n";

  NntpMockServer server;
  String base;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Cli.catalog().supports(Protocol.NNTP), "no NNTP module in this build");
    server =
        NntpMockServer.of(
            new NewsSpool().group("netkit.test", "tests").group("netkit.ro", "read only", "n").article("netkit.test", ARTICLE));
    server.start();
    base = "nntp://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void lsOfTheServerListsGroupsWithCountLowHighAndPostingFlag() {
    Cli.Result r = Cli.run("ls", base + "/");
    assertEquals(0, r.code(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size(), r.out());
    assertTrue(lines.get(0).startsWith("group "), lines.get(0));
    assertTrue(lines.get(0).endsWith(" netkit.test 1 1 1 y"), lines.get(0));
    assertTrue(lines.get(0).contains(base + "/netkit.test"), lines.get(0));
    assertTrue(lines.get(1).endsWith(" netkit.ro 0 1 0 n"), lines.get(1));
  }

  @Test
  void lsOfAGroupListsTheOverviewDecoded() {
    Cli.Result r = Cli.run("ls", base + "/netkit.test");
    assertEquals(0, r.code(), r::toString);
    String line = r.out().lines().findFirst().orElseThrow();
    assertTrue(line.startsWith("article "), line);
    assertTrue(line.contains("2026-12-01T10:00:00Z"), line);
    assertTrue(line.contains(base + "/netkit.test/1"), line);
    assertTrue(line.endsWith("1 Alice <alice@example.com> Grüße"), line);
  }

  @Test
  void getByNumberAndByMessageIdWritesTheArticleRaw() {
    Cli.Result byNumber = Cli.run("get", base + "/netkit.test/1");
    assertEquals(0, byNumber.code(), byNumber::toString);
    assertEquals(ARTICLE, byNumber.out());
    Cli.Result byId = Cli.run("get", "news://127.0.0.1:" + server.port() + "/one@example.com");
    assertEquals(0, byId.code(), byId::toString);
    assertEquals(ARTICLE, byId.out());
  }

  @Test
  void missingArticleAndGroupGiveTheNotFoundAndAccessCodes() {
    Cli.Result article = Cli.run("get", base + "/netkit.test/99");
    assertEquals(ExitCode.NOT_FOUND, article.code(), article::toString);
    assertTrue(article.stderr().contains("423"), article.stderr());
    Cli.Result group = Cli.run("ls", base + "/no.such.group");
    assertEquals(ExitCode.REMOTE_ACCESS_DENIED, group.code(), group::toString);
    assertTrue(group.stderr().contains("411"), group.stderr());
  }

  @Test
  void putPostsAFileAndAddsNewsgroupsFromTheUrl(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("post.txt"), "From: bob@example.com\nSubject: via put\n\n.dot\nbody\n");
    Cli.Result put = Cli.run("put", base + "/netkit.test", file.toString());
    assertEquals(0, put.code(), put::toString);
    String posted = new String(server.posted().get(0), StandardCharsets.UTF_8);
    assertTrue(posted.contains("Newsgroups: netkit.test\r\n"), posted);
    Cli.Result back = Cli.run("get", base + "/netkit.test/2");
    assertEquals(0, back.code(), back::toString);
    assertTrue(back.out().endsWith("\r\n\r\n.dot\r\nbody\r\n"), back.out());
  }

  @Test
  void putOfAFileWithoutHeadersIsAUsageErrorAndSendsNoPost(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("plain.txt"), "just a body\n");
    Cli.Result put = Cli.run("put", base + "/netkit.test", file.toString());
    assertEquals(ExitCode.USAGE, put.code(), put::toString);
    assertFalse(server.commands().contains("POST"), server.commands().toString());
  }

  @Test
  void serveNntpServesAGroupFolderUntilInterrupted(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("local.test"));
    Files.writeString(dir.resolve("local.test/1"), ARTICLE.replace("netkit.test", "local.test"));
    PipedInputStream lines = new PipedInputStream();
    PrintStream out = new PrintStream(new PipedOutputStream(lines), true, StandardCharsets.UTF_8);
    Terminal terminal =
        new Terminal(new ByteArrayInputStream(new byte[0]), out, new PrintStream(new ByteArrayOutputStream(), true), false);
    AtomicInteger code = new AtomicInteger(-1);
    Thread serve =
        new Thread(() -> code.set(Main.run(new String[] {"serve", "nntp", "--root", dir.toString()}, terminal, Cli.catalog())));
    serve.start();
    try {
      String url =
          new java.io.BufferedReader(new java.io.InputStreamReader(lines, StandardCharsets.UTF_8)).readLine();
      assertTrue(url.matches("nntp://127\\.0\\.0\\.1:\\d+/"), url);
      Cli.Result ls = Cli.run("ls", url + "local.test");
      assertEquals(0, ls.code(), ls::toString);
      assertTrue(ls.out().contains("Grüße"), ls.out());
    } finally {
      serve.interrupt();
      serve.join(10_000);
    }
    assertFalse(serve.isAlive());
    assertEquals(0, code.get());
  }

  @Test
  void demoPostsAnArticleAndReadsItBack() {
    // Only NNTP's part of the demo: other modules' sessions are their tests' business.
    io.netkit.cli.internal.Catalog all = Cli.catalog();
    io.netkit.cli.internal.Catalog nntp =
        new io.netkit.cli.internal.Catalog(
            List.of(all.client(Protocol.NNTP).orElseThrow()),
            all.servers(),
            all.scenario(Protocol.NNTP).stream().toList());
    Cli.Result r = Cli.run(nntp, new ByteArrayInputStream(new byte[0]), false, "demo");
    assertEquals(0, r.code(), r::toString);
    String row = r.out().lines().filter(l -> l.startsWith("nntp ")).findFirst().orElseThrow(() -> new AssertionError(r.toString()));
    assertTrue(row.endsWith("OK"), row);
    assertTrue(row.contains("compare ok"), row);
  }
}
