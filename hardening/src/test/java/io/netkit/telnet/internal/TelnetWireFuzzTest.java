package io.netkit.telnet.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import java.io.ByteArrayInputStream;

/**
 * netkit's own Telnet byte handling on arbitrary input (in this package: both classes are
 * internal). WireGuard follows the option-negotiation states beneath Commons Net's decoder and may
 * refuse only with NetProtocolException (a subnegotiation or negotiation flood over the limits),
 * whatever the bytes and however they are split into reads. NvtEncoder's output never contains a
 * lone IAC or a bare CR.
 */
class TelnetWireFuzzTest {
  private static final ErrorContext CONTEXT = new ErrorContext("telnet", "127.0.0.1");

  @FuzzTest
  void wireGuardRefusesOnlyWithProtocolException(FuzzedDataProvider data) {
    TelnetLimits limits = new TelnetLimits(data.consumeInt(1, 256), data.consumeInt(1, 64), 4096);
    int split = data.consumeInt(1, 32);
    byte[] wire = data.consumeRemainingAsBytes();
    WireGuard guard =
        new WireGuard(new ByteArrayInputStream(new byte[0]), limits, CONTEXT, new Inbox(CONTEXT));
    try {
      for (int offset = 0; offset < wire.length; offset += split) {
        guard.scan(wire, offset, Math.min(split, wire.length - offset));
      }
    } catch (NetProtocolException expected) {
      // documented
    } catch (NetException other) {
      throw new AssertionError("undocumented refusal: " + other, other);
    }
  }

  @FuzzTest
  void nvtEncodingEscapesEveryIacAndBareCr(byte[] data) {
    byte[] out = NvtEncoder.encode(data, 0, data.length);
    for (int i = 0; i < out.length; i++) {
      int b = out[i] & 0xff;
      if (b == 0xFF) {
        check(i + 1 < out.length && (out[i + 1] & 0xff) == 0xFF, "a lone IAC at " + i);
        i++;
      } else if (b == '\r') {
        check(i + 1 < out.length && (out[i + 1] == '\n' || out[i + 1] == 0), "a bare CR at " + i);
      }
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
