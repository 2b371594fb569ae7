package io.netkit.ftp.internal;

import io.netkit.core.AddressFamily;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.transport.SocketFactories;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Socket factories for FTP data connections. They go through the core like the control connection
 * (timeouts, deadline, TLS verification, trace): a listing shows as its lines, a binary transfer
 * as the core tracer's one-line summary ({@code <<< 65536 bytes of data >>>}).
 */
final class DataSockets {
  static final String LABEL = "ftp-data";

  private DataSockets() {}

  /** Options for data sockets: reads bounded by the data timeout. */
  static NetOptions dataOptions(NetOptions options, Duration dataTimeout) {
    return options.toBuilder().readTimeout(dataTimeout).build();
  }

  /** Plain data connections. */
  static SocketFactory plain(NetOptions dataOptions) {
    return SocketFactories.plain(dataOptions, LABEL);
  }

  /**
   * Plain data connections the server opens to us (active mode): accepted through the core, so
   * their writes are bounded and the deadline applies as for passive ones.
   */
  static ServerSocketFactory plainServer(NetOptions dataOptions) {
    return SocketFactories.serverSockets(dataOptions, LABEL);
  }

  /**
   * TLS data connections (PROT P). The data connection goes to the control connection's address
   * (PASV addresses are ignored), so the certificate must match that address or, when the user
   * connected by name, the name: it is sent as SNI, which the JDK's identity check tries first.
   */
  static SocketFactory tls(NetOptions dataOptions, Endpoint control) {
    SocketFactory tls = SocketFactories.tls(dataOptions, LABEL);
    return new Delegating(tls) {
      @Override
      public Socket createSocket() throws IOException {
        Socket socket = tls.createSocket();
        if (socket instanceof SSLSocket ssl) {
          nameTheHost(ssl, control);
        }
        return socket;
      }
    };
  }

  /**
   * Checks the host name of an active-mode TLS data connection. Commons Net accepts it from its
   * own server socket (not the core's factory) and then runs the handshake as the TLS client with
   * only the chain checked; this adds the host-name check the core gives every other connection:
   * against the name the user connected to, else the peer's address.
   */
  static void verifyHostOfAccepted(SSLSocket ssl, Endpoint control) {
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    ssl.setSSLParameters(parameters);
    nameTheHost(ssl, control);
  }

  /** Sends the control connection's host name as SNI, which the JDK's identity check tries first. */
  private static void nameTheHost(SSLSocket ssl, Endpoint control) {
    boolean byName = control.family() == AddressFamily.UNSPEC && !control.host().isEmpty();
    if (byName) {
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName(control.host())));
      ssl.setSSLParameters(parameters);
    }
  }

  /** Passes everything to a delegate; subclasses replace {@link #createSocket()}. */
  private abstract static class Delegating extends SocketFactory {
    private final SocketFactory delegate;

    Delegating(SocketFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public abstract Socket createSocket() throws IOException;

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort)
        throws IOException {
      return delegate.createSocket(host, port, local, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
        throws IOException {
      return delegate.createSocket(host, port, local, localPort);
    }
  }
}
