package io.netkit.testkit.gopher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.testkit.MockServerExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The wire form of the mock Gopher server, read with a plain socket. */
@ExtendWith(MockServerExtension.class)
class GopherMockServerTest {
  static final GopherMockServer server =
      GopherMockServer.of(
          GopherTree.builder()
              .menu("", GopherLine.info("hi"), GopherLine.item('0', "T", "/t"), GopherLine.external('1', "X", "/", "x.example", 7070))
              .text("/t", "a\n.b\r\nc")
              .binary("/b", new byte[] {0, '.', '\r', '\n', (byte) 0xff})
              .search("/s", q -> List.of(GopherLine.item('0', "q=" + q, "/t")))
              .build());

  private static String ask(String request) throws IOException {
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write((request + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void menuLinesCarryThisServersAddressAndEndWithDot() throws IOException {
    String p = String.valueOf(server.port());
    assertEquals(
        "ihi\t\tnull.host\t1\r\n0T\t/t\t127.0.0.1\t" + p + "\r\n1X\t/\tx.example\t7070\r\n.\r\n", ask("/"));
    assertEquals(ask("/"), ask(""));
  }

  @Test
  void textIsStuffedWithCrlfAndTerminated() throws IOException {
    assertEquals("a\r\n..b\r\nc\r\n.\r\n", ask("/t"));
  }

  @Test
  void binaryIsSentAsItIs() throws IOException {
    assertEquals("\0.\r\n\u00ff", ask("/b"));
  }

  @Test
  void searchGetsTheQueryAfterTheTab() throws IOException {
    assertTrue(ask("/s\tcats").startsWith("0q=cats\t/t\t"));
    assertEquals("/s\tcats", server.lastRequest());
  }

  @Test
  void unknownSelectorGetsAnErrorItem() throws IOException {
    assertEquals("3'/nope' does not exist\t\terror.host\t1\r\n.\r\n", ask("/nope"));
  }

  @Test
  void linesThatWouldBreakTheMenuAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> GopherLine.item('0', "a\tb", "/x"));
    assertThrows(IllegalArgumentException.class, () -> GopherLine.item('0', "a", "/x\r\n"));
  }
}
