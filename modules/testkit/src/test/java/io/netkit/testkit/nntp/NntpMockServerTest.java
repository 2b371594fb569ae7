package io.netkit.testkit.nntp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.transport.TcpConnection;
import io.netkit.testkit.MockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NNTP mock spoken to with raw lines over the core, as any client would. */
class NntpMockServerTest {
  private static final NetOptions OPTIONS = NetOptions.builder().readTimeout(Duration.ofSeconds(10)).build();

  /** Sends {@code command} and returns the status line, then the block when {@code multi}. */
  private static List<String> ask(TcpConnection c, String command, boolean multi) throws IOException {
    c.writeLine(command);
    List<String> lines = new ArrayList<>();
    lines.add(c.readLine());
    if (multi && lines.get(0).charAt(0) == '2' || multi && lines.get(0).startsWith("101")) {
      for (String line = c.readLine(); !line.equals("."); line = c.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Test
  void servesADirectoryOfGroupFoldersAndArticleFiles(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("local.test"));
    Files.writeString(root.resolve("local.test/a.txt"), "From: a@example.com\nSubject: first\nMessage-ID: <a@x>\n\n.dotted\n");
    Files.writeString(root.resolve("local.test/b.txt"), "no headers at all\n");
    Files.writeString(root.resolve("ignored.txt"), "not in a group\n");
    try (NntpMockServer server = NntpMockServer.serving(root)) {
      server.start();
      try (TcpConnection c = TcpConnection.connect(server.endpoint(), OPTIONS, "nntp")) {
        assertTrue(c.readLine().startsWith("200 "));
        assertEquals(List.of("215 list of newsgroups follows", "local.test 2 1 y"), ask(c, "LIST ACTIVE", true));
        assertEquals("211 2 1 2 local.test", ask(c, "GROUP local.test", false).get(0));
        List<String> article = ask(c, "ARTICLE 1", true);
        assertEquals("220 1 <a@x> article", article.get(0));
        assertEquals("..dotted", article.get(article.size() - 1), "dot-stuffed on the wire");
        List<String> over = ask(c, "OVER 1-2", true);
        assertTrue(over.get(2).startsWith("2\tb.txt\tnetkit-mock@example.com"), over.toString());
        assertEquals("430 no such article", ask(c, "STAT <nope@x>", false).get(0));
        assertEquals("411 no such newsgroup", ask(c, "GROUP nope", false).get(0));
      }
      assertTrue(server.commands().contains("OVER 1-2"), server.commands().toString());
    }
  }

  @Test
  void postedArticlesAreStoredAndListed() throws IOException {
    try (NntpMockServer server = NntpMockServer.of(new NewsSpool().group("g.one", "one"))) {
      server.start();
      try (TcpConnection c = TcpConnection.connect(server.endpoint(), OPTIONS, "nntp")) {
        c.readLine();
        assertTrue(ask(c, "POST", false).get(0).startsWith("340 "));
        c.output().write("From: p@example.com\r\nNewsgroups: g.one\r\nSubject: hi\r\n\r\n..x\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
        c.output().flush();
        assertEquals("240 article received ok", c.readLine());
        assertEquals("211 1 1 1 g.one", ask(c, "GROUP g.one", false).get(0));
        List<String> body = ask(c, "BODY 1", true);
        assertEquals("..x", body.get(1));
        assertEquals(List.of("230 list of new articles follows", server.spool().article("g.one", 1).orElseThrow().messageId()),
            ask(c, "NEWNEWS g.* 19700101 000000 GMT", true));
      }
      assertEquals(1, server.posted().size());
      assertTrue(new String(server.posted().get(0), StandardCharsets.US_ASCII).endsWith("\r\n.x\r\n"));
    }
  }

  @Test
  void anAccountMakesEveryReadingCommandAsk480UntilAuthinfo() throws IOException {
    try (NntpMockServer server = NntpMockServer.of(new NewsSpool().group("g", "g"))
        .account(new Credentials("u", "p"), NntpMockServer.AuthScope.ALL)) {
      server.start();
      try (TcpConnection c = TcpConnection.connect(server.endpoint(), OPTIONS, "nntp")) {
        c.readLine();
        assertEquals("480 authentication required", ask(c, "GROUP g", false).get(0));
        assertTrue(ask(c, "CAPABILITIES", true).contains("AUTHINFO USER SASL"));
        assertEquals("381 password required", ask(c, "AUTHINFO USER u", false).get(0));
        assertEquals("481 authentication failed", ask(c, "AUTHINFO PASS wrong", false).get(0));
        assertEquals("381 password required", ask(c, "AUTHINFO USER u", false).get(0));
        assertEquals("281 authentication accepted", ask(c, "AUTHINFO PASS p", false).get(0));
        assertEquals("211 0 1 0 g", ask(c, "GROUP g", false).get(0));
      }
    }
  }

  @Test
  void theProviderServesADirectoryWithALoginForEverything(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("d.g"));
    MockServer server = new NntpMockServerProvider().newServer(root, Optional.of(new Credentials("u", "p")));
    try (server) {
      server.start();
      assertEquals("nntp://127.0.0.1:" + server.port() + "/", server.url().toString());
      try (TcpConnection c = TcpConnection.connect(server.endpoint(), OPTIONS, "nntp")) {
        c.readLine();
        assertEquals("480 authentication required", ask(c, "LIST ACTIVE", false).get(0));
      }
    }
  }
}
