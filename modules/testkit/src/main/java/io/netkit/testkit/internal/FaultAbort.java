package io.netkit.testkit.internal;

import java.net.SocketException;

/**
 * Thrown inside a mock server's handler when an injected fault has ended the conversation on
 * purpose (garbage sent, connection cut). The server catches it and closes the connection
 * quietly. A {@link SocketException} so that nothing reports it as a server failure.
 */
public final class FaultAbort extends SocketException {
  public FaultAbort(String what) {
    super("fault injected: " + what);
  }
}
