package io.netkit.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuthExchangeMaskerTest {
  private final TraceMasker masker = TraceMasker.authExchanges().forConnection();

  private String sent(String line) {
    return masker.mask(Direction.SENT, line);
  }

  private String received(String line) {
    return masker.mask(Direction.RECEIVED, line);
  }

  @Test
  void smtpAuthLoginMasksTheUserAndPasswordLinesUntilTheFinalReply() {
    assertEquals("AUTH LOGIN", sent("AUTH LOGIN"));
    received("334 VXNlcm5hbWU6");
    assertEquals("****", sent("YWxpY2U="));
    received("334 UGFzc3dvcmQ6");
    assertEquals("****", sent("c2VjcmV0"));
    received("235 2.7.0 Authentication successful");
    assertEquals("MAIL FROM:<a@example.com>", sent("MAIL FROM:<a@example.com>"));
  }

  @Test
  void initialResponsesAreMaskedButTheMechanismStays() {
    assertEquals("AUTH PLAIN ****", sent("AUTH PLAIN AGFsaWNlAHNlY3JldA=="));
    received("235 ok");
    assertEquals("A1 AUTHENTICATE XOAUTH2 ****", sent("A1 AUTHENTICATE XOAUTH2 dXNlcj1h"));
    received("A1 OK done");
    assertEquals("AUTHINFO SASL PLAIN ****", sent("AUTHINFO SASL PLAIN AGEAYg=="));
    received("281 ok");
    assertEquals("GROUP misc.test", sent("GROUP misc.test"));
  }

  @Test
  void pop3SuccessEndsTheExchangeEvenThoughItStartsWithPlus() {
    sent("AUTH PLAIN");
    received("+ ");
    assertEquals("****", sent("AGFsaWNlAHNlY3JldA=="));
    received("+OK logged in");
    assertEquals("STAT", sent("STAT"));
  }

  @Test
  void imapLoginWithLiteralsMasksTheLiteralLines() {
    assertEquals("A2 LOGIN ****", sent("A2 LOGIN {5}"));
    received("+ Ready for literal data");
    assertEquals("****", sent("alice {6}"));
    received("+ Ready for literal data");
    assertEquals("****", sent("secret"));
    received("A2 OK Logged in");
    assertEquals("A3 SELECT INBOX", sent("A3 SELECT INBOX"));
  }

  @Test
  void passwordCommandsKeepTheCommandAndUser() {
    assertEquals("PASS ****", sent("PASS secret"));
    assertEquals("AUTHINFO PASS ****", sent("AUTHINFO PASS secret"));
    assertEquals("APOP alice ****", sent("APOP alice c4c9334bac560ecc979e58001b3e22fb"));
    assertEquals("A1 LOGIN ****", sent("A1 LOGIN \"alice\" \"secret\""));
  }

  @Test
  void theSharedInstanceMasksLineByLineWithoutKeepingState() {
    TraceMasker shared = TraceMasker.authExchanges();
    assertEquals("AUTH LOGIN", shared.mask(Direction.SENT, "AUTH LOGIN"));
    assertEquals("NOOP", shared.mask(Direction.SENT, "NOOP"));
  }

  @Test
  void composedMaskersGetTheirOwnStatePerConnection() {
    TraceMasker composed =
        TraceMasker.commandArguments("USER").andThen(TraceMasker.authExchanges());
    TraceMasker one = composed.forConnection();
    TraceMasker two = composed.forConnection();
    one.mask(Direction.SENT, "AUTH LOGIN");
    assertEquals("****", one.mask(Direction.SENT, "YWxpY2U="));
    assertEquals("YWxpY2U=", two.mask(Direction.SENT, "YWxpY2U="));
    assertEquals("USER ****", two.mask(Direction.SENT, "USER bob"));
  }
}
