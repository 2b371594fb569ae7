package io.netkit.testkit.nntp;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes an {@link NntpMockServer} serving a directory ({@link NewsSpool#fromDirectory}): each
 * subfolder is a newsgroup, each file in it an article. The directory is read once when the server
 * is made; posts are kept in memory (listed and readable until the server stops), not written to
 * disk. With an account, every reading and posting command needs it (480 until AUTHINFO); without
 * one, the server is open.
 */
public final class NntpMockServerProvider implements MockServerProvider {
  @Override
  public Protocol protocol() {
    return Protocol.NNTP;
  }

  @Override
  public MockServer newServer(Path root, Optional<Credentials> account) throws IOException {
    NntpMockServer server = NntpMockServer.serving(root);
    account.ifPresent(a -> server.account(a, NntpMockServer.AuthScope.ALL));
    return server;
  }
}
