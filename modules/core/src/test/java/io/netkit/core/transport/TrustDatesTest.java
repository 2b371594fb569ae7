package io.netkit.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.core.testing.TestTls;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate trusted directly (a self-signed server certificate given as the trusted
 * certificate, or a trusted CA) is refused outside its validity dates, as curl and OpenSSL refuse
 * it; the JDK's own checks never look at a trust anchor's dates. Checked on netkit's own
 * connections and on the engines' sockets.
 */
class TrustDatesTest {
  private static final long DAY = TimeUnit.DAYS.toMillis(1);

  /** A self-signed certificate for localhost valid from {@code from} to {@code to} (ms from now). */
  private static HeldCertificate selfSigned(long from, long to) {
    long now = System.currentTimeMillis();
    return new HeldCertificate.Builder()
        .commonName("localhost")
        .addSubjectAlternativeName("localhost")
        .validityInterval(now + from, now + to)
        .build();
  }

  private static TcpServer serverPresenting(HeldCertificate certificate) throws Exception {
    return TcpServer.builder()
        .tls(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslContext())
        .handler(c -> c.writeLine("hello over TLS"))
        .start();
  }

  /** Trusts exactly {@code certificate}, read back from a PEM file as {@code --cacert} does. */
  private static NetOptions trusting(HeldCertificate certificate, Path dir) throws Exception {
    Path pem = dir.resolve("trusted.pem");
    Files.writeString(pem, certificate.certificatePem());
    return NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .tlsMode(TlsMode.IMPLICIT)
        .trust(Trust.pemFile(pem))
        .build();
  }

  private static Throwable causeOfType(Throwable failure, Class<?> type) {
    for (Throwable c = failure; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return c;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + failure, failure);
  }

  @Test
  void aValidSelfSignedCertificateTrustedDirectlyIsAccepted(@TempDir Path dir) throws Exception {
    HeldCertificate valid = selfSigned(-DAY, DAY);
    try (TcpServer server = serverPresenting(valid);
        TcpConnection client = TcpConnection.connect(Endpoint.of("localhost", server.port()), trusting(valid, dir))) {
      assertEquals("hello over TLS", client.readLine());
    }
  }

  @Test
  void anExpiredSelfSignedCertificateTrustedDirectlyIsRefused(@TempDir Path dir) throws Exception {
    HeldCertificate expired = selfSigned(-3 * DAY, -DAY);
    try (TcpServer server = serverPresenting(expired)) {
      NetTlsException e =
          assertThrows(
              NetTlsException.class,
              () -> TcpConnection.connect(Endpoint.of("localhost", server.port()), trusting(expired, dir)));
      Throwable cause = causeOfType(e, CertificateExpiredException.class);
      assertTrue(cause.getMessage().startsWith("validity check failed"), cause.getMessage());
    }
  }

  @Test
  void aNotYetValidSelfSignedCertificateTrustedDirectlyIsRefused(@TempDir Path dir) throws Exception {
    HeldCertificate future = selfSigned(DAY, 3 * DAY);
    try (TcpServer server = serverPresenting(future)) {
      NetTlsException e =
          assertThrows(
              NetTlsException.class,
              () -> TcpConnection.connect(Endpoint.of("localhost", server.port()), trusting(future, dir)));
      causeOfType(e, CertificateNotYetValidException.class);
    }
  }

  @Test
  void anExpiredTrustedCaIsRefusedEvenForAValidLeaf(@TempDir Path dir) throws Exception {
    long now = System.currentTimeMillis();
    HeldCertificate expiredCa =
        new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("expired test CA")
            .validityInterval(now - 3 * DAY, now - DAY)
            .build();
    HeldCertificate leaf =
        new HeldCertificate.Builder()
            .signedBy(expiredCa)
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .validityInterval(now - DAY, now + DAY)
            .build();
    try (TcpServer server =
        TcpServer.builder()
            .tls(
                new HandshakeCertificates.Builder()
                    .heldCertificate(leaf, expiredCa.certificate())
                    .build()
                    .sslContext())
            .handler(c -> c.writeLine("hello over TLS"))
            .start()) {
      NetTlsException e =
          assertThrows(
              NetTlsException.class,
              () -> TcpConnection.connect(Endpoint.of("localhost", server.port()), trusting(expiredCa, dir)));
      causeOfType(e, CertificateExpiredException.class);
    }
  }

  @Test
  void aValidCaStillVerifiesItsLeaf() throws Exception {
    NetOptions options =
        NetOptions.builder().tlsMode(TlsMode.IMPLICIT).trust(TestTls.trustTestCa()).build();
    try (TcpServer server =
            TcpServer.builder().tls(TestTls.serverContext()).handler(c -> c.writeLine("hi")).start();
        TcpConnection client = TcpConnection.connect(Endpoint.of("localhost", server.port()), options)) {
      assertEquals("hi", client.readLine());
    }
  }

  @Test
  void theEnginesSocketsRefuseAnExpiredCertificateTrustedDirectly(@TempDir Path dir) throws Exception {
    HeldCertificate expired = selfSigned(-3 * DAY, -DAY);
    HeldCertificate valid = selfSigned(-DAY, DAY);
    try (TcpServer bad = serverPresenting(expired); TcpServer good = serverPresenting(valid)) {
      try (SSLSocket socket =
          (SSLSocket) SocketFactories.tls(trusting(expired, dir), "test").createSocket("localhost", bad.port())) {
        SSLException e = assertThrows(SSLException.class, socket::startHandshake);
        causeOfType(e, CertificateExpiredException.class);
      }
      Path goodDir = Files.createDirectory(dir.resolve("good"));
      try (SSLSocket socket =
          (SSLSocket) SocketFactories.tls(trusting(valid, goodDir), "test").createSocket("localhost", good.port())) {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        assertEquals("hello over TLS", in.readLine());
      }
    }
  }

  @Test
  void theTrustManagerEnginesAreGivenChecksTheDatesToo() throws Exception {
    HeldCertificate expired = selfSigned(-3 * DAY, -DAY);
    Trust trust = Trust.certificates(List.of(expired.certificate()), "expired");
    CertificateExpiredException e =
        assertThrows(
            CertificateExpiredException.class,
            () -> trust.trustManager().checkServerTrusted(new java.security.cert.X509Certificate[] {expired.certificate()}, "ECDHE_ECDSA"));
    assertInstanceOf(CertificateExpiredException.class, e);
  }
}
