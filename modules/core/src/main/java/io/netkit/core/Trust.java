package io.netkit.core;

import io.netkit.core.internal.DateCheckingTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Which server certificates a client accepts. The default, {@link #system()}, is the JDK's trust
 * store with host-name verification; {@link #pemFile(Path)} trusts the CA certificates of a PEM
 * file instead (still verifying host names). {@link #insecureTrustAllForTestsOnly()} turns all
 * checks off and is named so that nobody uses it by accident. Unlike the JDK's own checks, every
 * trust but the insecure one also refuses a trusted certificate (a CA, or a server's own
 * certificate trusted directly) outside its validity dates, as curl and OpenSSL do. Immutable and
 * thread-safe.
 */
public final class Trust {
  private final X509TrustManager trustManager;
  private final boolean verifiesHostnames;
  private final String description;

  private Trust(X509TrustManager trustManager, boolean verifiesHostnames, String description) {
    this.trustManager = trustManager;
    this.verifiesHostnames = verifiesHostnames;
    this.description = description;
  }

  /** The JDK's default trust store, host names verified. */
  public static Trust system() {
    return SystemHolder.SYSTEM;
  }

  /**
   * Trusts exactly the CA certificates in a PEM file (one or more {@code BEGIN CERTIFICATE}
   * blocks), host names verified.
   *
   * @throws IOException when the file cannot be read or holds no certificate
   */
  public static Trust pemFile(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      return pem(in, pem.toString());
    }
  }

  /** Trusts the CA certificates read from PEM text, host names verified. */
  public static Trust pem(InputStream pem, String description) throws IOException {
    try {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(pem);
      if (certificates.isEmpty()) {
        throw new IOException("no certificate found in " + description);
      }
      return certificates(
          certificates.stream().map(X509Certificate.class::cast).toList(), description);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read certificates from " + description + ": " + e.getMessage(), e);
    }
  }

  /** Trusts exactly these CA certificates, host names verified. */
  public static Trust certificates(List<X509Certificate> certificates, String description) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      return new Trust(trustManagerFor(store), true, description);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a trust store: " + e.getMessage(), e);
    }
  }

  /**
   * Accepts every certificate and every host name. For tests against self-signed servers only:
   * it gives no protection against an active attacker.
   */
  public static Trust insecureTrustAllForTestsOnly() {
    return InsecureHolder.INSECURE;
  }

  /** The trust manager that checks certificate chains. */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  /** True unless this is the insecure trust-all value. */
  public boolean verifiesHostnames() {
    return verifiesHostnames;
  }

  /** A new TLS client context built on this trust. */
  public SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "Trust[" + description + "]";
  }

  private static X509TrustManager trustManagerFor(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    // The JDK's PKIX checks leave out the trust anchor's own dates; curl and OpenSSL check them.
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager x509) {
        return new DateCheckingTrustManager(x509);
      }
    }
    throw new IllegalStateException("no X509TrustManager available");
  }

  private static final class SystemHolder {
    static final Trust SYSTEM;

    static {
      try {
        SYSTEM = new Trust(trustManagerFor(null), true, "system trust store");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot load the system trust store", e);
      }
    }
  }

  private static final class InsecureHolder {
    static final Trust INSECURE =
        new Trust(
            new X509TrustManager() {
              @Override
              public void checkClientTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public void checkServerTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
              }
            },
            false,
            "INSECURE: trusts every certificate and host name");
  }
}
