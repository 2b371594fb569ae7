package io.netkit.testkit.pop3;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes a {@link Pop3MockServer} whose mailbox holds the {@code .eml} files directly in the root
 * directory (in name order: the first is message 1). Deletions happen in the server's memory
 * only; the files on disk are never changed. With an account, that user owns the mailbox;
 * without, {@value #DEFAULT_USER} / {@value #DEFAULT_PASSWORD}.
 */
public final class Pop3MockServerProvider implements MockServerProvider {
  /** The mailbox owner when no account is given. */
  public static final String DEFAULT_USER = "netkit";
  /** The password when no account is given. */
  public static final String DEFAULT_PASSWORD = "netkit";

  @Override
  public Protocol protocol() {
    return Protocol.POP3;
  }

  @Override
  public MockServer newServer(Path root, Optional<Credentials> account) throws IOException {
    Credentials who = account.orElse(new Credentials(DEFAULT_USER, DEFAULT_PASSWORD));
    return new Pop3MockServer(who.user(), who.password()).emlFiles(root);
  }
}
