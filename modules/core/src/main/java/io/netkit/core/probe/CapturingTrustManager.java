package io.netkit.core.probe;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A trust manager that remembers the chain a server sent and what the real trust manager said
 * about it, then says the same: a chain that fails verification still fails the handshake, so the
 * probe can describe a bad chain without ever trusting it for anything. Host names are checked by
 * the delegate (through the socket's endpoint identification) when it is an extended trust
 * manager; the JDK wraps a plain one and checks them itself. One per handshake; not thread-safe.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {
  private final X509TrustManager delegate;
  private volatile List<X509Certificate> chain = List.of();
  private volatile String rejection;

  CapturingTrustManager(X509TrustManager delegate) {
    this.delegate = delegate;
  }

  /** The chain the server sent, its own certificate first; empty until one arrived. */
  List<X509Certificate> chain() {
    return chain;
  }

  /** Why the delegate rejected the chain, or null (accepted, or not asked yet). */
  String rejection() {
    return rejection;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket)
      throws CertificateException {
    judge(
        certificates,
        () -> {
          if (delegate instanceof X509ExtendedTrustManager extended) {
            extended.checkServerTrusted(certificates, authType, socket);
          } else {
            delegate.checkServerTrusted(certificates, authType);
          }
        });
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
      throws CertificateException {
    judge(
        certificates,
        () -> {
          if (delegate instanceof X509ExtendedTrustManager extended) {
            extended.checkServerTrusted(certificates, authType, engine);
          } else {
            delegate.checkServerTrusted(certificates, authType);
          }
        });
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certificates, String authType)
      throws CertificateException {
    judge(certificates, () -> delegate.checkServerTrusted(certificates, authType));
  }

  /** The delegate's check, one of the three ways a handshake may ask for it. */
  @FunctionalInterface
  private interface Check {
    void run() throws CertificateException;
  }

  /** Remembers the chain, runs the delegate's {@code check}, and records and rethrows its "no". */
  private void judge(X509Certificate[] certificates, Check check) throws CertificateException {
    remember(certificates);
    try {
      check.run();
    } catch (CertificateException | RuntimeException e) {
      rejection = reason(e);
      throw e;
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("a probe does not accept client certificates");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("a probe does not accept client certificates");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] certificates, String authType)
      throws CertificateException {
    throw new CertificateException("a probe does not accept client certificates");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  private void remember(X509Certificate[] certificates) {
    chain = certificates == null ? List.of() : List.of(certificates);
  }

  /** The innermost message that says something: PKIX buries the useful one in causes. */
  private static String reason(Throwable e) {
    String best = e.getMessage();
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        best = best == null ? t.getMessage() : best;
        if (t instanceof java.security.cert.CertPathValidatorException) {
          best = t.getMessage();
        }
      }
    }
    if (best == null) {
      return "certificate rejected";
    }
    // "PKIX path building failed: sun.security...SunCertPathBuilderException: unable to find..."
    // says its reason after the class names: drop them, a person reads this.
    return best.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*(?:Exception|Error): ", "");
  }
}
