package io.netkit.core.probe;

import io.netkit.core.probe.ProbeReport.Certificate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/** Turns X.509 certificates into the report's plain values. */
final class Certificates {
  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  private Certificates() {}

  static List<Certificate> describe(List<X509Certificate> chain, Instant now) {
    return chain.stream().map(c -> describe(c, now)).toList();
  }

  static Certificate describe(X509Certificate c, Instant now) {
    Instant notAfter = c.getNotAfter().toInstant();
    // Floor, so that a certificate expiring in 23 hours has 0 days left, and an expired one < 0.
    long daysLeft = Math.floorDiv(Duration.between(now, notAfter).toSeconds(), 86_400L);
    return new Certificate(
        c.getSubjectX500Principal().getName(X500Principal.RFC2253),
        c.getIssuerX500Principal().getName(X500Principal.RFC2253),
        altNames(c),
        c.getNotBefore().toInstant(),
        notAfter,
        daysLeft,
        sha256(c));
  }

  private static List<String> altNames(X509Certificate c) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> all = c.getSubjectAlternativeNames();
      if (all != null) {
        for (List<?> entry : all) {
          int type = (Integer) entry.get(0);
          if (type == SAN_DNS) {
            names.add("DNS:" + entry.get(1));
          } else if (type == SAN_IP) {
            names.add("IP:" + entry.get(1));
          }
        }
      }
    } catch (CertificateParsingException e) {
      names.add("unreadable: " + e.getMessage());
    }
    return names;
  }

  private static String sha256(X509Certificate c) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      return "";
    }
  }
}
