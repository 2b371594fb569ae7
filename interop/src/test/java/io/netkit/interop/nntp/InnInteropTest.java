package io.netkit.interop.nntp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetReplyException;
import io.netkit.core.Netkit;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import io.netkit.core.Trust;
import io.netkit.core.line.DotTerminatedInputStream;
import io.netkit.core.spi.ListEntry;
import io.netkit.core.trace.TraceEvent;
import io.netkit.interop.RealServers;
import io.netkit.nntp.ArticleId;
import io.netkit.nntp.ArticleRange;
import io.netkit.nntp.NewsGroup;
import io.netkit.nntp.NntpClient;
import io.netkit.nntp.NntpReply;
import io.netkit.nntp.NntpRequest;
import io.netkit.nntp.Overview;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** netkit's NNTP client against INN (innd + nnrpd) from Debian, as scripts/servers.sh runs it. */
class InnInteropTest {
  private RealServers servers;
  private Endpoint inn;
  private String group;

  @BeforeEach
  void servers() {
    servers = RealServers.load();
    servers.requireReachable("NNTP_HOST", "NNTP_PORT");
    inn = Endpoint.of(servers.require("NNTP_HOST"), servers.port("NNTP_PORT"));
    group = servers.require("NNTP_GROUP");
  }

  private NntpClient connect(NetOptions options) throws IOException {
    NntpClient client = new NntpClient(options);
    client.connect(inn);
    return client;
  }

