package io.netkit.core.line;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DotStreamsTest {
  /** A source that hands out at most {@code chunk} bytes per read, to split input awkwardly. */
  private static InputStream chunked(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }

      @Override
      public synchronized int available() {
        return Math.min(super.available(), chunk);
      }
    };
  }

  private static LineInputStream lines(byte[] bytes, int chunk) {
    return new LineInputStream(chunked(bytes, chunk), 1000, ErrorContext.NONE);
  }

  private static byte[] readBody(LineInputStream in, int readSize) throws IOException {
    DotTerminatedInputStream body = new DotTerminatedInputStream(in);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[readSize];
    int n;
    while ((n = body.read(buffer, 0, buffer.length)) >= 0) {
      out.write(buffer, 0, n);
    }
    assertTrue(body.terminated());
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void unstuffsLeadingDotsAndStopsAtTheTerminator() throws Exception {
    LineInputStream in = lines(utf8("line 1\r\n..dotted\r\n...two\r\nend.\r\n.\r\n200 after\r\n"), 1000);
    assertEquals("line 1\r\n.dotted\r\n..two\r\nend.\r\n", new String(readBody(in, 100), StandardCharsets.UTF_8));
    assertEquals("200 after", in.readLine()); // nothing after the terminator was consumed
  }

  @Test
  void emptyBodyIsJustTheTerminator() throws Exception {
    assertEquals(0, readBody(lines(utf8(".\r\n"), 1000), 10).length);
  }

  @Test
  void everySplitOfTheInputGivesTheSameBody() throws Exception {
    byte[] wire = utf8("a\r\n..b\r\n.\r\n");
    byte[] expected = utf8("a\r\n.b\r\n");
    for (int chunk = 1; chunk <= wire.length; chunk++) {
      for (int readSize = 1; readSize <= 4; readSize++) {
        assertArrayEquals(expected, readBody(lines(wire, chunk), readSize), "chunk " + chunk + " read " + readSize);
      }
    }
  }

  @Test
  void bareLfTerminatorIsTolerated() throws Exception {
    assertEquals("x\n", new String(readBody(lines(utf8("x\n.\n"), 1000), 10), StandardCharsets.UTF_8));
  }

  @Test
  void closedBeforeTheTerminatorIsAnErrorWhenRequired() {
    NetProtocolException e =
        assertThrows(NetProtocolException.class, () -> readBody(lines(utf8("partial\r\nbody"), 1000), 100));
    assertTrue(e.getMessage().contains("terminating"), e.getMessage());
  }

  @Test
  void closedBeforeTheTerminatorEndsQuietlyWhenLenientAndSaysSo() throws Exception {
    DotTerminatedInputStream body =
        new DotTerminatedInputStream(new ByteArrayInputStream(utf8("menu\r\n")), false, ErrorContext.NONE);
    assertEquals("menu\r\n", new String(body.readAllBytes(), StandardCharsets.UTF_8));
    assertFalse(body.terminated());
    assertTrue(body.endedWithoutTerminator());
  }

  @Test
  void lenientBodyEndingInADotAndCrKeepsThemBoth() throws Exception {
    // The dot and CR were held back in case they began the terminator; the source ended instead.
    DotTerminatedInputStream body =
        new DotTerminatedInputStream(new ByteArrayInputStream(utf8("text\r\n.\r")), false, ErrorContext.NONE);
    assertEquals("text\r\n.\r", new String(body.readAllBytes(), StandardCharsets.UTF_8));
    assertTrue(body.endedWithoutTerminator());
  }

  @Test
  void stuffingLooksOnlyAtTheLowByteOfAnIntAsOutputStreamSays() throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    DotStuffingOutputStream out = new DotStuffingOutputStream(wire);
    out.write(0x100 + '.'); // written as '.', so it must be stuffed like one
    out.write('\n');
    out.finish();
    assertEquals("..\r\n.\r\n", wire.toString(StandardCharsets.UTF_8));
  }

  @Test
  void stuffingDoublesLeadingDotsNormalisesLineEndsAndTerminates() throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    try (DotStuffingOutputStream out = new DotStuffingOutputStream(wire)) {
      out.write(utf8(".start\nmid.dle\r\n.\rlast"));
      out.finish();
    }
    assertEquals("..start\r\nmid.dle\r\n..\r\nlast\r\n.\r\n", wire.toString(StandardCharsets.UTF_8));
  }

  @Test
  void closingWithoutFinishAbandonsTheBodyWithoutATerminator() throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    DotStuffingOutputStream out = new DotStuffingOutputStream(wire);
    try (out) {
      out.write(utf8("first half of a mail\r\n"));
      throw new IOException("the source failed part way");
    } catch (IOException expected) {
      // the copy failed inside try-with-resources
    }
    assertEquals("first half of a mail\r\n", wire.toString(StandardCharsets.UTF_8));
    assertFalse(out.isFinished());
    assertThrows(IOException.class, out::finish);
    assertThrows(IOException.class, () -> out.write('x'));
  }

  @Test
  void stuffingAnEmptyBodyWritesOnlyTheTerminator() throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    new DotStuffingOutputStream(wire).finish();
    assertEquals(".\r\n", wire.toString(StandardCharsets.UTF_8));
  }

  @Test
  void randomBodiesRoundTripThroughStuffingAndUnstuffingAtAnySplit() throws Exception {
    Random random = new Random(42);
    String alphabet = ".\r\nab";
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      // The reader returns CRLF-normalised text; build the expectation the same way.
      String normalised = text.toString().replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n");
      if (!normalised.isEmpty() && !normalised.endsWith("\r\n")) {
        normalised += "\r\n";
      }
      ByteArrayOutputStream wire = new ByteArrayOutputStream();
      DotStuffingOutputStream out = new DotStuffingOutputStream(wire);
      byte[] bytes = utf8(text.toString());
      int position = 0;
      while (position < bytes.length) {
        int n = Math.min(bytes.length - position, 1 + random.nextInt(5));
        out.write(bytes, position, n);
        position += n;
      }
      out.finish();
      byte[] body = readBody(lines(wire.toByteArray(), 1 + random.nextInt(7)), 1 + random.nextInt(9));
      assertEquals(normalised, new String(body, StandardCharsets.UTF_8), "round " + round + ": " + text);
    }
  }

  @Test
  void largeBodyStreamsWithoutHoldingItWhole() throws Exception {
    // 32 MiB through both streams with a small fixed buffer: memory stays flat by construction.
    byte[] line = utf8(".........................................................line\r\n");
    long total = (32L * 1024 * 1024 / line.length) * line.length;
    InputStream source = new InputStream() {
      long sent;
      int index;
      boolean terminatorSent;
      final byte[] end = utf8(".\r\n");
      int endIndex;

      @Override
      public int read() {
        if (sent < total) {
          byte b = line[index];
          index = (index + 1) % line.length;
          sent++;
          return b & 0xff;
        }
        if (!terminatorSent && endIndex < end.length) {
          return end[endIndex++];
        }
        return -1;
      }
    };
    DotTerminatedInputStream body =
        new DotTerminatedInputStream(new LineInputStream(source, 1000, ErrorContext.NONE));
    long count = 0;
    byte[] buffer = new byte[8192];
    int n;
    while ((n = body.read(buffer, 0, buffer.length)) >= 0) {
      count += n;
    }
    assertTrue(body.terminated());
    long lines = total / line.length;
    assertEquals(total - lines, count); // one stuffed dot removed per line
  }
}
