package io.netkit.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The guard counts exactly what Commons Net's decoder would, fed in pieces of any size, and splits
 * the data (to the inbox) from the commands (to Commons Net).
 */
class WireGuardTest {
  private static final ErrorContext CONTEXT = new ErrorContext("telnet", "test:23");

  private static WireGuard guard(int maxSub, int maxCommands) {
    return new WireGuard(
        InputStream.nullInputStream(),
        new TelnetLimits(maxSub, maxCommands, 1024),
        CONTEXT,
        new Inbox(CONTEXT));
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static byte[] repeat(byte[] unit, int times) {
    byte[] all = new byte[unit.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(unit, 0, all, i * unit.length, unit.length);
    }
    return all;
  }

  @Test
  void commandsInARowBeyondTheLimitFailEvenOneByteAtATime() {
    WireGuard g = guard(64, 16);
    byte[] flood = repeat(bytes(255, 253, 39), 17);
    assertThrows(
        NetProtocolException.class,
        () -> {
          for (int i = 0; i < flood.length; i++) {
            g.scan(flood, i, 1);
          }
        });
  }

  @Test
  void aDataByteResetsTheCommandCountAndIacIacCountsAsData() {
    WireGuard g = guard(64, 16);
    byte[] some = repeat(bytes(255, 253, 39), 16);
    assertDoesNotThrow(
        () -> {
          g.scan(some, 0, some.length);
          g.scan(bytes(255, 255), 0, 2); // one data byte
          g.scan(some, 0, some.length);
          g.scan(bytes('x'), 0, 1);
          g.scan(some, 0, some.length);
        });
  }

  @Test
  void aSubnegotiationOverTheLimitFailsAndOneAtTheLimitPasses() {
    byte[] atLimit = new byte[2 + 64 + 2];
    atLimit[0] = (byte) 255;
    atLimit[1] = (byte) 250;
    java.util.Arrays.fill(atLimit, 2, 66, (byte) 'a');
    atLimit[66] = (byte) 255;
    atLimit[67] = (byte) 240;
    assertDoesNotThrow(() -> guard(64, 16).scan(atLimit, 0, atLimit.length));
    byte[] over = bytes(255, 250, 24);
    WireGuard g = guard(64, 16);
    assertThrows(
        NetProtocolException.class,
        () -> {
          g.scan(over, 0, over.length);
          for (int i = 0; i < 64; i++) {
            g.scan(bytes('a'), 0, 1);
          }
        });
  }

  @Test
  void aDoubledIacInsideASubnegotiationCountsAsOneByteAndIacSeEndsIt() {
    WireGuard g = guard(16, 16);
    byte[] sub = bytes(255, 250, 31, 0, 255, 255, 0, 24, 255, 240, 'x');
    assertDoesNotThrow(() -> g.scan(sub, 0, sub.length));
    byte[] more = repeat(bytes(255, 250, 31, 1, 2, 3, 4, 255, 240), 10);
    assertDoesNotThrow(() -> g.scan(more, 0, more.length)); // each ended: none is long
  }

  /** A stream that gives at most {@code piece} bytes per read, as a slow network does. */
  private static InputStream inPieces(byte[] wire, int piece) {
    return new ByteArrayInputStream(wire) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, piece));
      }
    };
  }

  private static byte[] drain(Inbox inbox) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[64];
    int n;
    while ((n = inbox.read(buffer, 0, buffer.length, System.nanoTime())) > 0) {
      got.write(buffer, 0, n);
    }
    return got.toByteArray();
  }

  @Test
  void dataGoesToTheInboxDecodedAndOnlyCommandsGoUpToCommonsNetInAnyPieces() throws Exception {
    byte[] wire = bytes('x', 255, 255, 'y', '\r', 0, 'z', 255, 253, 24, 255, 250, 24, 1, 255, 240,
        255, 241, '\n');
    byte[] commands = bytes(255, 253, 24, 255, 250, 24, 1, 255, 240, 255, 241);
    for (int piece : new int[] {1, 2, 3, 64}) {
      Inbox inbox = new Inbox(CONTEXT);
      inbox.attach();
      WireGuard g = new WireGuard(inPieces(wire, piece), new TelnetLimits(64, 16, 1024), CONTEXT,
          inbox);
      ByteArrayOutputStream up = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = g.read(buffer, 0, buffer.length)) >= 0) {
        up.write(buffer, 0, n);
      }
      assertArrayEquals(commands, up.toByteArray(), "pieces of " + piece);
      assertArrayEquals(
          bytes('x', 255, 'y', '\r', 'z', '\n'), drain(inbox), "pieces of " + piece);
    }
  }

  @Test
  void aChunksDataReachesTheInboxOnlyAfterCommonsNetHasTakenItsCommands() throws Exception {
    // "a" IAC WILL ECHO "b" in one read: Commons Net answers the WILL before the session sees
    // "a" or "b", so data after a negotiation is never seen before it was handled.
    Inbox inbox = new Inbox(CONTEXT);
    inbox.attach();
    WireGuard g = new WireGuard(new ByteArrayInputStream(bytes('a', 255, 251, 1, 'b')),
        new TelnetLimits(64, 16, 1024), CONTEXT, inbox);
    byte[] buffer = new byte[8192];
    assertEquals(3, g.read(buffer, 0, buffer.length));
    assertEquals(0, drain(inbox).length, "nothing before");
    assertEquals(-1, g.read(buffer, 0, buffer.length));
    assertArrayEquals(bytes('a', 'b'), drain(inbox));
  }
}
