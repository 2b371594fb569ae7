package io.netkit.nntp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetReplyException;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.testkit.nntp.NntpMockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NntpClientTest {
  NntpMockServer server;
  NntpClient client;

  @BeforeEach
  void start() throws IOException {
    server = NntpMockServer.of(TestNews.spool());
    server.start();
    client = new NntpClient(NetOptions.builder().readTimeout(Duration.ofSeconds(10)).build());
    client.connect(server.endpoint());
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void connectReadsTheGreetingAndCapabilities() {
    assertTrue(client.postingAllowed());
    assertTrue(client.capabilities().has("OVER"));
    assertTrue(client.capabilities().has("LIST", "NEWSGROUPS"));
    assertEquals("CAPABILITIES", server.commands().get(0));
  }

  @Test
  void listActiveGivesEveryGroupAndAWildmatFilters() throws IOException {
    List<NewsGroup> all = client.listActive().groups();
    assertEquals(List.of("netkit.test", "netkit.empty", "other.group"), all.stream().map(NewsGroup::name).toList());
    NewsGroup test = all.get(0);
    assertEquals(1, test.low());
    assertEquals(3, test.high());
    assertEquals(3, test.estimatedCount());
    assertTrue(test.postingAllowed());
    assertFalse(all.get(2).postingAllowed());
    assertEquals(List.of("netkit.test", "netkit.empty"),
        client.listActive("netkit.*").groups().stream().map(NewsGroup::name).toList());
    assertEquals(List.of("netkit.test"),
        client.listActive("netkit.*,!netkit.empty").groups().stream().map(NewsGroup::name).toList());
  }

  @Test
  void listActiveStreamsToAConsumer() throws IOException {
    List<String> seen = new ArrayList<>();
    NntpReply.Groups reply = (NntpReply.Groups) client.request(new NntpRequest.ListActive(null, g -> seen.add(g.name())));
    assertEquals(3, reply.count());
    assertTrue(reply.groups().isEmpty());
    assertEquals(3, seen.size());
  }

  @Test
  void descriptionsAndOverviewFormat() throws IOException {
    assertEquals("netkit's test group", client.descriptions("netkit.test").get("netkit.test"));
    NntpReply.OverviewFormat format = (NntpReply.OverviewFormat) client.request(new NntpRequest.ListOverviewFormat());
    assertEquals(NntpReply.OverviewFormat.DEFAULT.fields(), format.fields());
  }

  @Test
  void groupSelectsAndReportsCountLowHigh() throws IOException {
    NntpReply.GroupSelected g = client.group("netkit.test");
    assertEquals(new NntpReply.GroupSelected("netkit.test", 3, 1, 3), g);
    assertEquals(g, client.selectedGroup().orElseThrow());
  }

  @Test
  void missingGroupIsANotFoundContainerWithTheCode() {
    NetNotFoundException e = assertThrows(NetNotFoundException.class, () -> client.group("no.such.group"));
    assertEquals(NetNotFoundException.Target.CONTAINER, e.target());
    assertEquals(411, e.replyCode().getAsInt());
    assertTrue(e.getMessage().contains("411"), e.getMessage());
    assertTrue(client.isConnected(), "a refusal leaves the connection usable");
  }

  @Test
  void missingArticleIsANotFoundItemByNumberAndByMessageId() throws IOException {
    client.group("netkit.test");
    NetNotFoundException byNumber =
        assertThrows(NetNotFoundException.class, () -> client.stat(ArticleId.number(99)));
    assertEquals(423, byNumber.replyCode().getAsInt());
    assertEquals(NetNotFoundException.Target.ITEM, byNumber.target());
    NetNotFoundException byId =
        assertThrows(NetNotFoundException.class, () -> client.stat(ArticleId.messageId("nope@example.com")));
    assertEquals(430, byId.replyCode().getAsInt());
  }

  @Test
  void listGroupWithARange() throws IOException {
    assertEquals(List.of(1L, 2L, 3L), client.listGroup("netkit.test", null));
    assertEquals(List.of(2L, 3L), client.listGroup("netkit.test", ArticleRange.from(2)));
    assertEquals(List.of(1L, 2L), client.listGroup("netkit.test", ArticleRange.between(1, 2)));
    assertEquals("LISTGROUP netkit.test 1-2", server.commands().get(server.commands().size() - 1));
  }

  @Test
  void articleIsStreamedUnstuffedWithCrlfLineEnds() throws IOException {
    client.group("netkit.test");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NntpReply.ArticleTransfer t = client.article(ArticleId.number(1), out);
    assertEquals(TestNews.FIRST, out.toString(StandardCharsets.UTF_8));
    assertEquals("<first@example.com>", t.messageId());
    assertEquals(1, t.number());
    assertEquals(TestNews.FIRST.length(), t.bytes());
  }

  @Test
  void headAndBodyByMessageId() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    client.head(ArticleId.messageId("<second@example.com>"), head);
    assertTrue(head.toString(StandardCharsets.UTF_8).startsWith("From: Bob"));
    assertFalse(head.toString(StandardCharsets.UTF_8).contains("Grüße"));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    client.body(ArticleId.messageId("second@example.com"), body);
    assertEquals("Grüße\r\n", body.toString(StandardCharsets.UTF_8));
  }

  @Test
  void statNextAndLastMoveThroughTheGroup() throws IOException {
    client.group("netkit.test");
    assertEquals(new NntpReply.ArticlePointer(1, "<first@example.com>"), client.stat(ArticleId.current()));
    assertEquals(2, client.next().number());
    assertEquals(3, client.next().number());
    NetNotFoundException end = assertThrows(NetNotFoundException.class, client::next);
    assertEquals(421, end.replyCode().getAsInt());
    assertEquals(2, client.last().number());
  }

  @Test
  void overParsesFieldsInTheServersOrderAndDecodesSubjects() throws IOException {
    client.group("netkit.test");
    List<Overview> lines = client.over(ArticleRange.between(1, 3)).overviews();
    assertEquals(3, lines.size());
    Overview second = lines.get(1);
    assertEquals(2, second.number());
    assertEquals("=?UTF-8?B?R3LDvMOfZQ==?=", second.subject());
    assertEquals("Grüße", second.decodedSubject());
    assertEquals("<second@example.com>", second.messageId());
    assertEquals(Instant.parse("2026-12-01T11:00:00Z"), second.time().orElseThrow());
    assertEquals("<first@example.com>", lines.get(2).references());
    assertTrue(second.bytes().getAsLong() > 0);
    Overview byId = ((NntpReply.Overviews) client.request(NntpRequest.Over.messageId("third@example.com"))).overviews().get(0);
    assertEquals("Re: First post", byId.subject());
  }

  @Test
  void legacyServerGetsXoverAndXhdr() throws IOException {
    try (NntpMockServer old = NntpMockServer.of(TestNews.spool()).legacy(true); NntpClient c = new NntpClient()) {
      old.start();
      c.connect(old.endpoint());
      assertTrue(c.capabilities().isEmpty());
      c.group("netkit.test");
      assertEquals(3, c.over(ArticleRange.from(1)).overviews().size());
      List<NntpReply.HeaderValue> subjects = c.hdr("Subject", ArticleRange.from(1));
      assertEquals("First post", subjects.get(0).value());
      assertTrue(old.commands().contains("XOVER 1-"), old.commands().toString());
      assertTrue(old.commands().contains("XHDR Subject 1-"), old.commands().toString());
    }
  }

  @Test
  void hdrGivesOneValuePerArticle() throws IOException {
    client.group("netkit.test");
    List<NntpReply.HeaderValue> values = client.hdr("Message-ID", ArticleRange.between(1, 2));
    assertEquals(List.of(new NntpReply.HeaderValue(1, "<first@example.com>"), new NntpReply.HeaderValue(2, "<second@example.com>")), values);
    assertTrue(server.commands().contains("HDR Message-ID 1-2"));
  }

  @Test
  void postSendsADotStuffedArticleAndItCanBeReadBack() throws IOException {
    String article = "From: Carol <carol@example.com>\nNewsgroups: netkit.test\nSubject: posted\n\n.leading dot\nline two\n";
    NntpReply.Posted posted = client.post(new ByteArrayInputStream(article.getBytes(StandardCharsets.UTF_8)));
    assertEquals(240, posted.code());
    assertTrue(posted.messageId().startsWith("<mock."), "the recommended id was used: " + posted.messageId());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    client.body(ArticleId.messageId(posted.messageId()), body);
    assertEquals(".leading dot\r\nline two\r\n", body.toString(StandardCharsets.UTF_8));
    assertEquals(4, client.group("netkit.test").high());
  }

  @Test
  void postFromHeaderFieldsEncodesNonAsciiSubjects() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("From", "dave@example.com");
    headers.put("Newsgroups", "netkit.test");
    headers.put("Subject", "Ünïcödé subject");
    headers.put("Message-ID", "<dave@example.com>");
    client.request(NntpRequest.post(headers, "body\n"));
    client.group("netkit.test");
    Overview o = ((NntpReply.Overviews) client.request(NntpRequest.Over.messageId("<dave@example.com>"))).overviews().get(0);
    assertTrue(o.subject().startsWith("=?UTF-8?B?"), o.subject());
    assertEquals("Ünïcödé subject", o.decodedSubject());
  }

  @Test
  void postWithoutRequiredHeadersIsRefusedBeforeAnythingIsSent() {
    String article = "From: x@example.com\nSubject: no groups\n\nbody\n";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> client.post(new ByteArrayInputStream(article.getBytes(StandardCharsets.US_ASCII))));
    assertTrue(e.getMessage().contains("Newsgroups"), e.getMessage());
    assertFalse(server.commands().contains("POST"));
    assertTrue(client.isConnected());
  }

  @Test
  void headerValuesWithCrLfOrNulAreRefused() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("From", "x@example.com");
    headers.put("Newsgroups", "netkit.test");
    headers.put("Subject", "evil\r\nNewsgroups: other");
    assertThrows(UnsafeArgumentException.class, () -> NntpRequest.post(headers, "b"));
    String raw = "From: x@example.com\nNewsgroups: netkit.test\nSubject: a\0b\n\nbody\n";
    assertThrows(UnsafeArgumentException.class, () -> client.post(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1))));
    assertFalse(server.commands().contains("POST"));
  }

  @Test
  void rejectedPostIsAReplyExceptionWithTheServersReason() {
    String article = "From: nodomain\nNewsgroups: netkit.test\nSubject: s\n\nbody\n";
    NetReplyException e =
        assertThrows(NetReplyException.class, () -> client.post(new ByteArrayInputStream(article.getBytes(StandardCharsets.US_ASCII))));
    assertEquals(441, e.replyCode().getAsInt());
    assertTrue(e.getMessage().contains("Internet syntax"), e.getMessage());
  }

  @Test
  void postingNotAllowedIs440() throws IOException {
    try (NntpMockServer readOnly = NntpMockServer.of(TestNews.spool()).postingAllowed(false); NntpClient c = new NntpClient()) {
      readOnly.start();
      c.connect(readOnly.endpoint());
      assertFalse(c.postingAllowed());
      String article = "From: a@example.com\nNewsgroups: netkit.test\nSubject: s\n\nbody\n";
      NetReplyException e =
          assertThrows(NetReplyException.class, () -> c.post(new ByteArrayInputStream(article.getBytes(StandardCharsets.US_ASCII))));
      assertEquals(440, e.replyCode().getAsInt());
    }
  }

  @Test
  void ihaveOffersAnArticleAsAPeer() throws IOException {
    String article = "From: peer@example.com\r\nNewsgroups: netkit.test\r\nSubject: fed\r\nMessage-ID: <fed@example.com>\r\n\r\nfed body\r\n";
    NntpReply.Posted p = (NntpReply.Posted) client.request(
        new NntpRequest.IHave("<fed@example.com>", new ByteArrayInputStream(article.getBytes(StandardCharsets.US_ASCII))));
    assertEquals(235, p.code());
    NetReplyException again = assertThrows(NetReplyException.class, () -> client.request(
        new NntpRequest.IHave("<fed@example.com>", new ByteArrayInputStream(article.getBytes(StandardCharsets.US_ASCII)))));
    assertEquals(435, again.replyCode().getAsInt());
  }

  @Test
  void newGroupsNewNewsAndDate() throws IOException {
    Instant before = Instant.now().minusSeconds(3600);
    assertEquals(3, client.newGroups(before).size());
    assertTrue(client.newGroups(Instant.now().plusSeconds(3600)).isEmpty());
    assertEquals(List.of("<first@example.com>", "<second@example.com>", "<third@example.com>"), client.newNews("netkit.*", before));
    Instant date = client.date();
    assertTrue(Duration.between(date, Instant.now()).abs().getSeconds() < 120, date.toString());
  }

  @Test
  void unsafeArgumentsAreRefusedBeforeSending() {
    assertThrows(UnsafeArgumentException.class, () -> client.group("a\r\nQUIT"));
    assertThrows(IllegalArgumentException.class, () -> client.group("two words"));
    assertThrows(UnsafeArgumentException.class, () -> ArticleId.messageId("<a@b>\r\nPOST"));
    assertThrows(IllegalArgumentException.class, () -> ArticleId.messageId("<a b@c>"));
    assertThrows(IllegalArgumentException.class, () -> client.listActive("a b"));
    assertTrue(server.commands().stream().noneMatch(c -> c.contains("QUIT") || c.contains("POST")));
    assertTrue(client.isConnected());
  }

  @Test
  void closeSaysQuit() {
    client.close();
    assertFalse(client.isConnected());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!server.commands().contains("QUIT") && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(server.commands().contains("QUIT"));
    client.close(); // idempotent
  }
}
