package io.netkit.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.UnsafeArgumentException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** RFC 2384 URLs, with curl's password and message-number extensions. */
class Pop3UrlTest {
  private static Pop3Url parse(String url) {
    return Pop3Url.parse(URI.create(url));
  }

  @Test
  void plainUrlHasTheDefaultPortAndNoMessage() {
    Pop3Url url = parse("pop3://mail.example/");
    assertEquals(110, url.port());
    assertTrue(url.messageNumber().isEmpty());
    assertNull(url.user());
    assertEquals(Pop3Login.ANY, url.login());
    assertEquals(995, parse("pop3s://mail.example").port());
    assertTrue(parse("pop3s://mail.example").tls());
  }

  @Test
  void userAuthPasswordAndMessageAreRead() {
    Pop3Url url = parse("pop3://alice;AUTH=*:p%40ss@127.0.0.1:17110/3");
    assertEquals("alice", url.user());
    assertEquals("p@ss", url.password());
    assertEquals(Pop3Login.ANY, url.login());
    assertEquals(17110, url.port());
    assertEquals(3, url.messageNumber().getAsInt());
    assertEquals("alice", url.endpoint().credentials().orElseThrow().user());
  }

  @Test
  void aUserNameThatGrowsWhenUpperCasedKeepsItsAuthPart() {
    // U+03B0 upper-cases to three characters: the ;AUTH= search must not index an upper-cased copy.
    Pop3Url url = Pop3Url.parse(URI.create("pop3://%CE%B0%CE%B0x;AUTH=+APOP@h/"));
    assertEquals("\u03b0\u03b0x", url.user());
    assertEquals(Pop3Login.APOP, url.login());
    URI raw = URI.create("pop3://\u03b0\u03b0x;auth=plain@h/");
    assertEquals(Pop3Login.SASL_PLAIN, Pop3Url.parse(raw).login());
  }

  @Test
  void authMechanismsMapToLogins() {
    assertEquals(Pop3Login.APOP, parse("pop3://bob;AUTH=+APOP@h/").login());
    assertEquals(Pop3Login.SASL_PLAIN, parse("pop3://bob;auth=plain@h/").login());
    assertEquals(Pop3Login.XOAUTH2, parse("pop3://bob;AUTH=XOAUTH2:token@h/").login());
    assertEquals(Pop3Login.USER_PASS, parse("pop3://bob;AUTH=+USER@h/").login());
    assertThrows(IllegalArgumentException.class, () -> parse("pop3://bob;AUTH=KERBEROS_V4@h/"));
  }

  @Test
  void badPathsAndSchemesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("pop3://h/INBOX"));
    assertThrows(IllegalArgumentException.class, () -> parse("pop3://h/0"));
    assertThrows(IllegalArgumentException.class, () -> parse("pop3://h/1?x"));
    assertThrows(IllegalArgumentException.class, () -> parse("imap://h/1"));
    assertThrows(IllegalArgumentException.class, () -> parse("pop3:///1"));
  }

  @Test
  void crLfAndNulAnywhereAreRefused() {
    assertThrows(UnsafeArgumentException.class, () -> parse("pop3://a%0Ab@h/"));
    assertThrows(UnsafeArgumentException.class, () -> parse("pop3://a:p%0D%0AQUIT@h/"));
    assertThrows(UnsafeArgumentException.class, () -> parse("pop3://a:p%00@h/"));
    assertThrows(IllegalArgumentException.class, () -> parse("pop3://h/1%0D%0A"));
  }

  @Test
  void messageUrisLeaveCredentialsAndTheDefaultPortOut() {
    assertEquals("pop3://h/4", parse("pop3://alice:pw@h/").messageUri(4).toString());
    assertEquals("pop3s://h:17995/2", parse("pop3s://h:17995/").messageUri(2).toString());
    assertEquals("pop3://h/", parse("pop3://alice:pw@h/").toString());
  }
}
