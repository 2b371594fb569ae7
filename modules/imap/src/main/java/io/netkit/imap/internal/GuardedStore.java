package io.netkit.imap.internal;

import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * Angus's IMAP store whose connections are {@link GuardedProtocol}s. Angus makes a new connection
 * at connect and whenever its pool is empty; the session keeps to one (store commands go through
 * the open folder), and the latest connection is remembered so its failure can be reported.
 */
final class GuardedStore extends IMAPStore {
  private final Guards guards;
  private volatile GuardedProtocol latest;

  GuardedStore(Session session, String providerName, boolean implicitTls, Guards guards) {
    super(session, new URLName(providerName, null, -1, null, null, null), providerName, implicitTls);
    this.guards = guards;
  }

  @Override
  protected IMAPProtocol newIMAPProtocol(String host, int port)
      throws IOException, ProtocolException {
    GuardedProtocol.CONSTRUCTING.set(guards);
    try {
      GuardedProtocol p =
          new GuardedProtocol(name, host, port, session.getProperties(), isSSL, logger, guards);
      latest = p;
      return p;
    } finally {
      GuardedProtocol.CONSTRUCTING.remove();
    }
  }

  /** The most recent connection, or null before the first. */
  GuardedProtocol latest() {
    return latest;
  }

  /** The I/O failure that ended the latest connection (or its construction), or null. */
  IOException lastFailure() {
    return guards.lastFailure();
  }
}
