package io.netkit.testkit.imap;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes an {@link ImapMockServer} whose INBOX holds the {@code .eml} files directly in the root
 * directory (in name order: the first gets UID 1). Changes (appends, flags, deletions) happen in
 * the server's memory only; the files on disk are never changed. With an account, that user owns
 * the mailboxes; without, {@value #DEFAULT_USER} / {@value #DEFAULT_PASSWORD}.
 */
public final class ImapMockServerProvider implements MockServerProvider {
  /** The account's user when none is given. */
  public static final String DEFAULT_USER = "netkit";
  /** The password when no account is given. */
  public static final String DEFAULT_PASSWORD = "netkit";

  @Override
  public Protocol protocol() {
    return Protocol.IMAP;
  }

  @Override
  public MockServer newServer(Path root, Optional<Credentials> account) throws IOException {
    Credentials who = account.orElse(new Credentials(DEFAULT_USER, DEFAULT_PASSWORD));
    return new ImapMockServer(who.user(), who.password()).emlFiles(root);
  }
}
