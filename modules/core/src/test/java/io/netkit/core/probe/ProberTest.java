package io.netkit.core.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import io.netkit.core.Trust;
import io.netkit.core.probe.ProbeReport.Login;
import io.netkit.core.probe.ProbeReport.LoginStatus;
import io.netkit.core.probe.ProbeReport.Stage;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.core.spi.ProbeProvider;
import io.netkit.core.testing.TestTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The core's half of a probe, with a stand-in protocol: resolution, connect time, TLS with the
 * chain captured (an expired or mismatched certificate is described and still refused), ALPN,
 * STARTTLS rules, the login check and the scrubbing of the password.
 */
class ProberTest {
  private static final long DAY = 24L * 60 * 60 * 1000;
  private static final HeldCertificate EXPIRED =
      new HeldCertificate.Builder()
          .signedBy(TestTls.CA)
          .commonName("localhost")
          .addSubjectAlternativeName("localhost")
          .validityInterval(System.currentTimeMillis() - 30 * DAY, System.currentTimeMillis() - DAY)
          .build();
  private static final HeldCertificate OTHER_HOST =
      new HeldCertificate.Builder()
          .signedBy(TestTls.CA)
          .commonName("elsewhere.example")
          .addSubjectAlternativeName("elsewhere.example")
          .build();
  private static final HeldCertificate SOON =
      new HeldCertificate.Builder()
          .signedBy(TestTls.CA)
          .commonName("localhost")
          .addSubjectAlternativeName("localhost")
          .validityInterval(System.currentTimeMillis() - DAY, System.currentTimeMillis() + 5 * DAY + 3_600_000)
          .build();

  private final List<String> received = new CopyOnWriteArrayList<>();
  private ServerSocket server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anExpiredCertificateIsDescribedAndTheConnectionStillRefused() throws Exception {
    int port = tlsServer(EXPIRED, null);
    Stub stub = new Stub();
    ProbeReport report = probe("gophers://localhost:" + port + "/", implicit(TestTls.trustTestCa()), stub);

    assertEquals(Stage.VERIFY, report.failure().stage(), report::toString);
    assertFalse(report.tls().verified());
    assertFalse(report.tls().established());
    assertTrue(report.tls().verifyError().toLowerCase().contains("expired")
        || report.tls().verifyError().toLowerCase().contains("validity"), report.tls().verifyError());
    assertEquals("CN=localhost", report.tls().leaf().orElseThrow().subject());
    assertTrue(report.tls().leaf().orElseThrow().daysLeft() < 0);
    assertFalse(stub.spoke.get(), "nothing is said over a connection that failed verification");
    assertTrue(received.isEmpty(), "the server received nothing: " + received);
  }

  @Test
  void aCertificateForAnotherHostFailsVerificationWithTheReason() throws Exception {
    int port = tlsServer(OTHER_HOST, null);
    ProbeReport report = probe("gophers://localhost:" + port + "/", implicit(TestTls.trustTestCa()), new Stub());

    assertEquals(Stage.VERIFY, report.failure().stage(), report::toString);
    assertTrue(report.tls().verifyError().contains("localhost"), report.tls().verifyError());
    assertEquals(List.of("DNS:elsewhere.example"), report.tls().leaf().orElseThrow().subjectAltNames());
  }

  @Test
  void aTrustedServerReportsVersionCipherChainAndAlpn() throws Exception {
    int port = tlsServer(TestTls.LOCALHOST, "h2");
    Stub stub = new Stub();
    stub.alpn = List.of("h2", "http/1.1");
    ProbeReport report = probe("gophers://localhost:" + port + "/", implicit(TestTls.trustTestCa()), stub);

    assertNull(report.failure(), report::toString);
    assertTrue(report.tls().verified());
    assertEquals("implicit", report.tls().mode());
    assertTrue(report.tls().version().startsWith("TLS"), report.tls().version());
    assertNotNull(report.tls().cipher());
    assertEquals("h2", report.tls().alpn());
    assertEquals("hello", report.greeting());
    assertTrue(report.addresses().contains(report.address()), report::toString);
    assertNotNull(report.connectTime());
  }

  @Test
  void insecureTrustLetsAnExpiredCertificateThroughWithItsDaysLeftNegative() throws Exception {
    int port = tlsServer(EXPIRED, null);
    ProbeReport report =
        probe("gophers://localhost:" + port + "/", implicit(Trust.insecureTrustAllForTestsOnly()), new Stub());

    assertNull(report.failure(), report::toString);
    assertTrue(report.tls().leaf().orElseThrow().daysLeft() < 0);
  }