  private static NetOptions plain() {
    return NetOptions.builder().readTimeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void listsTheGroupsWithTheirMarks() throws IOException {
    try (NntpClient client = connect(plain())) {
      List<NewsGroup> groups = client.listActive().groups();
      NewsGroup test = groups.stream().filter(g -> g.name().equals(group)).findFirst().orElseThrow();
      assertTrue(test.high() >= 3, test.toString());
      assertEquals("y", test.status());
      assertEquals(List.of(group), client.listActive(group).groups().stream().map(NewsGroup::name).toList());
      assertEquals("netkit interop test group", client.descriptions(group).get(group));
    }
  }

  @Test
  void groupThenOverARangeParsesInnsOverviewFormat() throws IOException {
    try (NntpClient client = connect(plain())) {
      NntpReply.GroupSelected selected = client.group(group);
      assertTrue(selected.count() >= 3);
      List<Overview> lines = client.over(ArticleRange.between(1, 3)).overviews();
      assertEquals(3, lines.size());
      assertEquals("Seed article with dot lines", lines.get(0).subject());
      assertEquals("Grüße aus netkit ✓", lines.get(1).decodedSubject());
      assertEquals("<seed-dot@netkit.example.com>", lines.get(2).references());
      assertTrue(lines.get(0).time().isPresent(), "INN's Date parses: " + lines.get(0).date());
      assertTrue(lines.get(0).field("xref").orElse("").contains(group + ":1"), lines.get(0).fields().toString());
      assertTrue(lines.get(0).bytes().getAsLong() > 100);
    }
  }

  @Test
  void articleComesBackByteForByteAsInnStoredIt() throws IOException {
    Path stored = servers.path("NNTP_SPOOL").resolve(group.replace('.', '/')).resolve("1");
    byte[] expected;
    try (InputStream wire = Files.newInputStream(stored)) {
      // INN stores articles in wire format (CRLF, dot-stuffed, with the "." line): unstuff it.
      expected = new DotTerminatedInputStream(wire, true, io.netkit.core.ErrorContext.NONE).readAllBytes();
    }
    try (NntpClient client = connect(plain())) {
      client.group(group);
      ByteArrayOutputStream byNumber = new ByteArrayOutputStream();
      NntpReply.ArticleTransfer t = client.article(ArticleId.number(1), byNumber);
      assertArrayEquals(expected, byNumber.toByteArray());
      assertEquals("<seed-dot@netkit.example.com>", t.messageId());
      String text = byNumber.toString(StandardCharsets.UTF_8);
      assertTrue(text.contains("\r\n.hidden behind a dot\r\n..two dots\r\n"), text);
      ByteArrayOutputStream byId = new ByteArrayOutputStream();
      client.article(ArticleId.messageId("seed-dot@netkit.example.com"), byId);
      assertArrayEquals(expected, byId.toByteArray());
    }
  }

  @Test
  void headBodyAndStatByMessageId() throws IOException {
    try (NntpClient client = connect(plain())) {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      client.head(ArticleId.messageId("<seed-utf8@netkit.example.com>"), head);
      assertTrue(head.toString(StandardCharsets.UTF_8).contains("Subject: =?UTF-8?B?"), head.toString(StandardCharsets.UTF_8));
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      client.body(ArticleId.messageId("<seed-utf8@netkit.example.com>"), body);
      assertEquals("Grüße aus netkit ✓\r\n", body.toString(StandardCharsets.UTF_8));
      NntpReply.ArticlePointer p = client.stat(ArticleId.messageId("<seed-reply@netkit.example.com>"));
      assertEquals("<seed-reply@netkit.example.com>", p.messageId());
      NetNotFoundException missing =
          assertThrows(NetNotFoundException.class, () -> client.stat(ArticleId.messageId("<nope@netkit.example.com>")));
      assertEquals(430, missing.replyCode().getAsInt());
      NetNotFoundException noGroup = assertThrows(NetNotFoundException.class, () -> client.group("no.such.group"));
      assertEquals(NetNotFoundException.Target.CONTAINER, noGroup.target());
      assertTrue(client.isConnected());
    }
  }

  @Test
  void postThenReadBackByMessageIdAndFindItWithNewNews() throws IOException {
    try (NntpClient client = connect(plain())) {
      Instant before = client.date().minusSeconds(5);
      String id = "<interop-" + UUID.randomUUID() + "@netkit.example.com>";
      String body = ".starts with a dot\nÜnïcödé body line\n";
      String article =
          "From: Netkit Interop <interop@example.com>\nNewsgroups: " + group + "\nSubject: interop "
              + Instant.now() + "\nMessage-ID: " + id + "\n\n" + body;
      NntpReply.Posted posted = client.post(new ByteArrayInputStream(article.getBytes(StandardCharsets.UTF_8)));
      assertEquals(240, posted.code());
      assertEquals(id, posted.messageId());
      ByteArrayOutputStream back = awaitBody(client, id);
      assertEquals(body.replace("\n", "\r\n"), back.toString(StandardCharsets.UTF_8));
      List<String> fresh = client.newNews(group, before);
      assertTrue(fresh.contains(id), fresh.toString());
    }
  }

  @Test
  void postWithoutADottedFromDomainIsRefusedWithInnsReason() throws IOException {
    try (NntpClient client = connect(plain())) {
      String article = "From: nobody@localhost\nNewsgroups: " + group + "\nSubject: refused\n\nbody\n";
      NetReplyException e =
          assertThrows(NetReplyException.class, () -> client.post(new ByteArrayInputStream(article.getBytes(StandardCharsets.US_ASCII))));
      assertEquals(441, e.replyCode().getAsInt());
      assertTrue(client.isConnected());
      assertTrue(client.group(group).count() >= 3, "the connection is still in step");
    }
  }

  @Test
  void starttlsWithTheScriptsCaAndTheTraceSeesTheSession() throws IOException {
    List<TraceEvent> trace = new CopyOnWriteArrayList<>();
    NetOptions options =
        NetOptions.builder()
            .tlsMode(TlsMode.STARTTLS_REQUIRED)
            .trust(Trust.pemFile(servers.path("CA_PEM")))
            .trace(trace::add)
            .readTimeout(Duration.ofSeconds(20))
            .build();
    Credentials account = new Credentials(servers.require("NNTP_USER"), servers.require("NNTP_PASS"));
    try (NntpClient client = new NntpClient(options)) {
      client.connect(Endpoint.of("localhost", inn.port()).withCredentials(account));
      assertTrue(client.isTls());
      assertTrue(client.group(group).count() >= 3);
    }
    String transcript = trace.toString();
    int tls = transcript.indexOf("TLS started");
    assertTrue(tls > 0 && transcript.indexOf("STARTTLS") < tls, transcript);
    // STARTTLS required: the login comes only after the upgrade, and its password is masked.
    assertTrue(transcript.indexOf("AUTHINFO USER " + account.user()) > tls, transcript);
    assertTrue(transcript.contains("AUTHINFO PASS ****"), transcript);
    assertFalse(transcript.contains(account.password()), transcript);
  }

  private NetOptions nntps(List<TraceEvent> trace) throws IOException {
    return NetOptions.builder()
        .tlsMode(TlsMode.IMPLICIT)
        .trust(Trust.pemFile(servers.path("CA_PEM")))
        .trace(trace::add)
        .readTimeout(Duration.ofSeconds(20))
        .build();
  }

  @Test
  void nntpsLogsInWithAuthinfoAndTheTraceMasksThePassword() throws IOException {
    servers.requireReachable("NNTP_HOST", "NNTPS_PORT");
    Credentials account = new Credentials(servers.require("NNTP_USER"), servers.require("NNTP_PASS"));
    List<TraceEvent> trace = new CopyOnWriteArrayList<>();
    try (NntpClient client = new NntpClient(nntps(trace))) {
      client.connect(Endpoint.of("localhost", servers.port("NNTPS_PORT")).withCredentials(account));
      assertTrue(client.isTls());
      assertTrue(client.group(group).count() >= 3);
    }
    String transcript = trace.toString();
    assertTrue(transcript.contains("AUTHINFO PASS ****"), transcript);
    assertFalse(transcript.contains(account.password()), transcript);
  }

  @Test
  void nntpsWithoutCredentialsIs480AndAWrongPasswordIs481() throws IOException {
    servers.requireReachable("NNTP_HOST", "NNTPS_PORT");
    Endpoint nntps = Endpoint.of("localhost", servers.port("NNTPS_PORT"));
    try (NntpClient client = new NntpClient(nntps(new CopyOnWriteArrayList<>()))) {
      client.connect(nntps);
      NetAuthenticationException e = assertThrows(NetAuthenticationException.class, () -> client.group(group));
      assertEquals(480, e.replyCode().getAsInt());
    }
    Credentials wrong = new Credentials(servers.require("NNTP_USER"), "not-the-password");
    try (NntpClient client = new NntpClient(nntps(new CopyOnWriteArrayList<>()))) {
      NetAuthenticationException e =
          assertThrows(NetAuthenticationException.class, () -> client.connect(nntps.withCredentials(wrong)));
      assertEquals(481, e.replyCode().getAsInt());
      assertFalse(e.getMessage().contains("not-the-password"), e.getMessage());
    }
  }

  @Test
  void nntpsUrlWithUserinfoFetchesAnArticle() throws IOException {
    servers.requireReachable("NNTP_HOST", "NNTPS_PORT");
    NetOptions options =
        NetOptions.builder().trust(Trust.pemFile(servers.path("CA_PEM"))).readTimeout(Duration.ofSeconds(20)).build();
    URI url = URI.create("nntps://" + servers.require("NNTP_USER") + ":" + servers.require("NNTP_PASS")
        + "@localhost:" + servers.port("NNTPS_PORT") + "/" + group + "/1");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Netkit.fetch(url, options, out, TransferListener.NONE);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Message-ID: <seed-dot@netkit.example.com>"));
  }

  @Test
  void providerListsGroupsAndTheOverviewForTheCli() throws IOException {
    URI root = URI.create("nntp://" + inn.host() + ":" + inn.port() + "/");
    List<ListEntry> groups = Netkit.list(root, plain());
    assertTrue(groups.stream().anyMatch(e -> e.kind().equals("group") && e.name().startsWith(group + " ")), groups.toString());
    List<ListEntry> articles = Netkit.list(root.resolve(group), plain());
    ListEntry first = articles.get(0);
    assertEquals("article", first.kind());
    assertTrue(first.name().startsWith("1 Netkit Seed <seed@example.com> Seed article"), first.name());
    assertTrue(first.knownModified().isPresent());
    assertTrue(articles.stream().anyMatch(e -> e.name().contains("Grüße aus netkit ✓")));
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    Netkit.fetch(URI.create("news://" + inn.host() + ":" + inn.port() + "/seed-reply@netkit.example.com"), plain(), raw, TransferListener.NONE);
    assertTrue(raw.toString(StandardCharsets.UTF_8).contains("References: <seed-dot@netkit.example.com>"));
  }

  /** INN files a post asynchronously: wait (bounded) until it can be read back. */
  private static ByteArrayOutputStream awaitBody(NntpClient client, String id) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      try {
        client.body(ArticleId.messageId(id), body);
        return body;
      } catch (NetNotFoundException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    }
  }
}
