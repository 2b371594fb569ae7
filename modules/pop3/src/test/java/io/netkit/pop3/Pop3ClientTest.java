package io.netkit.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetOptions;
import io.netkit.core.trace.TraceEvent;
import io.netkit.testkit.pop3.Pop3MockServer;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against GreenMail's POP3: the ordinary session, end to end. */
class Pop3ClientTest {
  static final String FIRST =
      "From: a@example.com\r\nTo: alice@localhost\r\nSubject: first\r\nMessage-ID: <1@x>\r\n\r\n"
          + "one\r\n.starts with a dot\r\n..two dots\r\nlast line\r\n";
  static final String SECOND =
      "From: b@example.com\r\nTo: alice@localhost\r\nSubject: second\r\nMessage-ID: <2@x>\r\n\r\n"
          + "body of two\r\n";

  private Pop3MockServer server;
  private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new Pop3MockServer("alice", "secret").message(FIRST).message(SECOND);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private NetOptions options() {
    return NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .trace(trace::add)
        .build();
  }

  private Pop3Client connected() throws IOException {
    Pop3Client client = new Pop3Client(options());
    client.connect(server.endpoint().withCredentials(new Credentials("alice", "secret")));
    return client;
  }

  @Test
  void statListAndUidlDescribeTheMailbox() throws IOException {
    try (Pop3Client pop3 = connected()) {
      MailboxStatus stat = pop3.stat();
      assertEquals(2, stat.messages());
      List<MessageSize> sizes = pop3.list();
      assertEquals(2, sizes.size());
      assertEquals(stat.octets(), sizes.get(0).octets() + sizes.get(1).octets());
      assertEquals(sizes.get(1), pop3.list(2));
      List<MessageUid> uids = pop3.uidl();
      assertEquals(2, uids.size());
      assertEquals(uids.get(0), pop3.uidl(1));
      List<MessageSummary> messages = pop3.messages();
      assertEquals(uids.get(1).uid(), messages.get(1).uid());
      assertEquals(sizes.get(1).octets(), messages.get(1).octets());
    }
  }

  @Test
  void retrieveStreamsTheMessageUnstuffed() throws IOException {
    try (Pop3Client pop3 = connected()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long bytes = pop3.retrieve(1, out);
      String text = out.toString(StandardCharsets.UTF_8);
      assertEquals(out.size(), bytes);
      assertTrue(text.contains("\r\n\r\none\r\n.starts with a dot\r\n..two dots\r\nlast line\r\n"), text);
      assertTrue(text.startsWith("From: a@example.com") || text.contains("Subject: first"), text);
    }
  }

  @Test
  void messageIsParsedWithJakartaMail() throws Exception {
    try (Pop3Client pop3 = connected()) {
      MimeMessage message = pop3.message(2);
      assertEquals("second", message.getSubject());
      assertEquals("body of two\r\n", message.getContent());
      InternetHeaders headers = pop3.headers(1);
      assertEquals("first", headers.getHeader("Subject", null));
    }
  }

  @Test
  void topGivesTheHeaderAndTheFirstLines() throws IOException {
    try (Pop3Client pop3 = connected()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pop3.top(1, 1, out);
      String text = out.toString(StandardCharsets.UTF_8);
      assertTrue(text.contains("Subject: first"), text);
      assertTrue(text.contains("one"), text);
      assertFalse(text.contains("last line"), text);
    }
  }

  @Test
  void deleteThenQuitRemovesTheMessage() throws IOException {
    Pop3Client pop3 = connected();
    pop3.delete(1);
    pop3.quit();
    assertFalse(pop3.isConnected());
    try (Pop3Client again = connected()) {
      assertEquals(1, again.stat().messages());
      assertEquals(1, server.messageCount());
    }
  }

  @Test
  void deleteThenCloseLeavesTheMessage() throws IOException {
    Pop3Client pop3 = connected();
    pop3.delete(1);
    pop3.close();
    try (Pop3Client again = connected()) {
      assertEquals(2, again.stat().messages());
    }
  }

  @Test
  void abortSendsNothingMore() throws IOException {
    // GreenMail keeps a DELE's mark when the connection drops (Dovecot, as RFC 1939 says, does
    // not: the interop tests check that); here: abort says neither RSET nor QUIT.
    Pop3Client pop3 = connected();
    pop3.delete(2);
    pop3.abort();
    pop3.abort();
    assertFalse(pop3.isConnected());
    List<String> sent = trace.stream().filter(e -> e.direction() == io.netkit.core.trace.Direction.SENT)
        .map(TraceEvent::text).toList();
    assertEquals("DELE 2", sent.get(sent.size() - 1), sent.toString());
  }

  @Test
  void closeWithPendingDeletionsSendsResetThenQuit() throws IOException {
    Pop3Client pop3 = connected();
    pop3.delete(2);
    pop3.close();
    List<String> sent = trace.stream().filter(e -> e.direction() == io.netkit.core.trace.Direction.SENT)
        .map(TraceEvent::text).toList();
    assertEquals(List.of("DELE 2", "RSET", "QUIT"), sent.subList(sent.size() - 3, sent.size()));
  }

