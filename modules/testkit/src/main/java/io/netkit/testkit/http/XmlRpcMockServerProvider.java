package io.netkit.testkit.http;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code netkit serve xmlrpc}: the demo XML-RPC endpoint ({@code system.listMethods}, {@code
 * examples.add}, {@code examples.echo}), an HTTP server named {@code xmlrpc}. It serves no
 * files: the directory and account are ignored.
 */
public final class XmlRpcMockServerProvider implements MockServerProvider {
  @Override
  public Protocol protocol() {
    return Protocol.HTTP;
  }

  @Override
  public String name() {
    return "xmlrpc";
  }

  @Override
  public MockServer newServer(Path root, Optional<Credentials> account) {
    return XmlRpcMockServer.demo();
  }
}
