package io.netkit.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.cli.Cli;
import io.netkit.testkit.HostileServer;
import io.netkit.core.Endpoint;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.Protocol;
import io.netkit.nntp.ArticleId;
import io.netkit.nntp.ArticleRange;
import io.netkit.nntp.NntpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NNTP against hostile servers and hostile input. */
class NntpHostileTest extends HostileContract {
  @TempDir Path dir;

  /** The command's verb for the next {@link #commandFails}: get, or ls for the listings. */
  private String verb = "get";

  @Override
  List<String> command(String url) {
    return List.of(verb, url);
  }

  private static final String CAPS = "101 caps\r\nVERSION 2\r\nREADER\r\nOVER\r\n.\r\n";

  /** A reader conversation; {@code answer} speaks to ARTICLE, LIST, OVER (null: a polite 200). */
  private static HostileServer nntp(Function<String, String> answer) throws IOException {
    return HostileServer.converse("200 hostile\r\n", line -> {
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.equals("CAPABILITIES")) {
        return CAPS;
      }
      if (upper.equals("QUIT")) {
        return HostileServer.closeAfter("205 bye\r\n");
      }
      String a = answer.apply(upper);
      if (a != null) {
        return a;
      }
      if (upper.startsWith("GROUP")) {
        return "211 1 1 1 local.test\r\n";
      }
      if (upper.equals("LIST OVERVIEW.FMT")) {
        return "215 fmt\r\nSubject:\r\nFrom:\r\nDate:\r\nMessage-ID:\r\nReferences:\r\n:bytes\r\n:lines\r\n.\r\n";
      }
      return "200 ok\r\n";
    });
  }

  private static NntpClient connected(HostileServer s) throws IOException {
    NntpClient client = new NntpClient(options().build());
    client.connect(s.endpoint());
    return client;
  }

  @Test
  void anArticleWithoutItsDotLineThenACloseIsTruncatedAndLeavesNoFile() throws IOException {
    try (HostileServer s = nntp(c -> c.startsWith("ARTICLE") || c.startsWith("BODY")
        ? HostileServer.closeAfter("220 1 <a@example.com> article\r\nSubject: x\r\n\r\nonly part of it\r\n")
        : null)) {
      String url = "news://127.0.0.1:" + s.port() + "/local.test/1";
      Throwable t = apiFails(url, options().build());
      assertInstanceOf(NetTruncatedException.class, t, t::toString);
      try (NntpClient client = connected(s)) {
        NetTruncatedException e = assertThrows(NetTruncatedException.class,
            () -> client.article(ArticleId.number(1), new ByteArrayOutputStream()));
        assertEquals(-1, e.expected());
        assertEquals("Subject: x\r\n\r\nonly part of it\r\n".length(), e.received());
        assertFalse(client.isConnected(), "a connection out of step is closed");
      }
      Path file = dir.resolve("article.eml");
      Cli.Result r = commandFails(url, "-o", file.toString());
      assertEquals(18, r.code(), r::toString);
      assertFalse(Files.exists(file), "a cut article leaves no file");
      try (var left = Files.list(dir)) {
        assertEquals(List.of(), left.toList(), "nor a temporary one");
      }
    }
  }

  @Test
  void listActiveAndOverWithoutTheirDotLineThenACloseAreTruncated() throws IOException {
    try (HostileServer s = nntp(c -> c.startsWith("LIST ACTIVE") || c.equals("LIST")
        ? HostileServer.closeAfter("215 list\r\nlocal.test 2 1 y\r\nlocal.other 5 1 y\r\n")
        : c.startsWith("OVER") || c.startsWith("XOVER")
        ? HostileServer.closeAfter("224 overview\r\n1\ts\ta@example.com\t\t<a@example.com>\t\t10\t1\r\n")
        : null)) {
      try (NntpClient client = connected(s)) {
        NetTruncatedException e = assertTimeoutPreemptively(BOUND,
            () -> assertThrows(NetTruncatedException.class, client::listActive));
        assertEquals(2, e.received(), "two lines came");
      }
      try (NntpClient client = connected(s)) {
        client.group("local.test");
        assertTimeoutPreemptively(BOUND,
            () -> assertThrows(NetTruncatedException.class, () -> client.over(ArticleRange.between(1, 2))));
      }
      String port = String.valueOf(s.port());
      verb = "ls";
      Cli.Result groups = commandFails("news://127.0.0.1:" + port + "/");
      assertEquals(18, groups.code(), groups::toString);
      Cli.Result overview = commandFails("news://127.0.0.1:" + port + "/local.test");
      assertEquals(18, overview.code(), overview::toString);
    }
  }

  @Test
  void aNulInAStatusLineIsRefusedButNotInABody() throws IOException {
    try (HostileServer s = nntp(c -> c.startsWith("GROUP") ? "211 1 1 1 local\0test\r\n"
        : c.startsWith("ARTICLE") ? "220 1 <a@example.com>\r\nSubject: x\r\n\r\nnul \0 here\r\n.\r\n"
        : null)) {
      try (NntpClient client = connected(s)) {
        NetProtocolException e = assertThrows(NetProtocolException.class, () -> client.group("local.test"));
        assertTrue(e.getMessage().contains("NUL"), e::toString);
      }
      try (NntpClient client = connected(s)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.article(ArticleId.number(1), out);
        assertTrue(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains("nul \0 here"));
      }
      String port = String.valueOf(s.port());
      Cli.Result r = commandFails("news://127.0.0.1:" + port + "/local.test/1");
      assertEquals(8, r.code(), r::toString);
    }
  }

  @Override
  Protocol protocol() {
    return Protocol.NNTP;
  }

  @Override
  String path() {
    return "/local.test/1";
  }

  @Override
  String greeting() {
    return "200 hostile\r\n";
  }

  /** A multi-line answer's first line, then its lines forever: the "." never comes. */
  @Override
  String floodLine() {
    return "101 capability list follows\r\n";
  }

  @Override
  String unparsable() {
    return "2x0 hello\r\n";
  }

  @Override
  boolean login() {
    return false;
  }

  @Override
  String unsafePath(String smuggled) {
    return "/local.test" + smuggled + "/1";
  }

  @Override
  Starttls starttls() {
    return new Starttls() {
      @Override
      public boolean isStarttls(String line) {
        return line.equalsIgnoreCase("STARTTLS");
      }

      @Override
      public String goAhead(String line) {
        return "382 continue with TLS negotiation\r\n";
      }

      @Override
      public String refusal(String line) {
        return "580 cannot start TLS\r\n";
      }

      @Override
      public String answer(String line) {
        return line.equalsIgnoreCase("CAPABILITIES")
            ? "101 capability list\r\nVERSION 2\r\nREADER\r\nSTARTTLS\r\nAUTHINFO USER\r\n.\r\n"
            : "200 ok\r\n";
      }
    };
  }
}
