package io.netkit.nntp;

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
import io.netkit.core.probe.ProbeReport.StartTls;
import io.netkit.testkit.nntp.NntpMockServer;
import io.netkit.testkit.nntp.NntpMockServer.AuthScope;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NNTP's part of the probe: CAPABILITIES before and inside STARTTLS, the login mechanisms, the login check. */
class NntpProbeTest {
  private static NetOptions options() {
    return NetOptions.builder()
        .tlsMode(TlsMode.NONE)
        .trust(Trust.certificates(List.of(NntpSecurityTest.CA.certificate()), "nntp test CA"))
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(10))
        .build();
  }

  @Test
  void startTlsUpgradesAndTheMechanismsAreReadInsideTls() throws Exception {
    try (NntpMockServer server =
        NntpMockServer.of(TestNews.spool()).starttls(NntpSecurityTest.serverTls()).account(NntpSecurityTest.ACCOUNT, AuthScope.POSTING)) {
      server.start();
      ProbeReport report = Netkit.probe(URI.create("nntp://localhost:" + server.port() + "/"), options());

      assertNull(report.failure(), report::toString);
      assertEquals(StartTls.UPGRADED, report.startTls());
      assertTrue(report.greeting().startsWith("20"), report.greeting());
      assertTrue(report.capabilities().stream().anyMatch(c -> c.startsWith("VERSION")), report::toString);
      assertTrue(report.mechanisms().contains("AUTHINFO USER"), report::toString);
      assertFalse(server.commands().stream().anyMatch(c -> c.startsWith("AUTHINFO")), "no login without credentials");
    }
  }

  @Test
  void withCredentialsTheLoginIsCheckedAndThePasswordStaysOut() throws Exception {
    try (NntpMockServer server =
        NntpMockServer.of(TestNews.spool()).starttls(NntpSecurityTest.serverTls()).account(NntpSecurityTest.ACCOUNT, AuthScope.POSTING)) {
      server.start();
      String userInfo = NntpSecurityTest.ACCOUNT.user() + ":" + NntpSecurityTest.ACCOUNT.password();
      ProbeReport good = Netkit.probe(URI.create("nntp://" + userInfo + "@localhost:" + server.port() + "/"), options());
      ProbeReport bad = Netkit.probe(URI.create("nntp://reader:nope@localhost:" + server.port() + "/"), options());

      assertEquals(LoginStatus.SUCCEEDED, good.login().status(), good::toString);
      assertEquals(LoginStatus.FAILED, bad.login().status(), bad::toString);
      assertFalse(good.toJson().contains(NntpSecurityTest.ACCOUNT.password()));
    }
  }
}
