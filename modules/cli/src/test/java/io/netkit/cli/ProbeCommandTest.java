package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.probe.ProbeReport;
import io.netkit.core.probe.ProbeReport.LoginStatus;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.gopher.GopherMockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code netkit probe} and {@code Netkit.probe} against every protocol's testkit mock (found
 * through the MockServerProvider SPI, so a new protocol is covered without naming it here), and
 * against TLS mocks with an expired, a nearly expired and a good certificate.
 */
class ProbeCommandTest {
  private static final Credentials ACCOUNT = new Credentials("probe", "pw-Probe-7");
  private static final long DAY = 24L * 60 * 60 * 1000;
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("probe test CA").build();

  static Stream<MockServerProvider> mocks() {
    return ServiceLoader.load(MockServerProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals(p.protocol().name()));
  }

  @Test
  void everyProtocolOfTheBuildHasAMockHere() {
    List<String> mocked = mocks().map(p -> p.protocol().name()).toList();
    assertTrue(mocked.containsAll(List.of("gopher", "ftp", "smtp", "pop3", "imap", "http", "nntp", "telnet")), mocked.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mocks")
  void theLibraryReportsWhatEachMockAnnounces(MockServerProvider mocks, @TempDir Path root) throws Exception {
    Files.writeString(root.resolve("hello.txt"), "hello\n");
    try (MockServer server = mocks.newServer(root, Optional.of(ACCOUNT))) {
      server.start();
      ProbeReport report = Netkit.probe(server.url(), bounded());

      assertNull(report.failure(), report::toString);
      assertEquals(mocks.protocol().name(), report.protocol());
      assertEquals(server.port(), report.port());
      assertTrue(report.addresses().contains(report.address()), report::toString);
      assertNotNull(report.connectTime());
      assertTrue(report.greeting() != null || !report.details().isEmpty(), "something was learnt: " + report);
      assertTrue(report.toJson().contains("\"ok\":true"), report.toJson());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mocks")
  void theCommandExitsZeroAndChecksTheLoginWithoutPrintingThePassword(MockServerProvider mocks, @TempDir Path root)
      throws Exception {
    Files.writeString(root.resolve("hello.txt"), "hello\n");
    try (MockServer server = mocks.newServer(root, Optional.of(ACCOUNT))) {
      server.start();
      Cli.Result text = Cli.run("probe", "-u", ACCOUNT.user() + ":" + ACCOUNT.password(), server.url().toString());
      Cli.Result json = Cli.run("probe", "--json", "-u", ACCOUNT.user() + ":" + ACCOUNT.password(), server.url().toString());

      assertEquals(0, text.code(), text::toString);
      assertTrue(text.out().contains("result         ok"), text::toString);
      assertEquals(0, json.code(), json::toString);
      String expected = mocks.protocol().name().equals("gopher") ? "not-applicable" : "succeeded";
      assertTrue(json.out().contains("\"login\":{\"status\":\"" + expected + "\""), json::toString);
      for (Cli.Result r : List.of(text, json)) {
        assertFalse(r.out().contains(ACCOUNT.password()) || r.stderr().contains(ACCOUNT.password()), r::toString);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mocks")
  void aRefusedLoginExits67(MockServerProvider mocks, @TempDir Path root) throws Exception {
    if (mocks.protocol().name().equals("gopher")) {
      return; // Gopher has no login to refuse
    }
    Files.writeString(root.resolve("hello.txt"), "hello\n");
    try (MockServer server = mocks.newServer(root, Optional.of(ACCOUNT))) {
      server.start();
      Cli.Result r = Cli.run("probe", "-u", ACCOUNT.user() + ":wrong-Pass-9", server.url().toString());

      assertEquals(ExitCode.AUTHENTICATION, r.code(), r::toString);
      assertTrue(r.out().contains("login          failed"), r::toString);
      assertFalse(r.out().contains("wrong-Pass-9"), r::toString);
    }
  }

  @Test
  void anExpiredCertificateExits60AndShowsTheChainItRefused(@TempDir Path dir) throws Exception {
    HeldCertificate expired = certificate(System.currentTimeMillis() - 30 * DAY, System.currentTimeMillis() - DAY);
    try (GopherMockServer server = tlsGopher(dir, expired)) {
      Cli.Result r = Cli.run("probe", "--cacert", caFile(dir).toString(), url(server));

      assertEquals(ExitCode.TLS_VERIFY, r.code(), r::toString);
      assertTrue(r.out().contains("certificate 0  CN=localhost"), r::toString);
      assertTrue(r.out().contains("EXPIRED"), r::toString);
      assertTrue(r.out().contains("verified       NO: "), r::toString);
      assertFalse(r.out().contains("menu items"), "nothing was asked over the refused connection: " + r);
      assertFalse(r.out().contains("sun.security"), "no Java class names: " + r);
    }
  }

  @Test
  void anExpiredCertificateAcceptedByInsecureStillTripsWarnDays(@TempDir Path dir) throws Exception {
    HeldCertificate expired = certificate(System.currentTimeMillis() - 30 * DAY, System.currentTimeMillis() - DAY);
    try (GopherMockServer server = tlsGopher(dir, expired)) {
      Cli.Result r = Cli.run("probe", "-k", "--warn-days", "14", "--json", url(server));

      assertEquals(ProbeCommand.EXPIRES_SOON, r.code(), r::toString);
      assertTrue(r.out().contains("\"daysLeft\":-"), r::toString);
    }
  }

  @Test
  void warnDaysComparesWithTheDaysLeft(@TempDir Path dir) throws Exception {
    HeldCertificate soon = certificate(System.currentTimeMillis() - DAY, System.currentTimeMillis() + 10 * DAY + 3_600_000);
    try (GopherMockServer server = tlsGopher(dir, soon)) {
      String ca = caFile(dir).toString();
      Cli.Result warned = Cli.run("probe", "--cacert", ca, "--warn-days", "30", url(server));
      Cli.Result fine = Cli.run("probe", "--cacert", ca, "--warn-days", "7", url(server));

      assertEquals(ProbeCommand.EXPIRES_SOON, warned.code(), warned::toString);
      assertTrue(warned.out().contains("10 days left, WARNING: fewer than 30"), warned::toString);
      assertEquals(0, fine.code(), fine::toString);
      assertTrue(fine.out().contains("verified       yes"), fine::toString);
      assertTrue(fine.out().contains("item types     0=1"), "the menu was read inside TLS: " + fine);
    }
  }

  @Test
  void aRefusedPortExits7Quickly() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "smtp://127.0.0.1:" + port;
    Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run("probe", "--json", url));

    assertEquals(ExitCode.CANNOT_CONNECT, r.code(), r::toString);
    assertTrue(r.out().contains("\"failure\":{\"stage\":\"connect\""), r::toString);
  }

  @Test
  void aServerThatNeverSpeaksTimesOutWith28() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread accepter = new Thread(() -> {
        try (java.net.Socket held = silent.accept()) {
          Thread.sleep(30_000);
        } catch (Exception e) {
          // closed by the test
        }
      });
      accepter.setDaemon(true);
      accepter.start();
      String url = "pop3://127.0.0.1:" + silent.getLocalPort();
      Cli.Result r =
          assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run("probe", "--timeout", "1", url));

      assertEquals(ExitCode.TIMEOUT, r.code(), r::toString);
      assertTrue(r.out().contains("FAILED at timeout"), r::toString);
    }
  }

  @Test
  void theCoresTraceSeesTheProbesConversation(@TempDir Path root) throws Exception {
    MockServerProvider smtp = mocks().filter(p -> p.protocol().name().equals("smtp")).findFirst().orElseThrow();
    try (MockServer server = smtp.newServer(root, Optional.of(ACCOUNT))) {
      server.start();
      Cli.Result r = Cli.run("probe", "--trace", server.url().toString());

      assertEquals(0, r.code(), r::toString);
      assertTrue(r.stderr().contains("EHLO [127.0.0.1]"), r::toString);
    }
  }

  /** scheme, greeting (or null when the client speaks first), first answer line, flood line. */
  static Stream<org.junit.jupiter.params.provider.Arguments> floods() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("imap", "* OK hi", "* FLOOD", "* FLOOD"),
        org.junit.jupiter.params.provider.Arguments.of("pop3", "+OK hi", "+OK", "X"),
        org.junit.jupiter.params.provider.Arguments.of("smtp", "220 hi", "250-X", "250-X"),
        org.junit.jupiter.params.provider.Arguments.of("nntp", "200 hi", "101 caps", "X"),
        org.junit.jupiter.params.provider.Arguments.of("ftp", "220 hi", "211-Features", " X"),
        org.junit.jupiter.params.provider.Arguments.of("http", null, "HTTP/1.1 200 OK", "X-Flood: 1"),
        org.junit.jupiter.params.provider.Arguments.of("gopher", null, "0f\tsel\th\t70", "0f\tsel\th\t70"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("floods")
  void aServerThatFloodsItsAnswerIsAProtocolErrorNotAHang(String scheme, String greeting, String first, String flood)
      throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread flooder = new Thread(() -> {
        try (java.net.Socket s = server.accept()) {
          java.io.OutputStream out = new java.io.BufferedOutputStream(s.getOutputStream());
          if (greeting != null) {
            out.write((greeting + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
          }
          java.io.InputStream in = s.getInputStream();
          for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
              return;
            }
          }
          out.write((first + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          byte[] line = (flood + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
          while (true) {
            out.write(line);
          }
        } catch (IOException e) {
          // the client gave up: what the test wants
        }
      });
      flooder.setDaemon(true);
      flooder.start();
      String url = scheme + "://127.0.0.1:" + server.getLocalPort() + "/";
      Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("probe", "--json", url));

      assertEquals(ExitCode.PROTOCOL_ERROR, r.code(), r::toString);
      assertTrue(r.out().contains("\"stage\":\"protocol\""), r::toString);
    }
  }

  @Test
  void aNegativeWarnDaysIsAUsageError() {
    Cli.Result r = Cli.run("probe", "--warn-days", "-1", "gopher://127.0.0.1:1/");
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
  }

  private static NetOptions bounded() {
    return NetOptions.builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(10)).build();
  }

  private static HeldCertificate certificate(long from, long until) {
    return new HeldCertificate.Builder()
        .signedBy(CA)
        .commonName("localhost")
        .addSubjectAlternativeName("localhost")
        .validityInterval(from, until)
        .build();
  }

  private static GopherMockServer tlsGopher(Path dir, HeldCertificate certificate) throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.writeString(root.resolve("hello.txt"), "hello\n");
    SSLContext context =
        new HandshakeCertificates.Builder().heldCertificate(certificate, CA.certificate()).build().sslContext();
    GopherMockServer server = GopherMockServer.serving(root);
    server.tls(context);
    server.start();
    return server;
  }

  private static String url(GopherMockServer server) {
    return URI.create("gophers://localhost:" + server.port() + "/").toString();
  }

  private static Path caFile(Path dir) throws Exception {
    Path file = dir.resolve("ca.pem");
    if (!Files.exists(file)) {
      Files.writeString(file, CA.certificatePem());
    }
    return file;
  }
}
