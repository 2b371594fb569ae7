package io.netkit.core.internal;

import io.netkit.core.Trust;
import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** Puts TLS on an open socket, client or server side, with netkit's verification rules. */
public final class TlsLayer {
  private TlsLayer() {}

  /**
   * Layers a client-mode TLS socket over {@code plain} (handshake not yet started). The host name
   * gives SNI and, unless trust is the insecure test value, is checked against the certificate.
   */
  public static SSLSocket client(SSLContext context, Trust trust, Socket plain, String host, int port)
      throws IOException {
    SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
    configureClient(ssl, trust);
    return ssl;
  }

  /** Turns on host-name verification on a client socket unless trust says otherwise. */
  public static void configureClient(SSLSocket ssl, Trust trust) {
    ssl.setUseClientMode(true);
    if (trust.verifiesHostnames()) {
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      ssl.setSSLParameters(parameters);
    }
  }

  /** Layers a server-mode TLS socket over an accepted {@code plain} socket. */
  public static SSLSocket server(SSLContext context, Socket plain) throws IOException {
    SSLSocket ssl =
        (SSLSocket)
            context
                .getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
    ssl.setUseClientMode(false);
    return ssl;
  }
}
