package io.netkit.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.probe.ProbeReport;
import io.netkit.core.probe.ProbeReport.LoginStatus;
import io.netkit.testkit.telnet.TelnetMockServer;
import io.netkit.testkit.telnet.TelnetMockServer.Hostility;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Telnet's part of the probe: the banner up to the prompt, every option refused, hostile servers bounded. */
class TelnetProbeTest {
  private static final Credentials ACCOUNT = new Credentials("probe", "telnet-Pw-3");

  private static NetOptions options() {
    return NetOptions.builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(10)).build();
  }

  @Test
  void theBannerAndTheOptionsAskedForAreReportedAndEveryOptionIsRefused() throws Exception {
    try (TelnetMockServer server = new TelnetMockServer(ACCOUNT)) {
      server.start();
      ProbeReport report = Netkit.probe(URI.create("telnet://127.0.0.1:" + server.port()), options());

      assertNull(report.failure(), report::toString);
      assertTrue(report.greeting().contains(TelnetMockServer.BANNER), report::toString);
      assertTrue(report.capabilities().contains("WILL ECHO"), report::toString);
      assertTrue(report.capabilities().contains("DO TERMINAL-TYPE"), report::toString);
      assertTrue(report.mechanisms().contains("LOGIN-PROMPT"), report::toString);
      // The server records the refusals on its own thread, after the probe may have returned.
      awaitNegotiations(server, "DONT 1", "WONT 24");
      assertTrue(server.lines().isEmpty(), "no data, no login without credentials: " + server.lines());
    }
  }

  @Test
  void withCredentialsTheLoginIsCheckedOnItsOwnConnection() throws Exception {
    try (TelnetMockServer server = new TelnetMockServer(ACCOUNT)) {
      server.start();
      URI url = URI.create("telnet://" + ACCOUNT.user() + ":" + ACCOUNT.password() + "@127.0.0.1:" + server.port());
      ProbeReport report = Netkit.probe(url, options());

      assertEquals(LoginStatus.SUCCEEDED, report.login().status(), report::toString);
      assertTrue(!report.toJson().contains(ACCOUNT.password()));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Hostility.class, names = {"NEGOTIATION_FLOOD", "ENDLESS_SUBNEGOTIATION", "ENDLESS_DATA"})
  void aHostileServerCannotHoldTheProbe(Hostility hostility) throws Exception {
    try (TelnetMockServer server = new TelnetMockServer().hostility(hostility)) {
      server.start();
      URI url = URI.create("telnet://127.0.0.1:" + server.port());
      ProbeReport report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Netkit.probe(url, options()));

      assertTrue(report.greeting() == null || report.greeting().length() <= 16 * 1024, report::toString);
      assertTrue(report.capabilities().size() <= 4 * 256, "one entry per verb and option at most");
    }
  }

  private static void awaitNegotiations(TelnetMockServer server, String... expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!server.negotiations().containsAll(java.util.List.of(expected))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    for (String negotiation : expected) {
      assertTrue(server.negotiations().contains(negotiation), server.negotiations().toString());
    }
  }
}