  @Test
  void daysLeftCountsWholeDays() throws Exception {
    int port = tlsServer(SOON, null);
    ProbeReport report = probe("gophers://localhost:" + port + "/", implicit(TestTls.trustTestCa()), new Stub());

    assertEquals(5, report.tls().leaf().orElseThrow().daysLeft(), report::toString);
  }

  @Test
  void aRefusedPortIsAConnectFailure() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ProbeReport report = probe("gopher://127.0.0.1:" + port + "/", NetOptions.defaults(), new Stub());

    assertEquals(Stage.CONNECT, report.failure().stage(), report::toString);
    assertEquals(List.of("127.0.0.1"), report.addresses());
    assertNull(report.address());
  }

  @Test
  void anUnknownHostIsAResolveFailure() {
    ProbeReport report = probe("gopher://no-such-host.invalid:70/", NetOptions.defaults(), new Stub());

    assertEquals(Stage.RESOLVE, report.failure().stage(), report::toString);
  }

  @Test
  void requiredStartTlsNotOfferedStopsAtTheStartTlsStage() throws Exception {
    int port = plainServer();
    Stub stub = new Stub();
    stub.offersStartTls = false;
    NetOptions required = NetOptions.builder().tlsMode(TlsMode.STARTTLS_REQUIRED).build();
    ProbeReport report = probe("gopher://127.0.0.1:" + port + "/", required, stub);

    assertEquals(Stage.STARTTLS, report.failure().stage(), report::toString);
    assertEquals(ProbeReport.StartTls.NOT_OFFERED, report.startTls());
    assertEquals(Login.NOT_TRIED, report.login(), "no login after a failure");
  }

  @Test
  void startTlsUpgradesAndTheRestOfTheProbeRunsInsideTls() throws Exception {
    int port = startTlsServer(TestTls.LOCALHOST);
    Stub stub = new Stub();
    stub.offersStartTls = true;
    NetOptions options = NetOptions.builder().trust(TestTls.trustTestCa()).build();
    ProbeReport report = probe("gopher://localhost:" + port + "/", options, stub);

    assertNull(report.failure(), report::toString);
    assertEquals(ProbeReport.StartTls.UPGRADED, report.startTls());
    assertEquals("starttls", report.tls().mode());
    assertTrue(report.tls().verified());
    assertEquals("inside", report.greeting(), "read through TLS");
  }

  @Test
  void anExpiredCertificateAfterStartTlsFailsVerification() throws Exception {
    int port = startTlsServer(EXPIRED);
    Stub stub = new Stub();
    stub.offersStartTls = true;
    NetOptions options = NetOptions.builder().trust(TestTls.trustTestCa()).build();
    ProbeReport report = probe("gopher://localhost:" + port + "/", options, stub);

    assertEquals(Stage.VERIFY, report.failure().stage(), report::toString);
    assertEquals(ProbeReport.StartTls.FAILED, report.startTls());
    assertTrue(report.tls().leaf().orElseThrow().daysLeft() < 0);
  }

  @Test
  void requiredTlsOnAProtocolWithoutStartTlsIsAStartTlsFailure() throws Exception {
    int port = plainServer();
    Stub stub = new Stub();
    stub.asksAboutStartTls = false;
    NetOptions required = NetOptions.builder().tlsMode(TlsMode.STARTTLS_REQUIRED).build();
    ProbeReport report = probe("gopher://127.0.0.1:" + port + "/", required, stub);

    assertEquals(Stage.STARTTLS, report.failure().stage(), report::toString);
    assertEquals("hello", report.greeting(), "what was learnt is kept");
  }

  @Test
  void theLoginCheckRunsWithCredentialsAndThePasswordNeverReachesTheReport() throws Exception {
    int port = plainServer();
    Stub stub = new Stub();
    ProbeReport report =
        probe("gopher://ann:s3cr%3Ft@127.0.0.1:" + port + "/", NetOptions.defaults(), stub);

    assertEquals(LoginStatus.FAILED, report.login().status(), report::toString);
    assertFalse(report.toJson().contains("s3cr?t"), report.toJson());
    assertFalse(report.toString().contains("s3cr?t"));
    assertTrue(report.login().message().contains("****"), report.login().message());
    assertFalse(report.url().contains("ann"), report.url());
  }

  @Test
  void jsonEscapesServerTextAndKeepsItsShape() throws Exception {
    int port = plainServer();
    Stub stub = new Stub();
    stub.greeting = "evil\"\\\u0007\n{";
    ProbeReport report = probe("gopher://127.0.0.1:" + port + "/", NetOptions.defaults(), stub);

    String json = report.toJson();
    assertTrue(json.startsWith("{\"shape\":1,\"url\":"), json);
    assertTrue(json.contains("\"greeting\":\"evil\\\"\\\\\\u0007\\n{\""), json);
    assertTrue(json.endsWith("\"ok\":true}"), json);
  }

  private ProbeReport probe(String url, NetOptions options, Stub stub) {
    NetOptions bounded =
        options.toBuilder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(10)).build();
    return Prober.probe(URI.create(url), bounded, new Clients(), stub);
  }

  private static NetOptions implicit(Trust trust) {
    return NetOptions.builder().tlsMode(TlsMode.IMPLICIT).trust(trust).build();
  }

  /** A TLS server that sends "hello" and records what it reads. */
  private int tlsServer(HeldCertificate certificate, String alpn) throws IOException {
    SSLContext context =
        new HandshakeCertificates.Builder().heldCertificate(certificate, TestTls.CA.certificate()).build().sslContext();
    SSLServerSocket tls = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0);
    if (alpn != null) {
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {alpn});
      tls.setSSLParameters(parameters);
    }
    server = tls;
    serve(socket -> {
      ((SSLSocket) socket).startHandshake();
      talk(socket);
    });
    return tls.getLocalPort();
  }

  /** Says "hello", answers one line with "go", then TLS as the server, then "inside". */
  private int startTlsServer(HeldCertificate certificate) throws IOException {
    SSLContext context =
        new HandshakeCertificates.Builder().heldCertificate(certificate, TestTls.CA.certificate()).build().sslContext();
    server = new ServerSocket(0);
    serve(socket -> {
      OutputStream out = socket.getOutputStream();
      out.write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      for (int b; (b = in.read()) != '\n'; ) {
        if (b < 0) {
          return;
        }
      }
      out.write("go\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), false);
      tls.setUseClientMode(false);
      tls.startHandshake();
      talkInside(tls);
    });
    return server.getLocalPort();
  }

  private void talkInside(Socket tls) throws IOException {
    tls.getOutputStream().write("inside\r\n".getBytes(StandardCharsets.US_ASCII));
    tls.getOutputStream().flush();
    byte[] buffer = new byte[1024];
    for (int n; (n = tls.getInputStream().read(buffer)) > 0; ) {
      received.add(new String(buffer, 0, n, StandardCharsets.US_ASCII));
    }
  }

  private int plainServer() throws IOException {
    server = new ServerSocket(0);
    serve(this::talk);
    return server.getLocalPort();
  }

  private void talk(Socket socket) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[1024];
    for (int n; (n = in.read(buffer)) > 0; ) {
      received.add(new String(buffer, 0, n, StandardCharsets.US_ASCII));
    }
  }

  private interface Handler {
    void handle(Socket socket) throws IOException;
  }

  private void serve(Handler handler) {
    Thread thread = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          socket.setSoTimeout(10_000);
          handler.handle(socket);
        } catch (IOException e) {
          // the client hung up or the handshake failed: next
        }
      }
    }, "probe-test-server");
    thread.setDaemon(true);
    thread.start();
  }

  /** A stand-in protocol: reads a greeting line, maybe "offers" STARTTLS. */
  private static final class Stub implements ProbeProvider {
    final AtomicBoolean spoke = new AtomicBoolean();
    List<String> alpn = List.of();
    boolean offersStartTls = false;
    boolean asksAboutStartTls = true;
    String greeting;

    @Override
    public Protocol protocol() {
      return Protocol.GOPHER;
    }

    @Override
    public List<String> applicationProtocols() {
      return alpn;
    }

    @Override
    public void probe(ProbeSession session) throws IOException {
      spoke.set(true);
      String line = session.connection().readLine();
      session.greeting(greeting != null ? greeting : line);
      if (asksAboutStartTls && session.startTlsOffered(offersStartTls)) {
        session.connection().writeLine("STARTTLS");
        session.connection().readLine();
        session.upgrade();
        session.greeting(session.connection().readLine());
      }
    }

    @Override
    public Login checkLogin(URI url, NetOptions options, ClientProvider clients) {
      String password = clients.endpoint(url).credentials().orElseThrow().password();
      return new Login(LoginStatus.FAILED, "a careless module said " + password);
    }
  }

  private static final class Clients implements ClientProvider {
    @Override
    public Protocol protocol() {
      return Protocol.GOPHER;
    }

    @Override
    public NetClient<?, ?> newClient(NetOptions options) {
      throw new UnsupportedOperationException("not needed");
    }

    @Override
    public void fetch(URI url, NetOptions options, OutputStream out, TransferListener progress) {
      throw new UnsupportedOperationException("not needed");
    }

    @Override
    public List<ListEntry> list(URI url, NetOptions options) {
      throw new UnsupportedOperationException("not needed");
    }
  }
}
