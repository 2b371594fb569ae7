package io.netkit.gopher.internal;

import io.netkit.core.NetProtocolException;
import io.netkit.core.TransferListener;
import io.netkit.core.line.LineInputStream;
import io.netkit.gopher.GopherTransfer;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Streams a binary item into a sink until the server closes, with a fixed buffer (never the whole
 * item in memory). With an expected length, a shorter or longer item is a {@link
 * NetProtocolException}; without one, the end cannot be verified (see {@link GopherTransfer}).
 */
public final class BinaryReader {
  private BinaryReader() {}

  public static GopherTransfer copy(
      LineInputStream in, OutputStream sink, long expectedLength, TransferListener progress)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n = in.read(buffer, 0, buffer.length); n >= 0; n = in.read(buffer, 0, buffer.length)) {
      if (expectedLength >= 0 && total + n > expectedLength) {
        throw new NetProtocolException(
            in.context(), "item is longer than the expected " + expectedLength + " bytes");
      }
      sink.write(buffer, 0, n);
      total += n;
      progress.progress(total, expectedLength);
    }
    if (expectedLength < 0) {
      return new GopherTransfer(total, GopherTransfer.End.CLOSED_BY_SERVER);
    }
    if (total != expectedLength) {
      throw new NetProtocolException(
          in.context(),
          "connection closed after " + total + " of the expected " + expectedLength + " bytes");
    }
    return new GopherTransfer(total, GopherTransfer.End.EXPECTED_LENGTH);
  }
}
