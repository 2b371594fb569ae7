package io.netkit.gopher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.core.line.LineInputStream;
import io.netkit.gopher.GopherItem;
import io.netkit.gopher.GopherMenu;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Menu parsing without sockets: what real servers send, and what is broken. */
class MenuReaderTest {
  private static final ErrorContext CONTEXT = new ErrorContext("gopher", "h:70");

  private static GopherMenu read(String wire) throws IOException {
    return read(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
  }

  private static GopherMenu read(InputStream in) throws IOException {
    return MenuReader.read(new LineInputStream(in, 1024, CONTEXT), "h", 70);
  }

  @Test
  void menuWithCrlfAndTerminatorIsParsed() throws IOException {
    GopherMenu menu = read("0About\t/about\tother\t7070\r\n1Docs\t/docs/\th\t70\r\n.\r\n");
    assertTrue(menu.terminated());
    assertEquals(new GopherItem('0', "About", "/about", "other", 7070), menu.items().get(0));
    assertEquals(new GopherItem('1', "Docs", "/docs/", "h", 70), menu.items().get(1));
  }

  @Test
  void menuWithBareLfLineEndsIsParsed() throws IOException {
    GopherMenu menu = read("0About\t/about\th\t70\n.\n");
    assertTrue(menu.terminated());
    assertEquals("/about", menu.items().get(0).selector());
  }

  @Test
  void missingTrailingFieldsDefaultToTheServer() throws IOException {
    GopherMenu menu = read("0Only selector\t/x\r\n0No port\t/y\tfar\r\n0Empty fields\t/z\t\t\r\n.\r\n");
    assertEquals(new GopherItem('0', "Only selector", "/x", "h", 70), menu.items().get(0));
    assertEquals(new GopherItem('0', "No port", "/y", "far", 70), menu.items().get(1));
    assertEquals(new GopherItem('0', "Empty fields", "/z", "h", 70), menu.items().get(2));
  }

  @Test
  void extraGopherPlusFieldsAreIgnored() throws IOException {
    GopherItem item = read("1Plus\t/p\th\t70\t+\r\n.\r\n").items().get(0);
    assertEquals(new GopherItem('1', "Plus", "/p", "h", 70), item);
  }

  @Test
  void infoLinesWithDummyHostAndPortAreKept() throws IOException {
    GopherMenu menu = read("iHello\t\tnull.host\t1\r\niWorld\tfake\t(NULL)\t0\r\niBare\r\n0X\t/x\th\t70\r\n.\r\n");
    assertEquals(4, menu.items().size());
    assertEquals("World", menu.items().get(1).display());
    assertEquals(0, menu.items().get(1).port());
    assertTrue(menu.items().get(2).isInfo());
  }

  @Test
  void emptyLinesAreSkipped() throws IOException {
    assertEquals(1, read("\r\n0X\t/x\th\t70\r\n\r\n.\r\n").items().size());
  }

  @Test
  void missingTerminatorAtCloseIsToleratedAndReported() throws IOException {
    GopherMenu menu = read("0X\t/x\th\t70\r\n");
    assertFalse(menu.terminated());
    assertEquals(1, menu.items().size());
  }

  @Test
  void closeInTheMiddleOfALineIsAnError() {
    assertThrows(NetProtocolException.class, () -> read("0X\t/x\th\t70\r\n1Do"));
  }

  @Test
  void noAnswerAtAllIsAnError() {
    assertThrows(NetProtocolException.class, () -> read(""));
  }

  @Test
  void plainTextErrorMessageIsNotAMenu() {
    NetProtocolException e =
        assertThrows(NetProtocolException.class, () -> read("Error: File or directory not found!\r\n"));
    assertTrue(e.getMessage().contains("Error: File"), e.getMessage());
  }

  @Test
  void badPortOnASelectableItemIsAnError() {
    assertThrows(NetProtocolException.class, () -> read("0X\t/x\th\tseventy\r\n.\r\n"));
    assertThrows(NetProtocolException.class, () -> read("0X\t/x\th\t70000\r\n.\r\n"));
  }

  @Test
  void nulByteIsAnError() {
    assertThrows(NetProtocolException.class, () -> read("0X\0\t/x\th\t70\r\n.\r\n"));
  }

  @Test
  void overlongLineIsAnError() {
    assertThrows(NetProtocolException.class, () -> read("0" + "x".repeat(2000) + "\t/x\th\t70\r\n.\r\n"));
  }

  @Test
  void inputSplitIntoSingleBytesParsesTheSame() throws IOException {
    String wire = "iHi\t\tnull.host\t1\r\n0About\t/about\th\t70\r\n.\r\n";
    InputStream trickle =
        new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
          }
        };
    assertEquals(read(wire), read(trickle));
  }
}
