package io.netkit.gopher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.NetTlsException;
import io.netkit.core.Netkit;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import io.netkit.core.Trust;
import io.netkit.testkit.MockServerExtension;
import io.netkit.testkit.gopher.GopherMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** gophers: implicit TLS, certificate and host name verified. */
@ExtendWith(MockServerExtension.class)
class GophersTlsTest {
  static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("gopher test CA").build();
  static final HeldCertificate SERVER =
      new HeldCertificate.Builder().signedBy(CA).addSubjectAlternativeName("127.0.0.1").build();
  static final GopherMockServer server = tlsServer();

  private static GopherMockServer tlsServer() {
    GopherMockServer s = GopherMockServer.of(TestTree.build());
    s.tls(new HandshakeCertificates.Builder().heldCertificate(SERVER, CA.certificate()).build().sslContext());
    return s;
  }

  private static NetOptions options(Trust trust) {
    return NetOptions.builder()
        .tlsMode(TlsMode.IMPLICIT)
        .trust(trust)
        .connectTimeout(Duration.ofSeconds(3))
        .readTimeout(Duration.ofSeconds(3))
        .build();
  }

  @Test
  void menuAndTextOverTlsWithATrustedCertificate() throws IOException {
    try (GopherClient client = new GopherClient(options(Trust.certificates(List.of(CA.certificate()), "test CA")))) {
      client.connect(server.endpoint());
      assertEquals("Hello text", client.menu("").items().get(1).display());
      assertEquals(TestTree.HELLO, client.text("/hello.txt"));
    }
  }

  @Test
  void gophersUrlUsesImplicitTls() throws IOException {
    assertTrue(server.url().toString().startsWith("gophers://"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NetOptions base = NetOptions.builder().trust(Trust.certificates(List.of(CA.certificate()), "test CA")).build();
    Netkit.fetch(server.url().resolve("/0/hello.txt"), base, out, TransferListener.NONE);
    assertEquals(TestTree.HELLO, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void untrustedCertificateIsATlsFailure() throws IOException {
    HeldCertificate other = new HeldCertificate.Builder().certificateAuthority(0).build();
    try (GopherClient client = new GopherClient(options(Trust.certificates(List.of(other.certificate()), "other")))) {
      client.connect(server.endpoint());
      assertThrows(NetTlsException.class, () -> client.menu(""));
    }
  }
}
