package io.netkit.testkit.spi;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a protocol's testkit server is made from a directory of files, so that tools can run any
 * protocol's mock server without naming it: {@code netkit serve gopher --root site/} and
 * {@code netkit demo} find their servers only through this interface.
 *
 * <p>Each testkit server that can serve a directory registers one implementation with {@link
 * java.util.ServiceLoader}: list the class in {@code
 * META-INF/services/io.netkit.testkit.spi.MockServerProvider}. Implementations need a public
 * no-argument constructor and must be stateless and thread-safe.
 *
 * <p>What "serving a directory" means is the protocol's: Gopher serves the tree as menus
 * (a {@code gophermap} file where present, otherwise a listing whose item types follow the file
 * names: text for {@code .txt}, binary for unknown content, menus for directories); FTP serves
 * the tree as its file system and accepts uploads. Each implementation documents whether uploads
 * reach the directory on disk or stay in the server's memory.
 */
public interface MockServerProvider {
  /** The protocol the servers speak. */
  Protocol protocol();

  /**
   * A new server, not yet started, that serves the files under {@code root}. The caller starts
   * it (on a chosen or free loopback port) and stops it.
   *
   * @param root an existing directory; files added under it before {@link MockServer#start} are
   *     served (whether later changes are seen is up to the implementation)
   * @param account the one account the server accepts; when empty, the protocol's open default
   *     (FTP: anonymous login). Protocols without a login ignore it.
   * @throws IOException when the directory cannot be read
   */
  MockServer newServer(Path root, Optional<Credentials> account) throws IOException;
}
