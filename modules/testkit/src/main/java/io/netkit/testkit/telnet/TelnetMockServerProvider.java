package io.netkit.testkit.telnet;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes a {@link TelnetMockServer}: its scripted dialogue (a login prompt when an account is
 * given, then the small echo shell that knows {@code quit}). A Telnet server serves no files: the
 * directory is not read. Stateless and thread-safe.
 */
public final class TelnetMockServerProvider implements MockServerProvider {
  @Override
  public Protocol protocol() {
    return Protocol.TELNET;
  }

  @Override
  public MockServer newServer(Path root, Optional<Credentials> account) {
    return new TelnetMockServer(account.orElse(null));
  }
}
