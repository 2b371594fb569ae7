package io.netkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.Proxy;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The proxy of {@link NetOptions#proxy()}: plain requests go to it whole, https is tunnelled. */
class HttpProxyTest {
  private final HttpTestSupport support = new HttpTestSupport();

  @Test
  void aPlainRequestGoesToTheProxyWithTheAbsoluteUrl() throws Exception {
    try (MockWebServer proxy = HttpTestSupport.plainServer()) {
      proxy.enqueue(new MockResponse.Builder().body("via proxy").build());
      NetOptions options = support.options().toBuilder()
          .proxy(Proxy.http("127.0.0.1", proxy.getPort())).build();
      try (HttpClient http = new HttpClient(options)) {
        http.connect(Endpoint.of("origin.example", 0));
        try (HttpResponse r = http.get("/page")) {
          assertEquals("via proxy", r.bodyText());
        }
      }
      RecordedRequest seen = proxy.takeRequest();
      assertEquals("http://origin.example/page", seen.getTarget());
    }
  }

  @Test
  void proxyCredentialsAnswerTheProxysChallenge() throws Exception {
    try (MockWebServer proxy = HttpTestSupport.plainServer()) {
      proxy.enqueue(new MockResponse.Builder().code(407)
          .addHeader("Proxy-Authenticate", "Basic realm=\"proxy\"").build());
      proxy.enqueue(new MockResponse.Builder().body("ok").build());
      NetOptions options = support.options().toBuilder()
          .proxy(Proxy.http("127.0.0.1", proxy.getPort()).withCredentials(new Credentials("p", "q")))
          .build();
      try (HttpClient http = new HttpClient(options)) {
        http.connect(Endpoint.of("origin.example", 0));
        try (HttpResponse r = http.get("/")) {
          assertEquals(200, r.status());
        }
      }
      assertNull(proxy.takeRequest().getHeaders().get("Proxy-Authorization"));
      assertEquals("Basic cDpx", proxy.takeRequest().getHeaders().get("Proxy-Authorization"));
    }
  }

  @Test
  void httpsGoesThroughAConnectTunnelAndStillVerifiesTheOrigin() throws Exception {
    try (MockWebServer proxy = HttpTestSupport.tlsServer()) {
      proxy.enqueue(new MockResponse.Builder().inTunnel().build());
      proxy.enqueue(new MockResponse.Builder().body("tunnelled").build());
      NetOptions options = support.tlsOptions().toBuilder()
          .proxy(Proxy.http("127.0.0.1", proxy.getPort())).build();
      try (HttpClient http = new HttpClient(options)) {
        http.connect(Endpoint.of("localhost", 8443));
        try (HttpResponse r = http.get("/secret")) {
          assertEquals("tunnelled", r.bodyText());
        }
      }
      RecordedRequest connect = proxy.takeRequest();
      assertEquals("CONNECT", connect.getMethod());
      assertEquals("localhost:8443", connect.getTarget());
    }
  }
}
