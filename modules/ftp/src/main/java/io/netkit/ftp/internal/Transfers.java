package io.netkit.ftp.internal;

import io.netkit.core.TransferListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The copy loop of every transfer: constant memory (the session's one 64 KiB buffer, so each
 * transfer allocates none and, reading in 64 KiB, bypasses the core socket's read-ahead buffer
 * too), a byte count, progress
 * reports as bytes move, and a record of which side failed, so a failure of the caller's own
 * stream is not mistaken for a network failure.
 */
final class Transfers {
  static final int BUFFER = 64 * 1024;

  private Transfers() {}

  /** Where a copy failed. */
  static final class CopyFailure extends Exception {
    final IOException cause;
    final boolean networkSide;
    final long copied;

    CopyFailure(IOException cause, boolean networkSide, long copied) {
      super(cause.getMessage(), cause, false, false);
      this.cause = cause;
      this.networkSide = networkSide;
      this.copied = copied;
    }
  }

  /**
   * Copies {@code in} to its end into {@code out}, reporting each chunk.
   *
   * @param buffer the buffer to copy through ({@link #BUFFER} bytes)
   * @param networkIsSource true when {@code in} is the data connection (a download)
   * @return the number of bytes copied
   */
  static long copy(
      InputStream in, OutputStream out, byte[] buffer, boolean networkIsSource, long total,
      TransferListener progress)
      throws CopyFailure {
    long copied = 0;
    while (true) {
      int n;
      try {
        n = in.read(buffer);
      } catch (IOException e) {
        throw new CopyFailure(e, networkIsSource, copied);
      }
      if (n < 0) {
        return copied;
      }
      try {
        out.write(buffer, 0, n);
      } catch (IOException e) {
        throw new CopyFailure(e, !networkIsSource, copied);
      }
      copied += n;
      progress.progress(copied, total);
    }
  }
}
