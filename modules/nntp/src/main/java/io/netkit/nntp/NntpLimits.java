package io.netkit.nntp;

/**
 * Bounds on the multi-line answers an {@link NntpClient} holds in memory (group lists, overviews,
 * article numbers, header values, message-ids): a server that sends more fails the request with
 * {@link io.netkit.core.NetProtocolException} and the connection is closed, instead of the client
 * running out of memory. Requests that take a consumer ({@link NntpRequest.ListActive}, {@link
 * NntpRequest.Over}) stream and are bounded only per line; articles always stream. Single lines
 * are bounded by {@link io.netkit.core.NetOptions#maxLineLength()}. Immutable.
 *
 * @param maxLines the most lines one collected answer may have; default 1,000,000
 * @param maxBytes the most bytes one collected answer may have; default 64 MiB
 */
public record NntpLimits(long maxLines, long maxBytes) {
  /** The defaults: 1,000,000 lines, 64 MiB. */
  public static final NntpLimits DEFAULTS = new NntpLimits(1_000_000, 64L * 1024 * 1024);

  /** Checks that both are positive. */
  public NntpLimits {
    if (maxLines < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
