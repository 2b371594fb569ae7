package io.netkit.core.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTest {
  private static LineInputStream lines(String text) {
    return new LineInputStream(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1000, new ErrorContext("ftp", "h:21"));
  }

  @Test
  void readsASingleLineReply() throws Exception {
    Reply reply = Reply.read(lines("220 Service ready\r\n"));
    assertEquals(220, reply.code());
    assertEquals("Service ready", reply.text());
    assertTrue(reply.isPositiveCompletion());
  }

  @Test
  void readsAMultiLineReplyToItsClosingLine() throws Exception {
    LineInputStream in =
        lines("211-Features:\r\n MDTM\r\n211-SIZE\r\n 234 not the end\r\n211 End\r\n200 next\r\n");
    Reply reply = Reply.read(in);
    assertEquals(211, reply.code());
    assertEquals(List.of("Features:", " MDTM", "SIZE", " 234 not the end", "End"), reply.lines());
    assertEquals(200, Reply.read(in).code());
  }

  @Test
  void codeWithoutTextIsAccepted() throws Exception {
    assertEquals(250, Reply.read(lines("250\r\n")).code());
  }

  @Test
  void nonDigitCodeIsAnErrorNotMinusOne() {
    NetProtocolException e = assertThrows(NetProtocolException.class, () -> Reply.read(lines("2x0 hmm\r\n")));
    assertTrue(e.getMessage().contains("malformed reply"), e.getMessage());
    assertTrue(e.getMessage().startsWith("ftp h:21: "), e.getMessage());
    assertThrows(NetProtocolException.class, () -> Reply.read(lines("HTTP/1.0 200 OK\r\n")));
    assertThrows(NetProtocolException.class, () -> Reply.read(lines("20\r\n")));
    assertThrows(NetProtocolException.class, () -> Reply.read(lines("2000 too long\r\n")));
    assertThrows(NetProtocolException.class, () -> Reply.read(lines("000 zero\r\n")));
  }

  @Test
  void connectionClosedMidReplyIsAnError() {
    assertThrows(NetProtocolException.class, () -> Reply.read(lines("")));
    NetProtocolException e =
        assertThrows(NetProtocolException.class, () -> Reply.read(lines("211-Features:\r\n MDTM\r\n")));
    assertTrue(e.getMessage().contains("multi-line"), e.getMessage());
  }

  @Test
  void parsesAStatusLine() throws Exception {
    Reply reply = Reply.parseLine("211 1234 3000234 3002322 misc.test", ErrorContext.NONE);
    assertEquals(211, reply.code());
    assertEquals("1234 3000234 3002322 misc.test", reply.firstLine());
  }

  @Test
  void bareLfLineEndsAreTolerated() throws Exception {
    LineInputStream in = lines("200 one\n200 two\r\n");
    assertEquals("one", Reply.read(in).text());
    assertEquals("two", Reply.read(in).text());
  }

  @Test
  void aMultiLineReplyTooLargeInAllIsRefused() {
    String line = "211-" + "x".repeat(900) + "\r\n";
    LineInputStream in =
        new LineInputStream(
            new ByteArrayInputStream((line.repeat(1200) + "211 End\r\n").getBytes(StandardCharsets.UTF_8)),
            1000,
            new ErrorContext("ftp", "h:21"));
    NetProtocolException e = assertThrows(NetProtocolException.class, () -> Reply.read(in));
    assertTrue(e.getMessage().contains("multi-line reply longer"), e.getMessage());
  }
}
