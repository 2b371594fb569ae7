package io.netkit.interop.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.core.probe.ProbeReport;
import io.netkit.core.probe.ProbeReport.LoginStatus;
import io.netkit.core.probe.ProbeReport.Stage;
import io.netkit.core.probe.ProbeReport.StartTls;
import io.netkit.interop.RealServers;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Netkit.probe} against every real server the project runs (Postfix, Dovecot, vsftpd,
 * nginx, INN, telnetd, gophernicus): STARTTLS upgrades where offered, implicit TLS on the
 * {@code s} ports, a chain that verifies against the project's CA, the mechanisms announced, and
 * the login with the configured accounts.
 */
class ProbeInteropTest {
  private static RealServers servers;
  private static Trust ca;

  @BeforeAll
  static void load() throws Exception {
    servers = RealServers.load();
    ca = Trust.pemFile(servers.path("CA_PEM"));
  }

  /** name, scheme, host key, port key, expected STARTTLS, user key, password key (or null). */
  static Stream<Arguments> servers() {
    return Stream.of(
        Arguments.of("postfix smtp", "smtp", "MAIL_HOST", "SMTP_PORT", StartTls.UPGRADED, "MAIL_USER", "MAIL_PASS"),
        Arguments.of("postfix submission", "smtp", "MAIL_HOST", "SUBMISSION_PORT", StartTls.UPGRADED, "MAIL_USER", "MAIL_PASS"),
        Arguments.of("postfix smtps", "smtps", "MAIL_HOST", "SMTPS_PORT", StartTls.NONE, "MAIL_USER", "MAIL_PASS"),
        Arguments.of("postfix without tls", "smtp", "MAIL_HOST", "SMTP_NOTLS_PORT", StartTls.NOT_OFFERED, null, null),
        Arguments.of("dovecot pop3", "pop3", "MAIL_HOST", "POP3_PORT", StartTls.UPGRADED, "POP3_USER", "POP3_PASS"),
        Arguments.of("dovecot pop3s", "pop3s", "MAIL_HOST", "POP3S_PORT", StartTls.NONE, "POP3_USER", "POP3_PASS"),
        Arguments.of("dovecot imap", "imap", "MAIL_HOST", "IMAP_PORT", StartTls.UPGRADED, "IMAP_USER", "IMAP_PASS"),
        Arguments.of("dovecot imaps", "imaps", "MAIL_HOST", "IMAPS_PORT", StartTls.NONE, "IMAP_USER", "IMAP_PASS"),
        Arguments.of("vsftpd ftp", "ftp", "FTP_HOST", "FTP_PORT", StartTls.UPGRADED, "FTP_USER", "FTP_PASS"),
        Arguments.of("vsftpd ftps", "ftps", "FTP_HOST", "FTPS_IMPLICIT_PORT", StartTls.NONE, "FTP_USER", "FTP_PASS"),
        Arguments.of("nginx http", "http", "HTTP_HOST", "HTTP_PORT", StartTls.NONE, null, null),
        Arguments.of("nginx https", "https", "HTTP_HOST", "HTTPS_PORT", StartTls.NONE, null, null),
        Arguments.of("inn nntp", "nntp", "NNTP_HOST", "NNTP_PORT", StartTls.UPGRADED, "NNTP_USER", "NNTP_PASS"),
        Arguments.of("inn nntps", "nntps", "NNTP_HOST", "NNTPS_PORT", StartTls.NONE, "NNTP_USER", "NNTP_PASS"),
        Arguments.of("telnetd", "telnet", "TELNET_HOST", "TELNET_PORT", StartTls.NONE, "TELNET_USER", "TELNET_PASS"),
        Arguments.of("gophernicus", "gopher", "GOPHER_HOST", "GOPHER_PORT", StartTls.NONE, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void probesTheRealServer(
      String name, String scheme, String hostKey, String portKey, StartTls startTls, String userKey, String passKey) {
    servers.requireReachable(hostKey, portKey);
    String userInfo = "";
    if (userKey != null) {
      userInfo = encode(servers.require(userKey)) + ":" + encode(servers.require(passKey)) + "@";
    }
    URI url = URI.create(scheme + "://" + userInfo + servers.require(hostKey) + ":" + servers.require(portKey) + "/");
    ProbeReport report = Netkit.probe(url, options());

    assertNull(report.failure(), report::toString);
    assertEquals(startTls, report.startTls(), report::toString);
    assertFalse(report.addresses().isEmpty());
    assertTrue(report.greeting() != null || !report.details().isEmpty(), report::toString);
    boolean tls = scheme.endsWith("s") || startTls == StartTls.UPGRADED;
    if (tls) {
      assertTrue(report.tls().verified(), report::toString);
      assertTrue(report.tls().version().startsWith("TLS"), report::toString);
      assertTrue(report.tls().leaf().orElseThrow().daysLeft() > 0, report::toString);
      assertTrue(report.tls().leaf().orElseThrow().subjectAltNames().contains("IP:127.0.0.1"), report::toString);
    } else {
      assertNull(report.tls(), report::toString);
    }
    if (userKey != null) {
      assertEquals(LoginStatus.SUCCEEDED, report.login().status(), report::toString);
      assertFalse(report.toJson().contains(servers.require(passKey)), "no password in the report");
    }
  }

  @Test
  void mailServersAnnounceTheirMechanisms() {
    ProbeReport smtp = probe("smtp", "MAIL_HOST", "SUBMISSION_PORT");
    ProbeReport imap = probe("imap", "MAIL_HOST", "IMAP_PORT");
    ProbeReport pop3 = probe("pop3", "MAIL_HOST", "POP3_PORT");

    assertTrue(smtp.mechanisms().contains("PLAIN"), smtp::toString);
    assertTrue(smtp.capabilities().stream().anyMatch(c -> c.startsWith("SIZE")), smtp::toString);
    assertTrue(imap.mechanisms().contains("PLAIN"), imap::toString);
    assertTrue(imap.capabilities().stream().anyMatch("IMAP4rev1"::equalsIgnoreCase), imap::toString);
    assertTrue(pop3.mechanisms().contains("USER"), pop3::toString);
  }

  @Test
  void httpsReportsTheServerHeaderAndAlpn() {
    ProbeReport https = probe("https", "HTTP_HOST", "HTTPS_PORT");

    assertTrue(https.details().getOrDefault("server", "").contains("nginx"), https::toString);
    assertTrue(https.tls().alpn() != null && https.tls().alpnOffered().contains(https.tls().alpn()), https::toString);
  }

  @Test
  void theSystemTrustRefusesTheTestCaAndTheChainIsStillDescribed() {
    servers.requireReachable("MAIL_HOST", "SMTPS_PORT");
    URI url = URI.create("smtps://" + servers.require("MAIL_HOST") + ":" + servers.require("SMTPS_PORT") + "/");
    ProbeReport report = Netkit.probe(url, NetOptions.builder().connectTimeout(Duration.ofSeconds(20)).build());

    assertEquals(Stage.VERIFY, report.failure().stage(), report::toString);
    assertEquals("CN=localhost,O=netkit test", report.tls().leaf().orElseThrow().subject(), report::toString);
    assertNull(report.greeting(), "nothing is read from a server whose certificate failed");
  }

  @Test
  void requiredStartTlsOnAServerWithoutItStopsAtStartTls() {
    servers.requireReachable("MAIL_HOST", "SMTP_NOTLS_PORT");
    URI url = URI.create("smtp://" + servers.require("MAIL_HOST") + ":" + servers.require("SMTP_NOTLS_PORT") + "/");
    ProbeReport report = Netkit.probe(url, options().toBuilder().tlsMode(TlsMode.STARTTLS_REQUIRED).build());

    assertEquals(Stage.STARTTLS, report.failure().stage(), report::toString);
  }

  @Test
  void aWrongPasswordIsAFailedLogin() {
    servers.requireReachable("MAIL_HOST", "IMAP_PORT");
    URI url = URI.create("imap://" + encode(servers.require("IMAP_USER")) + ":wrong-pass@"
        + servers.require("MAIL_HOST") + ":" + servers.require("IMAP_PORT") + "/");
    ProbeReport report = Netkit.probe(url, options());

    assertNull(report.failure(), report::toString);
    assertEquals(LoginStatus.FAILED, report.login().status(), report::toString);
  }

  private ProbeReport probe(String scheme, String hostKey, String portKey) {
    servers.requireReachable(hostKey, portKey);
    URI url = URI.create(scheme + "://" + servers.require(hostKey) + ":" + servers.require(portKey) + "/");
    return Netkit.probe(url, options());
  }

  private static NetOptions options() {
    return NetOptions.builder()
        .trust(ca)
        .connectTimeout(Duration.ofSeconds(20))
        .readTimeout(Duration.ofSeconds(30))
        .build();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
