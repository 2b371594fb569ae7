package io.netkit.telnet.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Turns the JDK's and Commons Net's exceptions into netkit's typed ones. */
final class Failures {
  private Failures() {}

  /** Translates an I/O failure while {@code doing} something into a typed exception. */
  static NetException translate(ErrorContext context, IOException failure, String doing) {
    if (failure instanceof NetException net) {
      return net;
    }
    if (failure instanceof SocketTimeoutException) {
      return new NetTimeoutException(context, "timed out while " + doing, failure);
    }
    if (failure instanceof UnknownHostException) {
      return new NetConnectException(context, "cannot resolve host while " + doing, failure);
    }
    if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
      return new NetConnectException(
          context, "cannot connect while " + doing + ": " + oneLine(failure.getMessage()), failure);
    }
    String why = oneLine(failure.getMessage());
    return new NetProtocolException(
        context, "connection failed while " + doing + ": " + why, failure);
  }

  static String oneLine(String text) {
    if (text == null) {
      return "(no detail)";
    }
    String flat = text.replace("\r", "").replace('\n', ' ').trim();
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
