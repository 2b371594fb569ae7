package io.netkit.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.core.testing.TestTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
  private static final NetOptions BASE =
      NetOptions.builder()
          .connectTimeout(Duration.ofSeconds(5))
          .readTimeout(Duration.ofSeconds(5))
          .trust(TestTls.trustTestCa())
          .build();

  /** A server speaking a tiny STARTTLS dialogue; {@code inject} adds bytes after the go-ahead. */
  private static TcpServer startTlsServer(boolean inject) throws Exception {
    return TcpServer.builder()
        .handler(c -> {
          c.writeLine("220 ready");
          if (!"STARTTLS".equals(c.readLine())) {
            return;
          }
          String goAhead = "220 go ahead\r\n" + (inject ? "250 injected\r\n" : "");
          c.output().write(goAhead.getBytes(StandardCharsets.US_ASCII));
          c.output().flush();
          c.startTlsAsServer(TestTls.serverContext());
          c.writeLine("250 secure " + c.readLine());
        })
        .start();
  }

  private static Endpoint localhost(TcpServer server) {
    return Endpoint.of("localhost", server.port());
  }

  @Test
  void startTlsUpgradesAnOpenConnection() throws Exception {
    try (TcpServer server = startTlsServer(false);
        TcpConnection client = TcpConnection.connect(localhost(server), BASE)) {
      assertEquals(220, client.readReply().code());
      client.writeLine("STARTTLS");
      assertEquals(220, client.readReply().code());
      assertFalse(client.isTls());
      client.startTls();
      assertTrue(client.isTls());
      client.writeLine("HELLO");
      assertEquals("250 secure HELLO", client.readLine());
    }
  }

  @Test
  void bytesInjectedAfterTheGoAheadAreRefused() throws Exception {
    try (TcpServer server = startTlsServer(true);
        TcpConnection client = TcpConnection.connect(localhost(server), BASE)) {
      client.readReply();
      client.writeLine("STARTTLS");
      assertEquals(220, client.readReply().code());
      NetTlsException e = assertThrows(NetTlsException.class, client::startTls);
      assertTrue(e.getMessage().contains("injection"), e.getMessage());
      assertFalse(client.isOpen());
    }
  }

  private static TcpServer implicitTlsServer() throws Exception {
    return TcpServer.builder()
        .tls(TestTls.serverContext())
        .handler(c -> c.writeLine("hello over TLS"))
        .start();
  }

  @Test
  void implicitTlsConnectsAndVerifies() throws Exception {
    try (TcpServer server = implicitTlsServer();
        TcpConnection client =
            TcpConnection.connect(localhost(server), BASE.toBuilder().tlsMode(TlsMode.IMPLICIT).build())) {
      assertTrue(client.isTls());
      assertEquals("hello over TLS", client.readLine());
    }
  }

  @Test
  void wrongHostNameFailsEvenWithATrustedCertificate() throws Exception {
    try (TcpServer server = implicitTlsServer()) {
      NetTlsException e =
          assertThrows(
              NetTlsException.class,
              () -> TcpConnection.connect(Endpoint.loopback(server.port()), BASE.toBuilder().tlsMode(TlsMode.IMPLICIT).build()));
      assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
    }
  }

  @Test
  void untrustedCaFails() throws Exception {
    HeldCertificate otherCa = new HeldCertificate.Builder().certificateAuthority(0).build();
    NetOptions otherTrust =
        BASE.toBuilder()
            .tlsMode(TlsMode.IMPLICIT)
            .trust(Trust.certificates(java.util.List.of(otherCa.certificate()), "other CA"))
            .build();
    try (TcpServer server = implicitTlsServer()) {
      assertThrows(NetTlsException.class, () -> TcpConnection.connect(localhost(server), otherTrust));
      NetOptions system = BASE.toBuilder().tlsMode(TlsMode.IMPLICIT).trust(Trust.system()).build();
      assertThrows(NetTlsException.class, () -> TcpConnection.connect(localhost(server), system));
    }
  }

  @Test
  void insecureTrustAcceptsAnyCertificateAndHost() throws Exception {
    NetOptions insecure =
        BASE.toBuilder().tlsMode(TlsMode.IMPLICIT).trust(Trust.insecureTrustAllForTestsOnly()).build();
    try (TcpServer server = implicitTlsServer();
        TcpConnection client = TcpConnection.connect(Endpoint.loopback(server.port()), insecure)) {
      assertEquals("hello over TLS", client.readLine());
    }
  }

  @Test
  void trustIsLoadableFromAPemFile(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("ca.pem");
    Files.writeString(pem, TestTls.CA.certificatePem());
    NetOptions fromPem = BASE.toBuilder().tlsMode(TlsMode.IMPLICIT).trust(Trust.pemFile(pem)).build();
    try (TcpServer server = implicitTlsServer();
        TcpConnection client = TcpConnection.connect(localhost(server), fromPem)) {
      assertEquals("hello over TLS", client.readLine());
    }
  }

  @Test
  void pemFileWithoutCertificatesIsAClearError(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.pem");
    Files.writeString(empty, "not a certificate\n");
    assertThrows(java.io.IOException.class, () -> Trust.pemFile(empty));
  }
}
