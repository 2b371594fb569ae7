package io.netkit.core.transport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * One received UDP datagram: its bytes and who sent it. Immutable (the array is not shared).
 *
 * @param data the payload
 * @param sender the sender's address, where replies go
 */
public record Datagram(byte[] data, InetSocketAddress sender) {
  /** Copies the payload. */
  public Datagram {
    data = data.clone();
  }

  /** A copy of the payload. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The payload as UTF-8 text. */
  public String text() {
    return new String(data, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Datagram[" + data.length + " bytes from " + sender + "]";
  }
}
