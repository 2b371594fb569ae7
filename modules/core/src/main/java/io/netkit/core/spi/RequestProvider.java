package io.netkit.core.spi;

import io.netkit.core.NetOptions;
import io.netkit.core.TransferListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;

/**
 * A capability of a {@link ClientProvider} whose protocol has requests with methods, headers and
 * bodies (HTTP): {@code netkit get} hands it curl's request options as a {@link RequestSpec}
 * instead of calling {@link ClientProvider#fetch}. Implementations are thread-safe and stateless.
 */
public interface RequestProvider {
  /** What the server answered: the final status, after any redirects followed. */
  record Outcome(int status, String reason) {}

  /**
   * Makes the request {@code spec} describes to {@code url} and writes the response to {@code
   * out}: its status line and headers first when {@code includeHeaders} or {@code headersOnly}
   * asks, then the body (none for {@code headersOnly}). With {@link RequestSpec#resumeFrom()}
   * the body written is the rest of the resource from that offset, and never the whole resource
   * spliced onto a part of a changed one.
   *
   * @throws io.netkit.core.NetReplyException for a status of 400 or more when {@code
   *     failOnError}, before any body is written
   * @throws io.netkit.core.NetException when the transfer fails; part of the body may have been
   *     written
   * @throws IllegalArgumentException for options that make no request (a header with CR or LF)
   */
  Outcome exchange(
      URI url, NetOptions options, RequestSpec spec, OutputStream out, TransferListener progress)
      throws IOException;
}
