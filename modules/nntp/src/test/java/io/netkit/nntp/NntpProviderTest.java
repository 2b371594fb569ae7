package io.netkit.nntp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.testkit.nntp.NntpMockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider the CLI and Netkit's URL entry point use, found through ServiceLoader. */
class NntpProviderTest {
  NntpMockServer server;
  String base;
  final NetOptions options = NetOptions.defaults();

  @BeforeEach
  void start() throws IOException {
    server = NntpMockServer.of(TestNews.spool());
    server.start();
    base = "nntp://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void registeredForTheNewsSchemes() {
    for (String scheme : List.of("nntp", "nntps", "news")) {
      ClientProvider p = Netkit.provider(scheme);
      assertTrue(p.newClient(options) instanceof NntpClient, scheme);
    }
  }

  @Test
  void listOfTheServerGivesGroupsAndOfAGroupItsOverview() throws IOException {
    List<ListEntry> groups = Netkit.list(URI.create(base + "/"), options);
    assertEquals(new ListEntry("group", "netkit.test 3 1 3 y", -1, null, URI.create(base + "/netkit.test")), groups.get(0));
    List<ListEntry> articles = Netkit.list(URI.create(base + "/netkit.test"), options);
    assertEquals(3, articles.size());
    ListEntry second = articles.get(1);
    assertEquals("article", second.kind());
    assertEquals("2 Bob <bob@example.com> Grüße", second.name());
    assertEquals(Instant.parse("2026-12-01T11:00:00Z"), second.modified());
    assertEquals(URI.create(base + "/netkit.test/2"), second.url());
    assertEquals(TestNews.SECOND.getBytes(StandardCharsets.UTF_8).length, second.size());
    assertTrue(Netkit.list(URI.create(base + "/netkit.empty"), options).isEmpty());
  }

  @Test
  void fetchWritesArticlesRawAndListingsAsText() throws IOException {
    assertEquals(TestNews.THIRD, fetch(base + "/netkit.test/3"));
    assertEquals(TestNews.THIRD, fetch("news://127.0.0.1:" + server.port() + "/third@example.com"));
    String overview = fetch(base + "/netkit.test");
    assertTrue(overview.startsWith("1\t2026-12-01T10:00:00Z\tAlice <alice@example.com>\tFirst post\n"), overview);
    assertTrue(fetch(base + "/").contains("netkit.empty 0 1 0 y\n"));
  }

  @Test
  void storePostsToTheUrlsGroupAddingNewsgroups() throws IOException {
    byte[] article = "From: e@example.com\nSubject: stored\nMessage-ID: <stored@example.com>\n\nhi\n".getBytes(StandardCharsets.US_ASCII);
    Netkit.store(URI.create(base + "/netkit.empty"), options, new ByteArrayInputStream(article), article.length, TransferListener.NONE);
    String back = fetch("news://127.0.0.1:" + server.port() + "/stored@example.com");
    assertTrue(back.contains("Newsgroups: netkit.empty\r\n"), back);
    assertThrows(IllegalArgumentException.class,
        () -> Netkit.store(URI.create(base + "/"), options, new ByteArrayInputStream(article), -1, TransferListener.NONE));
  }

  private String fetch(String url) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Netkit.fetch(URI.create(url), options, out, TransferListener.NONE);
    return out.toString(StandardCharsets.UTF_8);
  }
}
