package io.netkit.imap.internal;

import org.eclipse.angus.mail.iap.ProtocolException;

/**
 * The connection cannot go on as the TLS mode demands (STARTTLS required but not offered or
 * refused, PREAUTH in plain text): thrown before any credential is sent, so it travels through
 * Angus's connect as a {@link ProtocolException} and comes out as a {@link
 * io.netkit.core.NetTlsException}.
 */
final class TlsPolicyException extends ProtocolException {
  TlsPolicyException(String message) {
    super(message);
  }
}
