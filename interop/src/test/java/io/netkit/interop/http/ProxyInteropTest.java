package io.netkit.interop.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.http.HttpClient;
import io.netkit.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** netkit's HTTP client through Debian's tinyproxy: a plain GET, and https tunnelled by CONNECT. */
class ProxyInteropTest {
  private final HttpServers servers = new HttpServers();

  @Test
  void aPlainGetGoesThroughTinyproxy() throws Exception {
    try (HttpClient http = new HttpClient(HttpServers.options().proxy(servers.proxy()).build())) {
      http.connect(servers.http("/"));
      try (HttpResponse r = http.get("/hello.txt")) {
        assertEquals(200, r.status());
        assertEquals("Hello from nginx for netkit.\n", r.bodyText());
        // tinyproxy says it was there.
        assertTrue(r.headers().first("Via").orElse("").contains("tinyproxy"), r.headers().toString());
      }
    }
  }

  @Test
  void httpsIsTunnelledThroughTinyproxyWithConnect() throws Exception {
    try (HttpClient http = new HttpClient(servers.tlsOptions().proxy(servers.proxy()).build())) {
      http.connect(servers.https("/"));
      try (HttpResponse r = http.get("/hello.txt")) {
        assertEquals(200, r.status());
        assertEquals("h2", r.protocol());
        assertEquals("Hello from nginx for netkit.\n", r.bodyText());
      }
    }
  }
}
