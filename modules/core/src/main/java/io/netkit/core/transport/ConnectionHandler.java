package io.netkit.core.transport;

import java.io.IOException;

/**
 * Serves one accepted connection, on a thread of its own. The server closes the connection when
 * the handler returns or throws.
 */
@FunctionalInterface
public interface ConnectionHandler {
  /** Talks to the client on {@code connection}. */
  void handle(TcpConnection connection) throws IOException;
}
