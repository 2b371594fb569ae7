package io.netkit.interop.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.TlsMode;
import io.netkit.core.trace.TraceEvent;
import io.netkit.interop.Digests;
import io.netkit.pop3.MessageSummary;
import io.netkit.pop3.MessageUid;
import io.netkit.pop3.Pop3Client;
import io.netkit.pop3.Pop3Login;
import io.netkit.pop3.Pop3Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The POP3 client against Debian's Dovecot: the mailbox seeded with known messages each test. */
class DovecotPop3InteropTest {
  static final String HEAD_1 = "From: seed@example.com\r\nTo: carol@netkit.test\r\nSubject: one\r\n"
      + "Message-ID: <seed-1@netkit.test>\r\n\r\n";
  static final byte[] MESSAGE_1 = (HEAD_1 + "first body\r\n.line with a leading dot\r\n..two dots\r\n.\r\nend\r\n")
      .getBytes(StandardCharsets.UTF_8);
  static final byte[] MESSAGE_2 = ("From: seed@example.com\r\nSubject: two\r\nMessage-ID: <seed-2@netkit.test>\r\n\r\n"
      + "second\r\n").getBytes(StandardCharsets.UTF_8);
  static final byte[] MESSAGE_3 = ("Subject: three\r\nMessage-ID: <seed-3@netkit.test>\r\n"
      + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + "caf\u00e9 \u2615\r\n".repeat(1000))
      .getBytes(StandardCharsets.UTF_8);

  private MailServers mail;
  private Set<String> seeded;
  private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();

  @BeforeEach
  void seed() throws IOException {
    mail = new MailServers();
    mail.empty();
    seeded = Set.of(mail.seed(MESSAGE_1), mail.seed(MESSAGE_2), mail.seed(MESSAGE_3));
  }

  private Pop3Client connect(TlsMode mode) throws IOException {
    Pop3Client pop3 = new Pop3Client(mail.options(mode).trace(trace::add).build());
    pop3.connect((mode == TlsMode.IMPLICIT ? mail.pop3s() : mail.pop3()).withCredentials(mail.credentials()));
    return pop3;
  }

  @Test
  void listShowsTheSeededMessagesWithTheirSizes() throws IOException {
    try (Pop3Client pop3 = connect(TlsMode.STARTTLS_REQUIRED)) {
      List<MessageSummary> messages = pop3.messages();
      assertEquals(3, messages.size());
      Set<Long> sizes = new HashSet<>();
      messages.forEach(m -> sizes.add(m.octets()));
      assertEquals(Set.of((long) MESSAGE_1.length, (long) MESSAGE_2.length, (long) MESSAGE_3.length), sizes);
      assertTrue(messages.stream().allMatch(m -> m.uid() != null));
      assertEquals(3, pop3.stat().messages());
    }
  }

  @Test
  void retrieveIsByteForByte() throws IOException {
    try (Pop3Client pop3 = connect(TlsMode.STARTTLS_REQUIRED)) {
      Set<String> fetched = new HashSet<>();
      for (MessageSummary m : pop3.messages()) {
        Digests.Sha256Sink sink = new Digests.Sha256Sink();
        assertEquals(m.octets(), pop3.retrieve(m.number(), sink));
        fetched.add(sink.hex());
      }
      assertEquals(seeded, fetched);
    }
  }

  @Test
  void topGivesTheHeaderOfTheMessage() throws IOException {
    try (Pop3Client pop3 = connect(TlsMode.STARTTLS_REQUIRED)) {
      for (MessageSummary m : pop3.messages()) {
        if (m.octets() == MESSAGE_1.length) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          pop3.top(m.number(), 0, out);
          assertEquals(HEAD_1, out.toString(StandardCharsets.UTF_8));
          assertEquals("one", pop3.headers(m.number()).getHeader("Subject", null));
          return;
        }
      }
      throw new AssertionError("message 1 not listed");
    }
  }

  @Test
  void uidlIsStableAcrossSessions() throws IOException {
    List<MessageUid> first;
    try (Pop3Client pop3 = connect(TlsMode.STARTTLS_REQUIRED)) {
      first = pop3.uidl();
    }
    try (Pop3Client pop3 = connect(TlsMode.IMPLICIT)) {
      assertEquals(first, pop3.uidl());
      assertEquals(first.get(1), pop3.uidl(2));
    }
  }

  @Test
  void deleteThenQuitRemovesTheMessage() throws IOException {
    Pop3Client pop3 = connect(TlsMode.STARTTLS_REQUIRED);
    String gone = pop3.uidl(2).uid();
    pop3.delete(2);
    assertThrows(NetNotFoundException.class, () -> pop3.retrieve(2, new ByteArrayOutputStream()));
    pop3.quit();
    try (Pop3Client again = connect(TlsMode.STARTTLS_REQUIRED)) {
      assertEquals(2, again.stat().messages());
      assertTrue(again.uidl().stream().noneMatch(u -> u.uid().equals(gone)));
    }
    assertEquals(2, mail.files());
  }

  @Test
  void deleteThenADroppedConnectionLeavesTheMessage() throws IOException {
    Pop3Client pop3 = connect(TlsMode.STARTTLS_REQUIRED);
    pop3.delete(1);
    pop3.abort();
    try (Pop3Client again = connect(TlsMode.STARTTLS_REQUIRED)) {
      assertEquals(3, again.stat().messages());
      again.delete(1);
    } // close(): RSET, QUIT
    try (Pop3Client again = connect(TlsMode.STARTTLS_REQUIRED)) {
      assertEquals(3, again.stat().messages());
    }
    assertEquals(3, mail.files());
  }

  @Test
  void stlsRequiredUpgradesBeforeLoggingIn() throws IOException {
    try (Pop3Client pop3 = connect(TlsMode.STARTTLS_REQUIRED)) {
      assertTrue(pop3.isTls());
      assertFalse(pop3.capabilities().stls());
    }
    int stls = indexOf("STLS");
    int auth = indexOf("AUTH PLAIN ****");
    assertTrue(stls >= 0 && auth > stls, trace.toString());
    assertTrue(trace.stream().noneMatch(e -> e.text().contains(mail.credentials().password())));
  }

  private int indexOf(String sent) {
    for (int i = 0; i < trace.size(); i++) {
      if (trace.get(i).text().equals(sent)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void wrongPasswordIsAnAuthenticationError() throws IOException {
    Pop3Client pop3 = new Pop3Client(mail.options(TlsMode.STARTTLS_REQUIRED).build());
    NetAuthenticationException e = assertThrows(NetAuthenticationException.class,
        () -> pop3.connect(mail.pop3().withCredentials(new Credentials(mail.credentials().user(), "wrong-pass"))));
    assertTrue(e.getMessage().contains("[AUTH]"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-pass"));
  }

  @Test
  void apopAndUserPassWorkToo() throws IOException {
    for (Pop3Login login : List.of(Pop3Login.APOP, Pop3Login.USER_PASS)) {
      Pop3Client pop3 = new Pop3Client(mail.options(TlsMode.STARTTLS_REQUIRED).build(),
          Pop3Options.builder().login(login).build());
      pop3.connect(mail.pop3().withCredentials(mail.credentials()));
      assertEquals(3, pop3.stat().messages(), login.name());
      pop3.close();
    }
  }
}
