package io.netkit.core.line;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bulk path of a dot body over a line input: whole lines copied, nothing read past the end. */
class DotBulkReadTest {
  private static final ErrorContext CONTEXT = new ErrorContext("test", "memory");

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void readToLineEndStopsAfterTheLineFeed() throws IOException {
    LineInputStream in = new LineInputStream(new ByteArrayInputStream(ascii("ab\r\ncd\r\n")), 100, CONTEXT);
    byte[] target = new byte[10];
    assertEquals(4, in.readToLineEnd(target, 0, 10));
    assertEquals(2, in.readToLineEnd(target, 4, 2)); // the length bounds it too
    assertEquals(2, in.readToLineEnd(target, 6, 4));
    assertEquals(-1, in.readToLineEnd(new byte[10], 0, 10));
    assertArrayEquals(ascii("ab\r\ncd\r\n"), java.util.Arrays.copyOf(target, 8));
  }

  @Test
  void aLargeBodyAcrossManyBuffersDecodesExactlyAndLeavesWhatFollows() throws IOException {
    StringBuilder wire = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      String line = (i % 7 == 0 ? "." : "") + "line " + i + " " + "x".repeat(i % 97) + "\r\n";
      wire.append(i % 7 == 0 ? "." : "").append(line);
      body.append(line);
    }
    wire.append(".\r\n+OK next reply\r\n");
    // A source that hands out odd-sized pieces, so lines straddle the line input's fills.
    InputStream source = new ByteArrayInputStream(ascii(wire.toString())) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1237));
      }
    };
    LineInputStream lines = new LineInputStream(source, 1000, CONTEXT);
    DotTerminatedInputStream in = new DotTerminatedInputStream(lines);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[333];
    int n;
    while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
      out.write(buffer, 0, n);
    }
    assertTrue(in.terminated());
    assertEquals(body.toString(), out.toString(StandardCharsets.US_ASCII));
    assertEquals("+OK next reply", lines.readLine());
  }

  @Test
  void aBodyCutMidLineIsAnErrorNotAShortBody() {
    LineInputStream lines =
        new LineInputStream(new ByteArrayInputStream(ascii("whole line\r\nhalf a li")), 100, CONTEXT);
    DotTerminatedInputStream in = new DotTerminatedInputStream(lines);
    assertThrows(NetProtocolException.class, () -> in.readAllBytes());
  }
}
