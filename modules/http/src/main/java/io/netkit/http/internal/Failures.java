package io.netkit.http.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Turns what OkHttp throws (plain JDK and OkHttp I/O exceptions) into netkit's typed failures,
 * so callers see the same exception kinds as with every other module. A netkit exception from
 * the core's sockets (a deadline, an overlong line) passes through as it is.
 */
public final class Failures {
  private Failures() {}

  /** The netkit exception for {@code e}, which happened while {@code doing} (e.g. "GET /a"). */
  public static NetException translate(IOException e, ErrorContext context, String doing) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NetException net) {
        return net;
      }
    }
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof InterruptedIOException) {
      // SocketTimeoutException and OkHttp's own "timeout" (its read, write and call timeouts)
      return new NetTimeoutException(context, doing + ": timed out (" + why + ")", e);
    }
    if (e instanceof UnknownHostException) {
      return new NetConnectException(context, "cannot resolve host " + why, e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return new NetConnectException(context, "cannot connect: " + why, e);
    }
    if (e instanceof SSLException) {
      return new NetTlsException(context, "TLS failed: " + why, e);
    }
    if (e instanceof EOFException || e instanceof java.net.ProtocolException
        || e.getClass().getName().startsWith("okhttp3.")) {
      return new NetProtocolException(context, doing + ": " + why, e);
    }
    return new NetException(context, doing + ": " + why, e);
  }
}
