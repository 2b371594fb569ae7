package io.netkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command input's framing, without sockets: one line per read, and every bound. */
class CommandInputStreamTest {
  private static final ErrorContext CONTEXT = new ErrorContext("ftp", "127.0.0.1:21");
  private static final CommandFraming REPLIES = new CommandFraming(100, true, 1000, 0);
  private static final CommandFraming LINES = new CommandFraming(100, false, 0, 0);

  private static CommandInputStream over(String wire, CommandFraming framing) {
    return new CommandInputStream(
        new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)), framing, CONTEXT);
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    while (in.read(buffer) >= 0) {
      // reading is the test
    }
  }

  @Test
  void handsAtMostOneLinePerReadAndKeepsTheRest() throws Exception {
    CommandInputStream in = over("234 go\r\n230 injected\r\n", REPLIES);
    byte[] buffer = new byte[8192];
    assertEquals(8, in.read(buffer));
    assertEquals(0, in.available(), "nothing past the line is counted as available");
    assertEquals(14, in.pending());
    assertEquals(14, in.read(buffer));
    assertEquals(-1, in.read(buffer));
  }

  @Test
  void availableCountsOnlyTheRestOfTheLineBeingHanded() throws Exception {
    CommandInputStream in = over("220 ready\r\n230 next\r\n", REPLIES);
    byte[] three = new byte[3];
    assertEquals(3, in.read(three));
    assertEquals(8, in.available(), "\" ready\\r\\n\" and no more");
  }

  @Test
  void theJdksReaderUnderCommonsNetHoldsNothingPastTheLineItReturns() throws Exception {
    CommandInputStream in = over("234 go\r\n230 injected\r\n", REPLIES);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    assertEquals("234 go", reader.readLine());
    assertEquals(14, in.pending(), "the injected line is still in the bridge");
  }

  @Test
  void aBufferedInputStreamAsUnderAngusMailHoldsNothingPastTheLine() throws Exception {
    CommandInputStream in = over("220 go\r\n250 injected\r\n", REPLIES);
    BufferedInputStream buffered = new BufferedInputStream(in);
    byte[] line = new byte[100];
    assertEquals(8, buffered.read(line));
    assertEquals(14, in.pending());
  }

  @Test
  void endlessContinuationLinesFailOnTheWholeReplyBound() {
    CommandInputStream in = over("220-welcome\r\n".repeat(200), REPLIES);
    NetProtocolException e = assertThrows(NetProtocolException.class, () -> drain(in));
    assertTrue(e.getMessage().contains("reply longer than 1000 bytes"), e.getMessage());
  }

  @Test
  void manyWholeRepliesPassTheReplyBound() throws Exception {
    drain(over("220-a\r\n220 b\r\n".repeat(200) + "230 c\r\n".repeat(200), REPLIES));
  }

  @Test
  void onlyTheReplysOwnCodeAndASpaceCloseAMultiLineReply() {
    // Commons Net's lenient parser would end the reply at "230 x": counting on is the safe side.
    CommandInputStream in = over("220-a\r\n" + "230 x\r\n220\r\n".repeat(100), REPLIES);
    assertThrows(NetProtocolException.class, () -> drain(in));
  }

  @Test
  void nulInAReplyLineIsRefusedButPassesOnABodyCarryingConnection() throws Exception {
    NetProtocolException e =
        assertThrows(NetProtocolException.class, () -> drain(over("220 hostile\0FTP\r\n", REPLIES)));
    assertTrue(e.getMessage().contains("NUL"), e.getMessage());
    drain(over("+OK\r\nbody with a \0 in it\r\n.\r\n", LINES));
  }

  @Test
  void overlongLinesFailOnEitherFraming() {
    String line = "220 " + "x".repeat(200) + "\r\n";
    assertThrows(NetProtocolException.class, () -> drain(over(line, REPLIES)));
    assertThrows(NetProtocolException.class, () -> drain(over(line, LINES)));
  }

  @Test
  void theUnpromptedBoundCountsFromTheClientsLastWrite() throws Exception {
    CommandFraming bounded = new CommandFraming(100, true, 1000, 50);
    String replies = "250 ok\r\n".repeat(6); // 48 bytes
    CommandInputStream in = over(replies + replies, bounded);
    byte[] buffer = new byte[8192];
    for (int i = 0; i < 6; i++) {
      in.read(buffer);
    }
    in.clientSent();
    for (int i = 0; i < 6; i++) {
      in.read(buffer);
    }
    CommandInputStream silent = over(replies + replies, bounded);
    NetProtocolException e = assertThrows(NetProtocolException.class, () -> drain(silent));
    assertTrue(e.getMessage().contains("without a command"), e.getMessage());
  }

  @Test
  void aFailureIsFinal() {
    CommandInputStream in = over("220 a\0\r\n230 b\r\n", REPLIES);
    NetProtocolException first = assertThrows(NetProtocolException.class, () -> drain(in));
    NetProtocolException again = assertThrows(NetProtocolException.class, () -> in.read(new byte[10]));
    assertSame(first, again);
  }

  @Test
  void singleByteReadsSeeTheSameBytes() throws Exception {
    CommandInputStream in = over("220 \u00e9\r\n", REPLIES);
    StringBuilder read = new StringBuilder();
    for (int b; (b = in.read()) >= 0; ) {
      read.append((char) b);
    }
    assertEquals("220 \u00e9\r\n", read.toString());
  }
}
