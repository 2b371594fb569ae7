package io.netkit.mail.internal;

import io.netkit.core.Trust;
import java.util.List;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** A CA and a server certificate for {@code localhost} and {@code 127.0.0.1}, made at test time. */
final class TestTls {
  static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("mail test CA").build();
  static final HeldCertificate SERVER =
      new HeldCertificate.Builder()
          .signedBy(CA)
          .commonName("localhost")
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName("127.0.0.1")
          .build();
  static final HeldCertificate OTHER_HOST =
      new HeldCertificate.Builder()
          .signedBy(CA)
          .commonName("elsewhere.test")
          .addSubjectAlternativeName("elsewhere.test")
          .build();

  private TestTls() {}

  static SSLContext serverContext() {
    return new HandshakeCertificates.Builder().heldCertificate(SERVER, CA.certificate()).build().sslContext();
  }

  static SSLContext wrongHostContext() {
    return new HandshakeCertificates.Builder().heldCertificate(OTHER_HOST, CA.certificate()).build().sslContext();
  }

  static Trust trust() {
    return Trust.certificates(List.of(CA.certificate()), "mail test CA");
  }
}
