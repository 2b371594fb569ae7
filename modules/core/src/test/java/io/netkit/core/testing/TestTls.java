package io.netkit.core.testing;

import io.netkit.core.Trust;
import java.util.List;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** A CA and a server certificate for {@code localhost} made at test time. */
public final class TestTls {
  public static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("netkit test CA").build();
  public static final HeldCertificate LOCALHOST =
      new HeldCertificate.Builder().signedBy(CA).commonName("localhost").addSubjectAlternativeName("localhost").build();

  private TestTls() {}

  /** A server context presenting the localhost certificate. */
  public static SSLContext serverContext() {
    return new HandshakeCertificates.Builder().heldCertificate(LOCALHOST, CA.certificate()).build().sslContext();
  }

  /** Client trust in the test CA. */
  public static Trust trustTestCa() {
    return Trust.certificates(List.of(CA.certificate()), "test CA");
  }
}
