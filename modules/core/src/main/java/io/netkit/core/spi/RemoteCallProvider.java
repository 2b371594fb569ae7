package io.netkit.core.spi;

import io.netkit.core.NetOptions;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * A capability of a {@link ClientProvider} whose URLs can name remote-procedure endpoints (XML-RPC
 * over HTTP): {@code netkit xmlrpc URL METHOD ARGS} finds it by the URL's scheme and calls through
 * it without knowing the protocol. Values are plain Java values: Integer, Long, Boolean, String,
 * Double, LocalDateTime, byte[], Map&lt;String, Object&gt; (a struct), List (an array) and null.
 * Implementations are thread-safe and stateless.
 */
public interface RemoteCallProvider {
  /**
   * Calls {@code method} with {@code params} at the endpoint {@code url}; returns the result.
   *
   * @throws io.netkit.core.NetReplyException when the server answers with a fault (its code and
   *     string) or refuses the call
   * @throws IllegalArgumentException for a method name or value the protocol cannot carry,
   *     before anything is sent
   */
  Object call(URI url, NetOptions options, String method, List<Object> params) throws IOException;
}
