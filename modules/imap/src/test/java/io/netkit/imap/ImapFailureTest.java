package io.netkit.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetException;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.core.trace.TraceEvent;
import io.netkit.testkit.Fault;
import io.netkit.testkit.imap.ImapMockServer;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImapFailureTest {
  private ImapMockServer server;

  @BeforeEach
  void start() throws Exception {
    server = ImapTestSupport.server();
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aWrongPasswordIsAnAuthenticationFailure() {
    ImapClient client = new ImapClient(ImapTestSupport.options(null).build());
    Endpoint wrong = server.endpoint().withCredentials(new Credentials(ImapTestSupport.USER, "nope"));
    NetAuthenticationException e = assertThrows(NetAuthenticationException.class, () -> client.connect(wrong));
    assertFalse(e.getMessage().contains("nope"), e.getMessage());
    assertFalse(client.isConnected());
  }

  @Test
  void aMissingMailboxIsAMissingContainerAndTheClientStaysConnected() throws Exception {
    try (ImapClient client = ImapTestSupport.connected(server, ImapTestSupport.options(null).build())) {
      NetNotFoundException e = assertThrows(NetNotFoundException.class, () -> client.select("Nowhere"));
      assertEquals(NetNotFoundException.Target.CONTAINER, e.target());
      assertTrue(client.isConnected());
      assertEquals(2, client.select("INBOX").messages());
    }
  }

  @Test
  void aMissingUidIsAMissingItem() throws Exception {
    try (ImapClient client = ImapTestSupport.connected(server, ImapTestSupport.options(null).build())) {
      NetNotFoundException e = assertThrows(NetNotFoundException.class,
          () -> client.fetch("INBOX", 999, new ByteArrayOutputStream()));
      assertEquals(NetNotFoundException.Target.ITEM, e.target());
      assertThrows(NetNotFoundException.class, () -> client.structure("INBOX", 999));
      assertThrows(NetNotFoundException.class,
          () -> client.flags("INBOX", List.of(999L), Set.of(ImapFlags.SEEN), true));
      assertTrue(client.isConnected());
    }
  }

  @Test
  void appendingToAMissingMailboxSaysSo() throws Exception {
    try (ImapClient client = ImapTestSupport.connected(server, ImapTestSupport.options(null).build())) {
      byte[] message = ImapTestSupport.HELLO.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      NetException e = assertThrows(NetException.class, () -> client.append("Nowhere",
          new java.io.ByteArrayInputStream(message), message.length, Set.of(), null));
      assertTrue(e instanceof NetNotFoundException || e instanceof ImapReplyException, e.toString());
      assertTrue(client.isConnected());
    }
  }

  @Test
  void unsafeArgumentsAreRefusedBeforeAnythingIsSent() {
    assertThrows(UnsafeArgumentException.class, () -> new ImapRequest.Select("INBOX\r\nA1 LOGOUT", false));
    assertThrows(UnsafeArgumentException.class, () -> new ImapRequest.CreateFolder("a\0b"));
    assertThrows(UnsafeArgumentException.class, () -> SearchTerm.subject("x\ny"));
    assertThrows(UnsafeArgumentException.class, () -> SearchTerm.header("X-Test", "a\rb"));
    assertThrows(UnsafeArgumentException.class, () -> ImapFlags.requireValid("Work\r\n"));
    assertThrows(IllegalArgumentException.class, () -> ImapFlags.requireValid("two words"));
    assertThrows(IllegalArgumentException.class, () -> ImapFlags.requireValid("\\Bogus"));
  }

  @Test
  void requiredStartTlsIsRefusedBeforeLoginWhenNotOffered() {
    List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
    NetOptions options = ImapTestSupport.options(trace).tlsMode(TlsMode.STARTTLS_REQUIRED).build();
    ImapClient client = new ImapClient(options);
    NetTlsException e = assertThrows(NetTlsException.class,
        () -> client.connect(server.endpoint().withCredentials(server.account())));
    assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
    assertTrue(server.clientLines().stream().noneMatch(l -> l.toUpperCase().contains("LOGIN")
        || l.toUpperCase().contains("AUTHENTICATE")), server.clientLines().toString());
    assertTrue(trace.stream().noneMatch(t -> t.text().contains(ImapTestSupport.PASSWORD)));
  }

  @Test
  void aSilentServerTimesOut() {
    server.fault(Fault.STALL);
    NetOptions options = ImapTestSupport.options(null).readTimeout(Duration.ofMillis(500)).build();
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      ImapClient client = new ImapClient(options);
      assertThrows(NetTimeoutException.class,
          () -> client.connect(server.endpoint().withCredentials(server.account())));
    });
  }

  @Test
  void aGarbageGreetingIsAProtocolError() {
    server.fault(Fault.GARBAGE_REPLY);
    ImapClient client = new ImapClient(ImapTestSupport.options(null).build());
    assertThrows(NetException.class,
        () -> client.connect(server.endpoint().withCredentials(server.account())));
    assertFalse(client.isConnected());
  }

  @Test
  void aConnectionCutMidFetchIsNeverReportedComplete() throws Exception {
    byte[] big = ImapTestSupport.bigMessage(300_000);
    server.message(big);
    server.cutAfterBytes(150_000);
    server.fault(Fault.DISCONNECT_MID_RESPONSE);
    NetOptions small = ImapTestSupport.options(null).build();
    try (ImapClient cut = new ImapClient(small, ImapOptions.builder().fetchChunkSize(16 * 1024).build())) {
      cut.connect(server.endpoint().withCredentials(server.account()));
      long uid = cut.search("INBOX", SearchTerm.larger(200_000)).get(0);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // The cut falls inside a chunk's literal: the response ended early.
      assertThrows(io.netkit.core.NetTruncatedException.class, () -> cut.fetch("INBOX", uid, out));
      assertTrue(out.size() > 0 && out.size() < big.length, "partial: " + out.size());
      assertFalse(cut.isConnected());
    }
  }

  @Test
  void aHugeAnnouncedLiteralFailsWithoutAllocatingIt() throws Exception {
    try (ScriptedImapServer scripted = new ScriptedImapServer(
        "* OK IMAP4rev1 ready {2000000000}\r\n", (tag, line) -> null)) {
      ImapClient client = new ImapClient(ImapTestSupport.options(null).build());
      NetProtocolException e = assertThrows(NetProtocolException.class, () -> client.connect(
          Endpoint.of("127.0.0.1", scripted.port()).withCredentials(new Credentials("u", "p"))));
      assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }
  }

  @Test
  void anAbsurdMessageCountIsRefused() throws Exception {
    try (ScriptedImapServer scripted = new ScriptedImapServer("* OK IMAP4rev1 ready\r\n",
        (tag, line) -> line.toUpperCase().contains("EXAMINE") || line.toUpperCase().contains("SELECT")
            ? "* 2000000000 EXISTS\r\n" + tag + " OK [READ-ONLY] done\r\n"
            : ScriptedImapServer.standard(tag, line, "IMAP4rev1"))) {
      ImapClient client = new ImapClient(ImapTestSupport.options(null).build());
      client.connect(Endpoint.of("127.0.0.1", scripted.port()).withCredentials(new Credentials("u", "p")));
      assertThrows(NetProtocolException.class, () -> client.examine("INBOX"));
      assertFalse(client.isConnected());
    }
  }

  @Test
  void requiredStartTlsRefusedByTheServerSendsNoLogin() throws Exception {
    try (ScriptedImapServer scripted = new ScriptedImapServer("* OK IMAP4rev1 ready\r\n",
        (tag, line) -> line.toUpperCase().contains("STARTTLS") && !line.toUpperCase().contains("CAPABILITY")
            ? tag + " NO [UNAVAILABLE] not today\r\n"
            : ScriptedImapServer.standard(tag, line, "IMAP4rev1 STARTTLS LOGINDISABLED"))) {
      NetOptions options = ImapTestSupport.options(null).tlsMode(TlsMode.STARTTLS_REQUIRED).build();
      ImapClient client = new ImapClient(options);
      NetTlsException e = assertThrows(NetTlsException.class, () -> client.connect(
          Endpoint.of("127.0.0.1", scripted.port()).withCredentials(new Credentials("u", "pw-123"))));
      assertTrue(e.getMessage().contains("refused STARTTLS"), e.getMessage());
      assertTrue(scripted.received().stream().noneMatch(l -> l.toUpperCase().contains("LOGIN ")),
          scripted.received().toString());
    }
  }

  @Test
  void aServerThatGoesSilentMidSessionTimesOutAndTheClientCloses() throws Exception {
    try (ScriptedImapServer scripted = new ScriptedImapServer("* OK IMAP4rev1 ready\r\n",
        (tag, line) -> line.toUpperCase().contains("EXAMINE") ? null
            : ScriptedImapServer.standard(tag, line, "IMAP4rev1"))) {
      NetOptions options = ImapTestSupport.options(null).readTimeout(Duration.ofMillis(500)).build();
      ImapClient client = new ImapClient(options);
      client.connect(Endpoint.of("127.0.0.1", scripted.port()).withCredentials(new Credentials("u", "p")));
      assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> assertThrows(NetTimeoutException.class, () -> client.examine("INBOX")));
      assertFalse(client.isConnected());
    }
  }

  @Test
  void aFloodOfUntaggedResponsesIsCutOffAtTheCommandBound() throws Exception {
    String flood = "* OK this line is here to fill the client's memory\r\n".repeat(4000);
    try (ScriptedImapServer scripted = new ScriptedImapServer("* OK IMAP4rev1 ready\r\n",
        (tag, line) -> line.toUpperCase().contains("EXAMINE") ? flood
            : ScriptedImapServer.standard(tag, line, "IMAP4rev1"))) {
      ImapOptions bounded = ImapOptions.builder().maxCommandBytes(64 * 1024).build();
      ImapClient client = new ImapClient(ImapTestSupport.options(null).build(), bounded);
      client.connect(Endpoint.of("127.0.0.1", scripted.port()).withCredentials(new Credentials("u", "p")));
      NetProtocolException e = assertThrows(NetProtocolException.class, () -> client.examine("INBOX"));
      assertTrue(e.getMessage().contains("maxCommandBytes"), e.getMessage());
      assertFalse(client.isConnected());
    }
  }

  @Test
  void xoauth2SendsTheTokenMasked() throws Exception {
    List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
    ImapOptions oauth = ImapOptions.builder().authMechanisms(List.of("XOAUTH2")).build();
    try (ImapClient client = new ImapClient(ImapTestSupport.options(trace).build(), oauth)) {
      client.connect(server.endpoint().withCredentials(server.account()));
      assertEquals(2, client.examine("INBOX").messages());
    }
    assertTrue(trace.stream().anyMatch(t -> t.text().contains("AUTHENTICATE XOAUTH2")), trace.toString());
    assertTrue(trace.stream().noneMatch(t -> t.text().contains(ImapTestSupport.PASSWORD)));
  }

  @Test
  void responseCodesDecideTheExceptionAndAreKept() throws Exception {
    try (ScriptedImapServer scripted = new ScriptedImapServer("* OK IMAP4rev1 ready\r\n",
        (tag, line) -> {
          String upper = line.toUpperCase();
          if (upper.contains("APPEND FULL")) {
            return tag + " NO [OVERQUOTA] Quota exceeded\r\n";
          }
          if (upper.contains("APPEND GONE")) {
            return tag + " NO [TRYCREATE] Mailbox doesn't exist: GONE\r\n";
          }
          if (upper.contains("CREATE")) {
            return tag + " BAD [CLIENTBUG] Bad mailbox name\r\n";
          }
          return ScriptedImapServer.standard(tag, line, "IMAP4rev1 LITERAL+");
        })) {
      ImapClient client = new ImapClient(ImapTestSupport.options(null).build());
      client.connect(Endpoint.of("127.0.0.1", scripted.port()).withCredentials(new Credentials("u", "p")));
      byte[] m = "Subject: x\r\n\r\nx\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      ImapReplyException full = assertThrows(ImapReplyException.class,
          () -> client.append("FULL", new java.io.ByteArrayInputStream(m), m.length, Set.of(), null));
      assertEquals("NO", full.status());
      assertEquals("OVERQUOTA", full.responseCode().orElseThrow());
      assertEquals("NO [OVERQUOTA] Quota exceeded", full.replyText().orElseThrow());
      assertTrue(full.getMessage().contains("appending to 'FULL' refused: NO [OVERQUOTA] Quota exceeded"),
          full.getMessage());
      NetNotFoundException gone = assertThrows(NetNotFoundException.class,
          () -> client.append("GONE", new java.io.ByteArrayInputStream(m), m.length, Set.of(), null));
      assertEquals(NetNotFoundException.Target.CONTAINER, gone.target());
      assertTrue(gone.getMessage().contains("[TRYCREATE]"), gone.getMessage());
      ImapReplyException bad = assertThrows(ImapReplyException.class, () -> client.create("x"));
      assertEquals("BAD", bad.status());
      assertTrue(client.isConnected(), "refusals leave the session usable");
    }
  }

  @Test
  void authenticationFailedIsAnAuthenticationExceptionWithTheServersText() throws Exception {
    try (ScriptedImapServer scripted = new ScriptedImapServer("* OK IMAP4rev1 ready\r\n",
        (tag, line) -> line.toUpperCase().contains(" LOGIN ")
            ? tag + " NO [AUTHENTICATIONFAILED] Invalid credentials\r\n"
            : ScriptedImapServer.standard(tag, line, "IMAP4rev1"))) {
      ImapClient client = new ImapClient(ImapTestSupport.options(null).build());
      NetAuthenticationException e = assertThrows(NetAuthenticationException.class, () -> client.connect(
          Endpoint.of("127.0.0.1", scripted.port()).withCredentials(new Credentials("u", "wrong-pw-9"))));
      assertTrue(e.getMessage().contains("[AUTHENTICATIONFAILED] Invalid credentials"), e.getMessage());
      assertFalse(e.getMessage().contains("wrong-pw-9"));
    }
  }
}
