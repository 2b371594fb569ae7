package io.netkit.core;

/**
 * Hears how a transfer progresses, as bytes move. Called on the transferring thread; must be
 * quick. The CLI draws its progress bars with it.
 */
@FunctionalInterface
public interface TransferListener {
  /** Hears nothing. */
  TransferListener NONE = (transferred, total) -> {};

  /**
   * {@code transferred} bytes have moved so far, of {@code total} (-1 when the size is unknown).
   */
  void progress(long transferred, long total);
}
