package io.netkit.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import io.netkit.testkit.imap.ImapMockServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes over the wire: through the core's sockets (traced), quoted, encoded, masked. */
class ImapWireTest {
  private final List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
  private ImapMockServer server;
  private ImapClient client;

  @BeforeEach
  void start() throws Exception {
    server = ImapTestSupport.server();
    server.start();
    client = ImapTestSupport.connected(server, ImapTestSupport.options(trace).build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  private List<String> sent() {
    synchronized (trace) {
      return trace.stream().filter(e -> e.direction() == Direction.SENT).map(TraceEvent::text).toList();
    }
  }

  @Test
  void theCoreTracesTheWholeSessionAndMasksThePassword() throws Exception {
    client.select("INBOX");
    assertTrue(trace.stream().anyMatch(e -> e.connection().startsWith("imap")), "labelled imap");
    assertTrue(sent().stream().anyMatch(l -> l.endsWith("LOGIN ****")), sent().toString());
    assertTrue(sent().stream().anyMatch(l -> l.endsWith("SELECT INBOX")), sent().toString());
    assertTrue(trace.stream().noneMatch(e -> e.text().contains(ImapTestSupport.PASSWORD)));
  }

  @Test
  void unicodeMailboxNamesTravelInModifiedUtf7AndComeBackAsUnicode() throws Exception {
    client.create("Entwürfe");
    assertTrue(sent().stream().anyMatch(l -> l.endsWith("CREATE Entw&APw-rfe")), sent().toString());
    assertTrue(client.folders().stream().anyMatch(f -> f.name().equals("Entwürfe")));
    assertEquals(0, client.select("Entwürfe").messages());
  }

  @Test
  void quotesAndBackslashesInNamesAndSearchesAreQuotedAndEscaped() throws Exception {
    client.create("say \"hi\" \\o/");
    assertTrue(sent().stream().anyMatch(l -> l.endsWith("CREATE \"say \\\"hi\\\" \\\\o/\"")), sent().toString());
    assertTrue(client.folders().stream().anyMatch(f -> f.name().equals("say \"hi\" \\o/")));
    client.search("INBOX", SearchTerm.subject("a \"b\" \\c"));
    assertTrue(sent().stream().anyMatch(l -> l.endsWith("UID SEARCH SUBJECT \"a \\\"b\\\" \\\\c\"")),
        sent().toString());
  }

  @Test
  void nonAsciiSearchesSayCharsetUtf8() throws Exception {
    client.search("INBOX", SearchTerm.or(SearchTerm.subject("für"), SearchTerm.not(SearchTerm.seen())));
    assertTrue(sent().stream().anyMatch(l -> l.contains("UID SEARCH CHARSET UTF-8 OR SUBJECT")), sent().toString());
    assertTrue(sent().stream().anyMatch(l -> l.endsWith("NOT SEEN")), sent().toString());
  }

  @Test
  void combinedSearchTermsNestInParentheses() throws Exception {
    try {
      client.search("INBOX", SearchTerm.or(
          SearchTerm.and(SearchTerm.from("a"), SearchTerm.larger(10)),
          SearchTerm.and(SearchTerm.uids(1, 5), SearchTerm.since(java.time.LocalDate.of(2026, 1, 2)))));
    } catch (ImapReplyException e) {
      // GreenMail knows no parenthesized groups (BAD); Dovecot answers them in the interop tests.
      assertEquals("BAD", e.status());
      assertTrue(client.isConnected(), "a BAD leaves the session usable");
    }
    assertTrue(sent().stream().anyMatch(l -> l.endsWith(
        "UID SEARCH OR (FROM a LARGER 10) (UID 1:5 SINCE 2-Jan-2026)")), sent().toString());
  }

  @Test
  void fetchingNeverAsksForBodyWithoutPeek() throws Exception {
    long uid = client.search("INBOX", SearchTerm.all()).get(1);
    client.fetch("INBOX", uid, java.io.OutputStream.nullOutputStream());
    client.fetch("INBOX", uid, "1", false, java.io.OutputStream.nullOutputStream(),
        io.netkit.core.TransferListener.NONE);
    client.request(new ImapRequest.FetchSummaries("INBOX", List.of(uid), true));
    assertFalse(sent().stream().anyMatch(l -> l.contains("BODY[")), sent().toString());
    assertTrue(sent().stream().anyMatch(l -> l.contains("BODY.PEEK[]<0.")), sent().toString());
  }
}
