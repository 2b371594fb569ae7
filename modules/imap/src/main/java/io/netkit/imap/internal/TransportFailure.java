package io.netkit.imap.internal;

import java.io.IOException;
import org.eclipse.angus.mail.iap.ProtocolException;

/**
 * The connection failed under one of this module's own commands: the I/O failure (usually a core
 * exception: a timeout, a closed socket) rides as the cause through Angus's {@code doCommand},
 * which only lets {@link ProtocolException}s out and would otherwise keep only a text.
 */
final class TransportFailure extends ProtocolException {
  TransportFailure(IOException cause) {
    super(cause.getMessage(), cause);
  }
}
