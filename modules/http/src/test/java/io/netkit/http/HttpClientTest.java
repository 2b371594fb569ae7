package io.netkit.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTlsException;
import io.netkit.core.UnsafeArgumentException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpClientTest {
  private final HttpTestSupport support = new HttpTestSupport();
  private MockWebServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpClient connect(HttpOptions http) throws Exception {
    server = server == null ? HttpTestSupport.plainServer() : server;
    HttpClient client = new HttpClient(support.options(), http);
    client.connect(Endpoint.of("127.0.0.1", server.getPort()));
    return client;
  }

  @Test
  void getReturnsStatusHeadersProtocolAndStreamedBody() throws Exception {
    server = HttpTestSupport.plainServer();
    server.enqueue(new MockResponse.Builder().addHeader("X-Thing", "1").body("hello").build());
    try (HttpClient http = connect(HttpOptions.defaults()); HttpResponse r = http.get("/a.txt?x=1")) {
      assertEquals(200, r.status());
      assertEquals("http/1.1", r.protocol());
      assertEquals("1", r.headers().first("x-thing").orElseThrow());
      assertEquals("hello", r.bodyText());
      assertEquals(URI.create("http://127.0.0.1:" + server.getPort() + "/a.txt?x=1"), r.url());
    }
    RecordedRequest recorded = server.takeRequest();
    assertEquals("GET", recorded.getMethod());
    assertEquals("/a.txt?x=1", recorded.getTarget());
    assertEquals("netkit/0.1", recorded.getHeaders().get("User-Agent"));
  }

  @Test
  void aNotFoundStatusIsAResponseNotAnException() throws Exception {
    server = HttpTestSupport.plainServer();
    server.enqueue(new MockResponse.Builder().code(404).body("no").build());
    try (HttpClient http = connect(HttpOptions.defaults()); HttpResponse r = http.get("/missing")) {
      assertEquals(404, r.status());
      assertFalse(r.isSuccessful());
      assertEquals("no", r.bodyText());
    }
  }

  @Test
  void headPutPostFormAndDeleteSendTheirMethodsAndBodies() throws Exception {
    server = HttpTestSupport.plainServer();
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(201).build());
    }
    try (HttpClient http = connect(HttpOptions.defaults())) {
      http.head("/h").close();
      byte[] data = "streamed-bytes".getBytes(StandardCharsets.UTF_8);
      http.put("/p", HttpBody.ofStream(new ByteArrayInputStream(data), -1, "text/plain")).close();
      Map<String, String> form = new LinkedHashMap<>();
      form.put("a", "1 2");
      form.put("b", "&");
      http.postForm("/f", form).close();
      http.delete("/d").close();
    }
    assertEquals("HEAD", server.takeRequest().getMethod());
    RecordedRequest put = server.takeRequest();
    assertEquals("PUT", put.getMethod());
    assertEquals("streamed-bytes", put.getBody().utf8());
    assertEquals("chunked", put.getHeaders().get("Transfer-Encoding"));
    RecordedRequest post = server.takeRequest();
    assertEquals("a=1+2&b=%26", post.getBody().utf8());
    assertEquals("application/x-www-form-urlencoded", post.getHeaders().get("Content-Type"));
    assertEquals("DELETE", server.takeRequest().getMethod());
  }

  @Test
  void headerValuesWithCrLfAndNonTokenMethodsAreRefusedBeforeAnythingIsSent() throws Exception {
    server = HttpTestSupport.plainServer();
    try (HttpClient http = connect(HttpOptions.defaults())) {
      assertThrows(UnsafeArgumentException.class,
          () -> HttpRequest.builder("GET", "/").header("X-A", "v\r\nInjected: 1"));
      assertThrows(UnsafeArgumentException.class,
          () -> HttpRequest.builder("GET", "/").header("X-A\n", "v"));
      assertThrows(UnsafeArgumentException.class,
          () -> HttpRequest.builder("GET", "/").header("X-A", "v\0"));
      assertThrows(IllegalArgumentException.class, () -> HttpRequest.builder("GE T", "/"));
      assertThrows(IllegalArgumentException.class, () -> HttpRequest.builder("GET\r\n", "/"));
      assertThrows(IllegalArgumentException.class, () -> HttpRequest.builder("GET", "/a b"));
      assertThrows(IllegalArgumentException.class, () -> HttpHeaders.of("Bad Name", "v"));
      assertThrows(IllegalArgumentException.class, () -> http.get("relative"));
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void basicAuthFromTheEndpointGoesToItsOriginOnly() throws Exception {
    try (MockWebServer other = HttpTestSupport.plainServer()) {
      server = HttpTestSupport.plainServer();
      server.enqueue(new MockResponse.Builder().code(302)
          .addHeader("Location", other.url("/there").toString()).build());
      other.enqueue(new MockResponse.Builder().body("ok").build());
      HttpClient http = new HttpClient(support.options(), HttpOptions.builder().followRedirects(true).build());
      http.connect(Endpoint.of("127.0.0.1", server.getPort()).withCredentials(new Credentials("bob", "s3cret")));
      try (http; HttpResponse r = http.get("/start")) {
        assertEquals("ok", r.bodyText());
      }
      assertEquals("Basic Ym9iOnMzY3JldA==", server.takeRequest().getHeaders().get("Authorization"));
      assertNull(other.takeRequest().getHeaders().get("Authorization"));
    }
  }

  @Test
  void callerCredentialHeadersAreNotCarriedToAnotherOrigin() throws Exception {
    try (MockWebServer other = HttpTestSupport.plainServer()) {
      server = HttpTestSupport.plainServer();
      server.enqueue(new MockResponse.Builder().code(301)
          .addHeader("Location", other.url("/x").toString()).build());
      other.enqueue(new MockResponse.Builder().body("ok").build());
      try (HttpClient http = connect(HttpOptions.builder().followRedirects(true).build())) {
        HttpRequest request = HttpRequest.builder("GET", "/")
            .header("Authorization", "Bearer token").header("Cookie", "sid=1")
            .header("X-Kept", "yes").build();
        http.request(request).close();
      }
      RecordedRequest first = server.takeRequest();
      assertEquals("Bearer token", first.getHeaders().get("Authorization"));
      RecordedRequest second = other.takeRequest();
      assertNull(second.getHeaders().get("Authorization"));
      assertNull(second.getHeaders().get("Cookie"));
      assertEquals("yes", second.getHeaders().get("X-Kept"));
    }
  }

  @Test
  void redirectsAreNotFollowedUnlessAsked() throws Exception {
    server = HttpTestSupport.plainServer();
    server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/b").build());
    try (HttpClient http = connect(HttpOptions.defaults()); HttpResponse r = http.get("/a")) {
      assertEquals(301, r.status());
      assertEquals("/b", r.headers().first("Location").orElseThrow());
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void redirectsAreFollowedUpToTheLimitThenFail() throws Exception {
    server = HttpTestSupport.plainServer();
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/r" + i).build());
    }
    server.enqueue(new MockResponse.Builder().body("end").build());
    try (HttpClient http = connect(HttpOptions.builder().followRedirects(true).maxRedirects(4).build());
        HttpResponse r = http.get("/start")) {
      assertEquals("end", r.bodyText());
      assertTrue(r.url().getPath().endsWith("/r3"));
    }
    server.close();
    server = HttpTestSupport.plainServer();
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/again").build());
    }
    try (HttpClient http = connect(HttpOptions.builder().followRedirects(true).maxRedirects(2).build())) {
      NetProtocolException e = assertThrows(NetProtocolException.class, () -> http.get("/loop"));
      assertTrue(e.getMessage().contains("more than 2 redirects"), e.getMessage());
    }
  }

  @Test
  void aPostRedirectedWith303BecomesAGetWithoutBody() throws Exception {
    server = HttpTestSupport.plainServer();
    server.enqueue(new MockResponse.Builder().code(303).addHeader("Location", "/result").build());
    server.enqueue(new MockResponse.Builder().body("done").build());
    try (HttpClient http = connect(HttpOptions.builder().followRedirects(true).build());
        HttpResponse r = http.post("/form", HttpBody.of("a=1", "application/x-www-form-urlencoded"))) {
      assertEquals("done", r.bodyText());
    }
    assertEquals("POST", server.takeRequest().getMethod());
    RecordedRequest second = server.takeRequest();
    assertEquals("GET", second.getMethod());
    assertEquals(0, second.getBodySize());
  }

  @Test
  void httpsToHttpRedirectIsRefusedUnlessAllowed() throws Exception {
    try (MockWebServer plain = HttpTestSupport.plainServer()) {
      server = HttpTestSupport.tlsServer();
      server.enqueue(new MockResponse.Builder().code(302)
          .addHeader("Location", plain.url("/insecure").toString()).build());
      HttpClient http = new HttpClient(support.tlsOptions(), HttpOptions.builder().followRedirects(true).build());
      http.connect(Endpoint.of("localhost", server.getPort()));
      try (http) {
        NetProtocolException e = assertThrows(NetProtocolException.class, () -> http.get("/"));
        assertTrue(e.getMessage().contains("https to http refused"), e.getMessage());
      }
      assertEquals(0, plain.getRequestCount());
    }
  }

  @Test
  void http2IsNegotiatedOverTheCoresTlsSocketsWithAlpn() throws Exception {
    server = HttpTestSupport.tlsServer();
    server.enqueue(new MockResponse.Builder().body("over h2").build());
    try (HttpClient http = new HttpClient(support.tlsOptions())) {
      http.connect(Endpoint.of("localhost", server.getPort()));
      try (HttpResponse r = http.get("/")) {
        assertEquals("h2", r.protocol());
        assertEquals("over h2", r.bodyText());
      }
    }
    assertTrue(support.transcript().contains("TLS started"), support.transcript());
    assertTrue(support.lines(io.netkit.core.trace.Direction.SENT).contains("GET / HTTP/2"),
        support.transcript());
  }

  @Test
  void anUntrustedCertificateIsRefused() throws Exception {
    server = HttpTestSupport.tlsServer();
    server.enqueue(new MockResponse.Builder().body("secret").build());
    try (HttpClient http = new HttpClient(support.options().toBuilder()
        .tlsMode(io.netkit.core.TlsMode.IMPLICIT).build())) {
      http.connect(Endpoint.of("localhost", server.getPort()));
      assertThrows(NetTlsException.class, () -> http.get("/"));
    }
  }

  @Test
  void cookiesAreKeptWithinTheClientsSession() throws Exception {
    server = HttpTestSupport.plainServer();
    server.enqueue(new MockResponse.Builder().addHeader("Set-Cookie", "sid=abc; Path=/").build());
    server.enqueue(new MockResponse.Builder().build());
    try (HttpClient http = connect(HttpOptions.defaults())) {
      http.get("/login").close();
      http.get("/next").close();
      assertEquals(1, http.cookies().size());
    }
    server.takeRequest();
    assertEquals("sid=abc", server.takeRequest().getHeaders().get("Cookie"));
  }

  @Test
  void aBodyCutShortIsAnErrorNeverACompleteBody() throws Exception {
    server = HttpTestSupport.plainServer();
    byte[] big = new byte[256 * 1024];
    server.enqueue(new MockResponse.Builder().body(new okio.Buffer().write(big))
        .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
    try (HttpClient http = connect(HttpOptions.defaults()); HttpResponse r = http.get("/big")) {
      assertThrows(NetProtocolException.class, () -> r.bodyBytes(1 << 20));
    }
  }

  @Test
  void theCoresTraceShowsRequestAndResponseHeadersWithSecretsMaskedAndNoBody() throws Exception {
    server = HttpTestSupport.plainServer();
    server.enqueue(new MockResponse.Builder().addHeader("Set-Cookie", "sid=topsecret")
        .body("body-content-line\nline2\n").build());
    server.enqueue(new MockResponse.Builder().body("second").build());
    HttpClient http = new HttpClient(support.options());
    http.connect(Endpoint.of("127.0.0.1", server.getPort()).withCredentials(new Credentials("bob", "pw")));
    try (http) {
      try (HttpResponse r = http.request(HttpRequest.builder("POST", "/p")
          .header("Cookie", "c=cookiesecret").body(HttpBody.of("request-body-text", "text/plain")).build())) {
        r.bodyText();
      }
      try (HttpResponse r = http.get("/again")) {
        assertEquals("second", r.bodyText());
      }
    }
    String trace = support.transcript();
    assertTrue(trace.contains("SENT POST /p HTTP/1.1"), trace);
    assertTrue(trace.contains("SENT Authorization: ****"), trace);
    assertTrue(trace.contains("SENT Cookie: ****"), trace);
    assertTrue(trace.contains("RECEIVED HTTP/1.1 200 OK"), trace);
    assertTrue(trace.contains("RECEIVED Set-Cookie: ****"), trace);
    assertTrue(trace.contains("SENT GET /again HTTP/1.1"), trace);
    assertTrue(trace.contains("(body not traced)"), trace);
    for (String secret : new String[] {"topsecret", "cookiesecret", "Ym9i", "body-content", "request-body"}) {
      assertFalse(trace.contains(secret), secret + " in " + trace);
    }
  }

  @Test
  void bodiesAreTracedWhenAsked() throws Exception {
    server = HttpTestSupport.plainServer();
    server.enqueue(new MockResponse.Builder().body("visible-body\n").build());
    try (HttpClient http = connect(HttpOptions.builder().traceBodies(true).build());
        HttpResponse r = http.get("/")) {
      r.bodyText();
    }
    assertTrue(support.transcript().contains("RECEIVED visible-body"), support.transcript());
  }
}
