package io.netkit.testkit.spi;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import java.io.IOException;
import java.io.PrintStream;
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
 * the tree as its file system and stores uploads in the directory on disk. Each implementation
 * documents whether uploads reach the directory on disk or stay in the server's memory.
 */
public interface MockServerProvider {
  /** The protocol the servers speak. */
  Protocol protocol();

  /**
   * The name {@code netkit serve NAME} knows these servers by: the protocol's name, unless the
   * module serves a second kind of server over the same protocol (an XML-RPC endpoint over HTTP
   * is {@code xmlrpc}). Tools pick a protocol's own server (for {@code netkit demo}) as the one
   * whose name is the protocol's.
   */
  default String name() {
    return protocol().name();
  }

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

  /**
   * A new server as {@link #newServer(Path, Optional)}, saying whether anonymous users (when no
   * account is given) may change the tree: {@code netkit serve --writable}. Without it a server
   * that has an anonymous login serves read-only, as public servers do; an account may always
   * write. The default ignores the flag, for protocols without uploads or without anonymous
   * access.
   *
   * @throws IOException when the directory cannot be read
   */
  default MockServer newServer(Path root, Optional<Credentials> account, boolean anonymousWrites)
      throws IOException {
    return newServer(root, account);
  }

  /**
   * Makes {@code server} (one this provider made) report what it does as it runs to {@code out},
   * for a server a person watches ({@code netkit serve}): a debugging mail server prints each
   * message it receives. Call before starting the server. The default reports nothing and returns
   * {@code server} as it is.
   */
  default MockServer reportingTo(MockServer server, java.io.PrintStream out) {
    return server;
  }

  /**
   * True when the server serves the files under its root as they are, each reachable by its name
   * (Gopher, FTP, HTTP), so that generic tools can fetch what they put there byte for byte; false
   * (the default) when it turns them into something else (a mailbox of messages, a news spool, a
   * scripted dialogue).
   */
  default boolean servesFileTree() {
    return false;
  }
}
