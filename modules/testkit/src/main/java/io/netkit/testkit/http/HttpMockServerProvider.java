package io.netkit.testkit.http;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes an {@link HttpMockServer} serving a directory ({@code netkit serve http --root DIR}):
 * files by {@code GET}, directories as plain-text listings, and the demo XML-RPC methods of
 * {@link XmlRpcMockServer#demo()} at {@code /RPC2}. {@code PUT} and {@code DELETE} write through
 * to the directory on disk when anonymous writes are allowed ({@code --writable}) or an account
 * is given (which every request must then authenticate as); otherwise they are refused (405).
 */
public final class HttpMockServerProvider implements MockServerProvider {
  @Override
  public Protocol protocol() {
    return Protocol.HTTP;
  }

  @Override
  public MockServer newServer(Path root, Optional<Credentials> account) throws IOException {
    return newServer(root, account, false);
  }

  @Override
  public MockServer newServer(Path root, Optional<Credentials> account, boolean anonymousWrites)
      throws IOException {
    return new HttpMockServer(root)
        .account(account.orElse(null))
        .writable(anonymousWrites || account.isPresent())
        .route("/RPC2", XmlRpcMockServer.demo().handler());
  }

  @Override
  public boolean servesFileTree() {
    return true;
  }
}
