package io.netkit.testkit.ftp;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes an {@link FtpMockServer} serving a directory read-write, as {@code netkit serve ftp --root
 * DIR} promises: the tree is served at {@code /} and clients' changes (uploads, deletes, new
 * directories, renames) are written through to the directory on disk, an upload before its
 * {@code 226}. With an account, that user logs in at {@code /} and may write; without one,
 * {@code anonymous} logs in (any password) and may only read, unless anonymous writes are
 * allowed. The files are also held in memory while served: keep the tree small.
 */
public final class FtpMockServerProvider implements MockServerProvider {
  @Override
  public Protocol protocol() {
    return Protocol.FTP;
  }

  @Override
  public MockServer newServer(Path root, Optional<Credentials> account) throws IOException {
    return newServer(root, account, false);
  }

  @Override
  public MockServer newServer(Path root, Optional<Credentials> account, boolean anonymousWrites)
      throws IOException {
    FtpMockServer server = new FtpMockServer().copyFrom(root, "/").writeThrough(root, "/");
    if (account.isPresent()) {
      server.user(account.get().user(), account.get().password(), "/");
    } else {
      server.anonymous("/").anonymousMayWrite(anonymousWrites);
    }
    return server;
  }

  @Override
  public boolean servesFileTree() {
    return true;
  }
}
