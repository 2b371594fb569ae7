package io.netkit.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerReplyTest {
  @Test
  void parsesAMultiLineReplyAsAngusKeepsIt() {
    ServerReply r = ServerReply.parse("250-mail.example\n250-SIZE 1000\n250 8BITMIME\n");
    assertEquals(250, r.code());
    assertEquals(List.of("mail.example", "SIZE 1000", "8BITMIME"), r.lines());
    assertTrue(r.isPositive());
    assertEquals("250 mail.example SIZE 1000 8BITMIME", r.oneLine());
  }

  @Test
  void readsTheEnhancedStatus() {
    ServerReply r = ServerReply.parse("550 5.1.1 <x@y>: Recipient address rejected\n");
    assertEquals(Optional.of("5.1.1"), r.enhancedStatus());
    assertEquals("5.1.1 <x@y>: Recipient address rejected", r.text());
    assertEquals(Optional.empty(), ServerReply.parse("250 ok").enhancedStatus());
  }

  @Test
  void aCodeMustBeThreeDigits() {
    assertEquals(-1, ServerReply.parse("+12 sneaky").code());
    assertEquals(-1, ServerReply.parse("[EOF]").code());
    assertEquals(-1, ServerReply.parse(null).code());
    assertEquals("[EOF]", ServerReply.parse("[EOF]").text());
    assertFalse(ServerReply.parse("25").isPositive());
  }

  @Test
  void aBareCodeHasEmptyText() {
    ServerReply r = ServerReply.parse("221\n");
    assertEquals(221, r.code());
    assertEquals("", r.text());
    assertEquals("221", r.oneLine());
  }
}
