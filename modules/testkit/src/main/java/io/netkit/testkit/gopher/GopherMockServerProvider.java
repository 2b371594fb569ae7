package io.netkit.testkit.gopher;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes a {@link GopherMockServer} serving a directory on disk ({@link
 * GopherMockServer#serving(Path)}): gophermaps or generated listings, text and binary files read
 * from disk on each request (so later changes are seen), and the file-name search at {@code
 * /.search}. Gopher has no login and no upload: the account is ignored.
 */
public final class GopherMockServerProvider implements MockServerProvider {
  @Override
  public Protocol protocol() {
    return Protocol.GOPHER;
  }

  @Override
  public MockServer newServer(Path root, Optional<Credentials> account) throws IOException {
    return GopherMockServer.serving(root);
  }

  @Override
  public boolean servesFileTree() {
    return true;
  }
}
