package io.netkit.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class NvtEncoderTest {
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static byte[] encode(int... values) {
    byte[] data = bytes(values);
    return NvtEncoder.encode(data, 0, data.length);
  }

  @Test
  void doublesIac() {
    assertArrayEquals(bytes(1, 0xFF, 0xFF, 2, 0xFF, 0xFF, 0xFF, 0xFF), encode(1, 0xFF, 2, 0xFF, 0xFF));
  }

  @Test
  void keepsCrLfAndTurnsABareCrIntoCrNul() {
    assertArrayEquals(bytes('a', '\r', '\n'), encode('a', '\r', '\n'));
    assertArrayEquals(bytes('a', '\r', 0, 'b'), encode('a', '\r', 'b'));
    assertArrayEquals(bytes('\r', 0), encode('\r')); // a keystroke cannot wait for the next
    assertArrayEquals(bytes('\n'), encode('\n'));
  }

  @Test
  void encodesOnlyTheGivenRange() {
    byte[] data = bytes('x', 0xFF, 'y');
    assertArrayEquals(bytes(0xFF, 0xFF), NvtEncoder.encode(data, 1, 1));
  }
}
