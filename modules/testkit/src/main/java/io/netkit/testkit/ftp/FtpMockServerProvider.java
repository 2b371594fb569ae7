package io.netkit.testkit.ftp;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes an {@link FtpMockServer} serving a directory: the tree is copied into the server's
 * in-memory file system at {@code /}, and uploads stay in memory (the directory on disk is never
 * changed). With an account, that user logs in at {@code /}; without, {@code anonymous} does.
 */
public final class FtpMockServerProvider implements MockServerProvider {
  @Override
  public Protocol protocol() {
    return Protocol.FTP;
  }

  @Override
  public MockServer newServer(Path root, Optional<Credentials> account) throws IOException {
    FtpMockServer server = new FtpMockServer().copyFrom(root, "/");
    if (account.isPresent()) {
      server.user(account.get().user(), account.get().password(), "/");
    } else {
      server.anonymous("/");
    }
    return server;
  }
}
