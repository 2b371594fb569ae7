package io.netkit.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.TlsMode;
import io.netkit.core.probe.ProbeReport;
import io.netkit.core.probe.ProbeReport.Stage;
import io.netkit.core.probe.ProbeReport.StartTls;
import io.netkit.testkit.smtp.ScriptedSmtpServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SMTP's part of the probe against a scripted server: EHLO, STARTTLS, AUTH, and what it refuses. */
class SmtpProbeTest {
  private static NetOptions options(TlsMode mode) {
    return NetOptions.builder()
        .tlsMode(mode)
        .trust(TestSupport.trust())
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static URI url(ScriptedSmtpServer server) {
    return URI.create("smtp://localhost:" + server.port() + "/");
  }

  @Test
  void startTlsIsTakenAndEhloAskedAgainInsideTls() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder().startTls(TestSupport.serverContext()).extensions("AUTH PLAIN LOGIN", "SIZE 4000").start()) {
      ProbeReport report = Netkit.probe(url(server), options(TlsMode.NONE));

      assertNull(report.failure(), report::toString);
      assertEquals(StartTls.UPGRADED, report.startTls());
      assertTrue(report.tls().verified());
      assertEquals(List.of("PLAIN", "LOGIN"), report.mechanisms());
      assertTrue(report.capabilities().contains("SIZE 4000"), report::toString);
      assertTrue(report.greeting().startsWith("220 "), report.greeting());
      List<ScriptedSmtpServer.Command> ehlos =
          server.commands().stream().filter(c -> c.line().startsWith("EHLO")).toList();
      assertEquals(2, ehlos.size(), server.commands().toString());
      assertTrue(ehlos.get(1).tls(), "the second EHLO went inside TLS");
      assertFalse(server.commands().stream().anyMatch(c -> c.line().startsWith("AUTH")), "no login without credentials");
    }
  }

  @Test
  void aReplyInjectedAfterTheGoAheadStopsTheProbeBeforeTheHandshake() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder()
            .startTls(TestSupport.serverContext())
            .injectAfterStartTlsGoAhead("250-AUTH PLAIN", "250 OK")
            .start()) {
      ProbeReport report = Netkit.probe(url(server), options(TlsMode.NONE));

      assertEquals(Stage.TLS, report.failure().stage(), report::toString);
      assertTrue(report.failure().message().contains("injection"), report.failure().message());
    }
  }

  @Test
  void requiredStartTlsThatIsNotOfferedSendsNothingMore() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().extensions("AUTH PLAIN").start()) {
      ProbeReport report = Netkit.probe(url(server), options(TlsMode.STARTTLS_REQUIRED));

      assertEquals(Stage.STARTTLS, report.failure().stage(), report::toString);
      assertEquals(StartTls.NOT_OFFERED, report.startTls());
      assertEquals(List.of("EHLO"), server.commands().stream().map(c -> c.line().split(" ")[0]).toList());
    }
  }
}
