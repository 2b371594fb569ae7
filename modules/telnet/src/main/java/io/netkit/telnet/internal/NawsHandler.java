package io.netkit.telnet.internal;

import org.apache.commons.net.telnet.TelnetOption;
import org.apache.commons.net.telnet.TelnetOptionHandler;

/**
 * NAWS (RFC 1073), instead of Commons Net's {@code WindowSizeOptionHandler}: that one doubles a
 * 0xFF byte of the size itself, and Commons Net's subnegotiation writer doubles it again, so a
 * width of 255 would go out as four IACs. This handler hands over the plain bytes and lets the
 * writer double them once. The size can change ({@link #size}); thread-safe.
 */
final class NawsHandler extends TelnetOptionHandler {
  private volatile int columns;
  private volatile int rows;

  NawsHandler(int columns, int rows) {
    super(TelnetOption.WINDOW_SIZE, false, false, true, false);
    this.columns = columns;
    this.rows = rows;
  }

  /** Changes the size reported from now on. */
  void size(int newColumns, int newRows) {
    columns = newColumns;
    rows = newRows;
  }

  @Override
  public int[] startSubnegotiationLocal() {
    int c = columns;
    int r = rows;
    return new int[] {TelnetOption.WINDOW_SIZE, c >> 8 & 0xff, c & 0xff, r >> 8 & 0xff, r & 0xff};
  }

  @Override
  public int[] startSubnegotiationRemote() {
    return null;
  }

  @Override
  public int[] answerSubnegotiation(int[] data, int length) {
    return null;
  }

  /** The whole subnegotiation on the wire: IAC SB NAWS size IAC SE, 0xFF bytes doubled. */
  byte[] wire() {
    int[] plain = startSubnegotiationLocal();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(16);
    out.write(0xFF);
    out.write(250);
    for (int b : plain) {
      out.write(b);
      if (b == 0xFF) {
        out.write(0xFF);
      }
    }
    out.write(0xFF);
    out.write(240);
    return out.toByteArray();
  }
}
