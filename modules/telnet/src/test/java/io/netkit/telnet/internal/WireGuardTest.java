package io.netkit.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The guard counts exactly what Commons Net's decoder would, fed in pieces of any size. */
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
}
