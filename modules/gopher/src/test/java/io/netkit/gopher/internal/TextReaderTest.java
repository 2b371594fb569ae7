package io.netkit.gopher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.TransferListener;
import io.netkit.core.line.LineInputStream;
import io.netkit.gopher.GopherTransfer;
import io.netkit.gopher.TextFraming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Text framing without sockets. */
class TextReaderTest {
  private ByteArrayOutputStream out;

  private GopherTransfer read(String wire, TextFraming framing, int chunk) throws IOException {
    out = new ByteArrayOutputStream();
    ByteArrayInputStream source =
        new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
          }
        };
    LineInputStream in = new LineInputStream(source, 100, new ErrorContext("gopher", "h:70"));
    return new TextReader(in, out, TransferListener.NONE).copy(framing);
  }

  private String text() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void dotStuffedLinesAreUnstuffedAndTheTerminatorRemoved() throws IOException {
    for (int chunk : new int[] {1, 2, 3, 7, 4096}) {
      GopherTransfer t = read("a\r\n..b\r\n.c\r\n...\r\n.\r\n", TextFraming.DOT_TERMINATED, chunk);
      assertEquals("a\n.b\n.c\n..\n", text(), "chunk " + chunk);
      assertEquals(GopherTransfer.End.TERMINATOR, t.end());
      assertEquals(text().length(), t.bytes());
    }
  }

  @Test
  void anErrorMenuInPlaceOfTheTextIsRefusedBeforeAnyByteIsWritten() {
    for (int chunk : new int[] {1, 5, 4096}) {
      NetReplyException e =
          assertThrows(
              NetReplyException.class,
              () -> read("3'/nope' does not exist\t\terror.host\t1\r\n.\r\n", TextFraming.DOT_TERMINATED, chunk));
      assertEquals(3, e.replyCode().getAsInt());
      assertEquals("'/nope' does not exist", e.replyText().orElseThrow());
      assertEquals("", text(), "chunk " + chunk);
    }
  }

  @Test
  void aLaterLineShapedLikeAnErrorItemIsJustText() throws IOException {
    read("menu lines look like this:\r\n3oops\tsel\thost\t70\r\n.\r\n", TextFraming.DOT_TERMINATED, 3);
    assertEquals("menu lines look like this:\n3oops\tsel\thost\t70\n", text());
  }

  @Test
  void aFirstLineStartingWithThreeIsTextUnlessItHasTheItemFields() throws IOException {
    read("3 reasons to use Gopher\r\n.\r\n", TextFraming.DOT_TERMINATED, 4096);
    assertEquals("3 reasons to use Gopher\n", text());
  }

  @Test
  void bareLfLineEndsAreAccepted() throws IOException {
    read("a\nb\n.\n", TextFraming.DOT_TERMINATED, 4096);
    assertEquals("a\nb\n", text());
  }

  @Test
  void missingTerminatorAfterACompleteLineIsTolerated() throws IOException {
    GopherTransfer t = read("a\r\nb\r\n", TextFraming.DOT_TERMINATED, 4096);
    assertEquals("a\nb\n", text());
    assertEquals(GopherTransfer.End.CLOSED_BY_SERVER, t.end());
  }

  @Test
  void closeInTheMiddleOfALineIsAnError() {
    assertThrows(NetProtocolException.class, () -> read("a\r\nb", TextFraming.DOT_TERMINATED, 4096));
  }

  @Test
  void nothingAtAllIsAnError() {
    assertThrows(NetProtocolException.class, () -> read("", TextFraming.DOT_TERMINATED, 4096));
  }

  @Test
  void nulByteIsAnError() {
    assertThrows(NetProtocolException.class, () -> read("a\0b\r\n.\r\n", TextFraming.DOT_TERMINATED, 4096));
  }

  @Test
  void lineOverTheLimitIsAnError() {
    assertThrows(
        NetProtocolException.class, () -> read("x".repeat(101) + "\r\n.\r\n", TextFraming.DOT_TERMINATED, 4096));
  }

  @Test
  void untilCloseKeepsDotsAndTheLastLineAsSent() throws IOException {
    GopherTransfer t = read("..a\r\n.\r\nno end", TextFraming.UNTIL_CLOSE, 3);
    assertEquals("..a\n.\nno end", text());
    assertEquals(GopherTransfer.End.CLOSED_BY_SERVER, t.end());
  }

  @Test
  void loneCarriageReturnIsKept() throws IOException {
    read("a\rb\r\n.\r\n", TextFraming.DOT_TERMINATED, 1);
    assertEquals("a\rb\n", text());
  }
}
