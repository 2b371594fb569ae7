package io.netkit.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ImapUrlTest {
  private static ImapUrl parse(String url) {
    return ImapUrl.parse(URI.create(url));
  }

  @Test
  void aServerUrlNamesNoMailbox() {
    ImapUrl url = parse("imap://mail.example.org");
    assertEquals("mail.example.org", url.host());
    assertEquals(143, url.port());
    assertEquals("", url.mailbox());
    assertEquals(-1, url.uid());
    assertEquals(993, parse("imaps://h/").port());
    assertTrue(parse("imaps://h/").tls());
  }

  @Test
  void rfc5092MessagePartWithUserAndAuth() {
    ImapUrl url = parse("imap://bob;AUTH=*@h:1143/INBOX;UIDVALIDITY=785799047/;UID=20/;SECTION=1.2");
    assertEquals("bob", url.user());
    assertEquals("*", url.authMechanism());
    assertEquals(1143, url.port());
    assertEquals("INBOX", url.mailbox());
    assertEquals(785799047L, url.uidValidity());
    assertEquals(20, url.uid());
    assertEquals("1.2", url.section());
  }

  @Test
  void curlsShortFormWithoutTheSlash() {
    ImapUrl url = parse("imap://h/INBOX;UID=3;SECTION=2");
    assertEquals("INBOX", url.mailbox());
    assertEquals(3, url.uid());
    assertEquals("2", url.section());
    assertEquals(7, parse("imap://h/INBOX/;uid=7").uid());
  }

  @Test
  void mailboxesArePercentDecodedUtf8WithSlashesKept() {
    assertEquals("Entwürfe", parse("imap://h/Entw%C3%BCrfe").mailbox());
    assertEquals("Lists/netkit", parse("imap://h/Lists/netkit/;UID=1").mailbox());
    assertEquals("a;b c", parse("imap://h/a%3Bb%20c").mailbox());
  }

  @Test
  void searchKeysAfterTheQuestionMark() {
    ImapUrl url = parse("imap://h/INBOX?SUBJECT%20%22hello%20world%22");
    assertEquals("SUBJECT \"hello world\"", url.search());
    assertNull(parse("imap://h/INBOX").search());
  }

  @Test
  void malformedUrlsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("imap://h/INBOX;UID=abc"));
    assertThrows(IllegalArgumentException.class, () -> parse("imap://h/INBOX;UID=0"));
    assertThrows(IllegalArgumentException.class, () -> parse("imap://h/INBOX;FOO=1"));
    assertThrows(IllegalArgumentException.class, () -> parse("imap://h/;UID=1"));
    assertThrows(IllegalArgumentException.class, () -> parse("imap://h/IN%0D%0ABOX"));
    assertThrows(IllegalArgumentException.class, () -> parse("pop3://h/INBOX"));
  }

  @Test
  void urlsForMailboxesAndMessagesRoundTrip() {
    URI server = URI.create("imap://bob:pw@h:1143/");
    URI box = ImapUrl.mailboxUri(server, "Entwürfe 2026");
    assertEquals("imap://h:1143/Entw%C3%BCrfe%202026", box.toString());
    URI message = ImapUrl.messageUri(server, "Lists/netkit", 42);
    ImapUrl back = ImapUrl.parse(message);
    assertEquals("Lists/netkit", back.mailbox());
    assertEquals(42, back.uid());
  }
}
