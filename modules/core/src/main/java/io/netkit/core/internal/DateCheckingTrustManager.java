package io.netkit.core.internal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Adds to the JDK's PKIX checks the one date check they leave out: the JDK never looks at the
 * validity dates of a trust anchor, so an expired certificate trusted directly (a self-signed
 * server certificate given as the trusted certificate, {@code --cacert}) or an expired trusted CA
 * passes. curl and OpenSSL check the dates of every certificate, the anchor included; so does
 * this. After the delegate accepted a chain, the chain is walked from the server's certificate
 * until the anchor it ends at: a presented certificate that is itself trusted must be valid now,
 * and a presented certificate issued by a trusted certificate must have at least one currently
 * valid trusted issuer with that name and key (so a re-issued root with the same key, valid
 * now, still counts). The JDK already checks the dates of every certificate on the path below
 * the anchor. A failure is a {@link CertificateExpiredException} or {@link
 * CertificateNotYetValidException}, whose message starts like the JDK's ("validity check
 * failed").
 */
public final class DateCheckingTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager delegate;

  /** Checks with {@code delegate} first, then the anchor's dates. */
  public DateCheckingTrustManager(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkServerTrusted(chain, authType);
    checkAnchorDates(chain, new Date());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkServerTrusted(chain, authType, socket);
    checkAnchorDates(chain, new Date());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkServerTrusted(chain, authType, engine);
    checkAnchorDates(chain, new Date());
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
    checkAnchorDates(chain, new Date());
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
    checkAnchorDates(chain, new Date());
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
    checkAnchorDates(chain, new Date());
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  /**
   * Fails when the anchor {@code chain} (already accepted by the delegate) ends at is not valid
   * at {@code now}; does nothing when the anchor is not found among the accepted issuers.
   */
  void checkAnchorDates(X509Certificate[] chain, Date now) throws CertificateException {
    if (chain == null || chain.length == 0) {
      return;
    }
    X509Certificate[] anchors = delegate.getAcceptedIssuers();
    for (X509Certificate presented : chain) {
      if (contains(anchors, presented)) {
        checkValid(presented, now);
        return;
      }
      X509Certificate invalidIssuer = null;
      boolean issuedByAnchor = false;
      for (X509Certificate anchor : anchors) {
        if (issued(anchor, presented)) {
          issuedByAnchor = true;
          if (validAt(anchor, now)) {
            return;
          }
          invalidIssuer = anchor;
        }
      }
      if (issuedByAnchor) {
        checkValid(invalidIssuer, now);
        return;
      }
    }
  }

  private static boolean contains(X509Certificate[] anchors, X509Certificate certificate) {
    for (X509Certificate anchor : anchors) {
      if (anchor.equals(certificate)) {
        return true;
      }
    }
    return false;
  }

  private static boolean issued(X509Certificate issuer, X509Certificate subject) {
    if (!issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal())) {
      return false;
    }
    try {
      subject.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static boolean validAt(X509Certificate certificate, Date now) {
    return !now.before(certificate.getNotBefore()) && !now.after(certificate.getNotAfter());
  }

  private static void checkValid(X509Certificate trusted, Date now) throws CertificateException {
    String who = trusted.getSubjectX500Principal().getName();
    if (now.after(trusted.getNotAfter())) {
      throw new CertificateExpiredException(
          "validity check failed: the trusted certificate " + who + " expired on " + trusted.getNotAfter());
    }
    if (now.before(trusted.getNotBefore())) {
      throw new CertificateNotYetValidException(
          "validity check failed: the trusted certificate " + who + " is not valid before "
              + trusted.getNotBefore());
    }
  }
}
