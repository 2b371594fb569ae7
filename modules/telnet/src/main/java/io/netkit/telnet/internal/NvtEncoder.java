package io.netkit.telnet.internal;

import java.io.ByteArrayOutputStream;

/**
 * Escapes data for the wire as RFC 854 asks of a client in NVT (non-binary) mode: an IAC byte
 * (0xFF) is doubled, so the server reads it as data and never as a command; a CR not followed by
 * LF goes out as CR NUL; CR LF stays as it is. A bare LF is sent as it is. Stateless: a CR at the
 * end of one call is completed with NUL in that call (interactive keystrokes cannot wait for the
 * next one), so a caller that means a line end passes CR LF together.
 */
final class NvtEncoder {
  private static final int IAC = 0xFF;
  private static final int CR = '\r';
  private static final int LF = '\n';

  private NvtEncoder() {}

  /** The wire bytes for {@code length} bytes of data from {@code offset}. */
  static byte[] encode(byte[] data, int offset, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 8);
    for (int i = offset; i < offset + length; i++) {
      int b = data[i] & 0xff;
      if (b == IAC) {
        out.write(IAC);
        out.write(IAC);
      } else if (b == CR) {
        out.write(CR);
        boolean lineEnd = i + 1 < offset + length && (data[i + 1] & 0xff) == LF;
        if (!lineEnd) {
          out.write(0);
        }
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }
}
