package io.netkit.interop.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.core.trace.TraceEvent;
import io.netkit.ftp.FtpClient;
import io.netkit.ftp.FtpOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * FTPS against vsftpd with the script's CA: explicit (AUTH TLS, PBSZ 0, PROT P) and implicit,
 * certificate chain and host name verified on control and data connections.
 */
class FtpsInteropTest {
  private static final byte[] CONTENT = "over TLS, both connections".getBytes(StandardCharsets.UTF_8);
  private final FtpServers ftp = new FtpServers();
  private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();

  private NetOptions tls(TlsMode mode, Trust trust) {
    return FtpServers.options(trace).tlsMode(mode).trust(trust).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost"}) // the certificate names both
  void explicitFtpsProtectsControlAndData(String host) throws Exception {
    roundTrip(tls(TlsMode.STARTTLS_REQUIRED, ftp.scriptCa()), ftp.vsftpd(host));
    List<String> texts = trace.stream().map(TraceEvent::text).toList();
    assertTrue(texts.indexOf("AUTH TLS") < texts.indexOf("USER " + ftp.credentials().user()), texts.toString());
    assertTrue(texts.contains("PBSZ 0") && texts.contains("PROT P"), texts.toString());
    assertTrue(texts.contains("PASS ****") && !texts.contains("PASS " + ftp.credentials().password()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost"})
  void implicitFtpsProtectsControlAndData(String host) throws Exception {
    roundTrip(tls(TlsMode.IMPLICIT, ftp.scriptCa()), ftp.implicit(host));
    assertFalse(trace.stream().anyMatch(e -> e.text().equals("AUTH TLS")));
  }

  @Test
  void startTlsIfOfferedUpgradesWhenTheServerOffersIt() throws Exception {
    try (FtpClient client = new FtpClient(tls(TlsMode.STARTTLS_IF_OFFERED, ftp.scriptCa()))) {
      client.connect(ftp.vsftpd());
      assertTrue(client.isSecure());
    }
  }

  @Test
  void certificateFromAnUntrustedCaIsATlsFailure() throws Exception {
    try (FtpClient client = new FtpClient(tls(TlsMode.STARTTLS_REQUIRED, Trust.system()))) {
      assertThrows(NetTlsException.class, () -> client.connect(ftp.vsftpd()));
      assertFalse(client.isConnected());
    }
    assertTrue(trace.stream().noneMatch(e -> e.text().startsWith("PASS")), "no login without trust");
  }

  @Test
  void implicitCertificateFromAnUntrustedCaIsATlsFailure() throws Exception {
    try (FtpClient client = new FtpClient(tls(TlsMode.IMPLICIT, Trust.system()))) {
      assertThrows(NetTlsException.class, () -> client.connect(ftp.implicit("127.0.0.1")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost"})
  void activeModeFtpsProtectsAndVerifiesDataConnectionsTheServerOpens(String host) throws Exception {
    roundTrip(
        tls(TlsMode.STARTTLS_REQUIRED, ftp.scriptCa()),
        ftp.vsftpd(host),
        FtpOptions.builder().activeMode(true).build());
    List<String> texts = trace.stream().map(TraceEvent::text).toList();
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("PORT ")), texts.toString());
    assertFalse(texts.contains("EPSV") || texts.contains("PASV"), texts.toString());
  }

  private void roundTrip(NetOptions options, Endpoint endpoint) throws Exception {
    roundTrip(options, endpoint, FtpOptions.defaults());
  }

  private void roundTrip(NetOptions options, Endpoint endpoint, FtpOptions mode) throws Exception {
    String name = FtpServers.uniqueName(".txt");
    try (FtpClient client = new FtpClient(options, mode)) {
      client.connect(endpoint);
      assertTrue(client.isSecure());
      client.store(name, new ByteArrayInputStream(CONTENT));
      ByteArrayOutputStream back = new ByteArrayOutputStream();
      assertEquals(CONTENT.length, client.retrieve(name, back));
      assertArrayEquals(CONTENT, back.toByteArray());
      assertTrue(client.list("").stream().anyMatch(e -> e.name().equals(name)));
      client.delete(name);
    }
  }
}