  @Test
  void resetUnmarksDeletions() throws IOException {
    Pop3Client pop3 = connected();
    pop3.delete(1);
    pop3.reset();
    pop3.quit();
    try (Pop3Client again = connected()) {
      assertEquals(2, again.stat().messages());
    }
  }

  @Test
  void unknownMessageIsNotFoundAndTheSessionGoesOn() throws IOException {
    try (Pop3Client pop3 = connected()) {
      NetNotFoundException e =
          assertThrows(NetNotFoundException.class, () -> pop3.retrieve(9, new ByteArrayOutputStream()));
      assertEquals(NetNotFoundException.Target.ITEM, e.target());
      assertTrue(e.getMessage().contains("RETR 9 refused: -ERR"), e.getMessage());
      assertTrue(e.replyCode().isEmpty());
      assertTrue(pop3.isConnected());
      assertEquals(2, pop3.stat().messages());
      assertThrows(NetNotFoundException.class, () -> pop3.delete(9));
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationError() {
    Pop3Client pop3 = new Pop3Client(options());
    NetAuthenticationException e =
        assertThrows(
            NetAuthenticationException.class,
            () -> pop3.connect(server.endpoint().withCredentials(new Credentials("alice", "wrong"))));
    assertFalse(e.getMessage().contains("wrong"), e.getMessage());
    assertFalse(pop3.isConnected());
    assertThrows(IllegalStateException.class, pop3::stat);
  }

  @Test
  void loginUsesSaslPlainWhenOfferedAndTheTraceMasksIt() throws IOException {
    try (Pop3Client pop3 = connected()) {
      pop3.noop();
    }
    List<String> sent = trace.stream().filter(e -> e.direction() == io.netkit.core.trace.Direction.SENT)
        .map(TraceEvent::text).toList();
    assertTrue(sent.contains("AUTH PLAIN ****"), sent.toString());
    assertTrue(sent.contains("NOOP"), sent.toString());
    assertTrue(trace.stream().noneMatch(e -> e.text().contains("secret")));
  }

  @Test
  void userPassLoginWorksAndThePasswordIsMasked() throws IOException {
    Pop3Client pop3 = new Pop3Client(options(), Pop3Options.builder().login(Pop3Login.USER_PASS).build());
    pop3.connect(server.endpoint().withCredentials(new Credentials("alice", "secret")));
    assertEquals(2, pop3.stat().messages());
    pop3.close();
    assertTrue(trace.stream().anyMatch(e -> e.text().equals("PASS ****")));
    assertTrue(trace.stream().noneMatch(e -> e.text().contains("secret")));
  }

  @Test
  void xoauth2SendsTheTokenAsBearer() throws IOException {
    // GreenMail checks an XOAUTH2 token as if it were the password.
    Pop3Client pop3 = new Pop3Client(options(), Pop3Options.builder().login(Pop3Login.XOAUTH2).build());
    pop3.connect(server.endpoint().withCredentials(new Credentials("alice", "secret")));
    assertEquals(2, pop3.stat().messages());
    pop3.close();
    assertTrue(trace.stream().anyMatch(e -> e.text().equals("AUTH XOAUTH2 ****")));
  }

  @Test
  void capabilitiesAreKnownAfterConnect() throws IOException {
    try (Pop3Client pop3 = connected()) {
      assertTrue(pop3.capabilities().known());
      assertTrue(pop3.capabilities().saslMechanisms().contains("PLAIN"));
      Pop3Capabilities again = (Pop3Capabilities) pop3.request(new Pop3Request.Capabilities());
      assertTrue(again.has("UIDL"));
      assertFalse(pop3.isTls());
    }
  }

  @Test
  void everyByteGoesThroughTheCoreTrace() throws IOException {
    try (Pop3Client pop3 = connected()) {
      pop3.retrieve(2, new ByteArrayOutputStream());
    }
    assertTrue(trace.stream().anyMatch(e -> e.text().equals("RETR 2")));
    assertTrue(trace.stream().anyMatch(e -> e.text().equals("body of two")));
    assertTrue(trace.stream().anyMatch(e -> e.connection().startsWith("pop3")));
  }

  @Test
  void aRefusedConnectionClosesTheClient() throws IOException {
    int port;
    try (java.net.ServerSocket unused = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = unused.getLocalPort();
    }
    Pop3Client pop3 = new Pop3Client(options());
    assertThrows(io.netkit.core.NetConnectException.class,
        () -> pop3.connect(io.netkit.core.Endpoint.of("127.0.0.1", port)));
    assertFalse(pop3.isConnected());
    assertThrows(IllegalStateException.class, () -> pop3.connect(server.endpoint()));
  }

  @Test
  void requestsBeforeConnectAreMisuse() {
    Pop3Client pop3 = new Pop3Client();
    assertThrows(IllegalStateException.class, pop3::stat);
    pop3.close();
    assertThrows(IllegalStateException.class, () -> pop3.connect(server.endpoint()));
  }

  @Test
  void numbersBelowOneAreRefusedBeforeSending() throws IOException {
    try (Pop3Client pop3 = connected()) {
      assertThrows(IllegalArgumentException.class, () -> pop3.retrieve(0, new ByteArrayOutputStream()));
      assertThrows(IllegalArgumentException.class, () -> pop3.top(1, -1, new ByteArrayOutputStream()));
      assertTrue(pop3.isConnected());
    }
  }
}
