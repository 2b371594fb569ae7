package io.netkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Netkit;
import io.netkit.core.probe.ProbeReport;
import io.netkit.core.probe.ProbeReport.LoginStatus;
import java.net.URI;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** HTTP's part of the probe: ALPN's choice, the HEAD over HTTP/1.1 (a second connection after h2), headers, Basic login. */
class HttpProbeTest {
  private final HttpTestSupport support = new HttpTestSupport();

  @Test
  void overTlsAlpnChoosesH2AndTheHeadGoesOverHttp11() throws Exception {
    try (MockWebServer server = HttpTestSupport.tlsServer()) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Server", "mock/1").build());
      URI url = URI.create("https://localhost:" + server.getPort() + "/index.html");
      ProbeReport report = Netkit.probe(url, support.tlsOptions());

      assertNull(report.failure(), report::toString);
      assertEquals("h2", report.tls().alpn(), report::toString);
      assertEquals(List.of("h2", "http/1.1"), report.tls().alpnOffered());
      assertEquals("mock/1", report.details().get("server"), report::toString);
      assertEquals("200", report.details().get("status"));
      RecordedRequest head = server.takeRequest();
      assertEquals("HEAD", head.getMethod());
      assertEquals("/index.html", head.getTarget());
    }
  }

  @Test
  void aChallengeListsTheSchemesAndTheLoginCheckSendsBasic() throws Exception {
    try (MockWebServer server = HttpTestSupport.plainServer()) {
      server.enqueue(new MockResponse.Builder().code(401).addHeader("WWW-Authenticate", "Basic realm=\"x\"").build());
      server.enqueue(new MockResponse.Builder().code(200).build());
      URI url = URI.create("http://ann:pw-Http-5@127.0.0.1:" + server.getPort() + "/private");
      ProbeReport report = Netkit.probe(url, support.options());

      assertEquals(List.of("Basic"), report.mechanisms(), report::toString);
      assertEquals(LoginStatus.SUCCEEDED, report.login().status(), report::toString);
      assertNull(server.takeRequest().getHeaders().get("Authorization"), "the probe itself sends no credentials");
      assertTrue(server.takeRequest().getHeaders().get("Authorization").startsWith("Basic "));
      assertFalse(report.toJson().contains("pw-Http-5"));
      assertTrue(support.transcript().contains("Authorization: Basic ****"), support.transcript());
    }
  }
}
