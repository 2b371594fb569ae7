package io.netkit.ftp.internal;

import io.netkit.core.NetOptions;
import io.netkit.core.transport.SocketFactories;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} whose socket factory is the core's TLS bridge. Commons Net's
 * {@code FTPSClient} layers TLS over the control connection with {@code
 * context.getSocketFactory().createSocket(plain, host, port, false)}; handing it this context makes
 * that call go through the core, which verifies chain and host name with the options' trust and
 * keeps tracing the decrypted conversation.
 */
final class CoreSslContext extends SSLContext {
  CoreSslContext(NetOptions options, String protocol) {
    this(options.trust().sslContext(), SocketFactories.tls(options, protocol));
  }

  private CoreSslContext(SSLContext real, SSLSocketFactory bridge) {
    super(new Spi(real, bridge), real.getProvider(), real.getProtocol());
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext real;
    private final SSLSocketFactory bridge;

    Spi(SSLContext real, SSLSocketFactory bridge) {
      this.real = real;
      this.bridge = bridge;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
        throws KeyManagementException {
      // Built initialised from the options' trust; re-initialising would bypass it.
      throw new KeyManagementException("this context is initialised from netkit's Trust");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return bridge;
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      // Only used for active-mode data connections under PROT P.
      return real.getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return real.createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return real.createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return real.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return real.getClientSessionContext();
    }
  }
}
