package io.netkit.testkit.smtp;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes an {@link SmtpMockServer} that stores every message it receives as an {@code .eml} file
 * in the directory ({@code 0001.eml}, ...), and, for {@link #reportingTo}, prints each one's envelope and headers: {@code netkit serve smtp}'s debugging
 * server. With an account, AUTH must use it; without, any login (or none) is accepted.
 */
public final class SmtpMockServerProvider implements MockServerProvider {
  @Override
  public Protocol protocol() {
    return Protocol.SMTP;
  }

  @Override
  public MockServer newServer(Path root, Optional<Credentials> account) throws IOException {
    SmtpMockServer server = new SmtpMockServer().mailDirectory(root);
    account.ifPresent(a -> server.account(a.user(), a.password()));
    return server;
  }

  /** Prints each received message's envelope and headers to {@code out}. */
  @Override
  public MockServer reportingTo(MockServer server, PrintStream out) {
    if (server instanceof SmtpMockServer smtp) {
      smtp.printTo(out);
    }
    return server;
  }
}
