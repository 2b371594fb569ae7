package io.netkit.interop.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import io.netkit.core.trace.TraceEvent;
import io.netkit.http.HttpBody;
import io.netkit.http.HttpClient;
import io.netkit.http.HttpOptions;
import io.netkit.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** netkit's HTTP client against Debian's nginx: HTTP/1.1, h2 over TLS, WebDAV, redirects, Range. */
class NginxInteropTest {
  private final HttpServers nginx = new HttpServers();
  @TempDir Path local;

  @Test
  void getAndHeadOverHttp11() throws Exception {
    try (HttpClient http = new HttpClient(HttpServers.options().build())) {
      http.connect(nginx.http("/"));
      try (HttpResponse r = http.get("/hello.txt")) {
        assertEquals(200, r.status());
        assertEquals("http/1.1", r.protocol());
        assertEquals("Hello from nginx for netkit.\n", r.bodyText());
      }
      try (HttpResponse r = http.head("/big.bin")) {
        assertEquals(200, r.status());
        assertEquals(Long.parseLong(nginx.servers.require("HTTP_BIG_SIZE")), r.contentLength().getAsLong());
        assertEquals(-1, r.body().read());
      }
      try (HttpResponse r = http.get("/missing")) {
        assertEquals(404, r.status());
      }
    }
  }

  @Test
  void httpsNegotiatesHttp2WithTheScriptsCaAndTheCoreSeesTheHandshake() throws Exception {
    List<TraceEvent> trace = new CopyOnWriteArrayList<>();
    try (HttpClient http = new HttpClient(nginx.tlsOptions().trace(trace::add).build())) {
      http.connect(nginx.https("/"));
      try (HttpResponse r = http.get("/hello.txt")) {
        assertEquals("h2", r.protocol());
        assertEquals("Hello from nginx for netkit.\n", r.bodyText());
      }
    }
    assertTrue(trace.stream().anyMatch(e -> e.text().startsWith("TLS started")), trace.toString());
    assertTrue(trace.stream().anyMatch(e -> e.text().equals("GET /hello.txt HTTP/2")), trace.toString());
  }

  @Test
  void anUntrustedCaIsRefused() throws Exception {
    NetOptions systemTrust = HttpServers.options().tlsMode(TlsMode.IMPLICIT).build();
    try (HttpClient http = new HttpClient(systemTrust)) {
      http.connect(nginx.https("/"));
      assertThrows(NetTlsException.class, () -> http.get("/hello.txt"));
    }
  }

  @Test
  void putThenGetBackThenDeleteInTheDavDirectory() throws Exception {
    byte[] data = new byte[3 * 1024 * 1024 + 17];
    new Random(5).nextBytes(data);
    String path = nginx.davPath(".bin");
    try (HttpClient http = new HttpClient(nginx.tlsOptions().build())) {
      http.connect(nginx.https("/"));
      assertEquals(201, http.upload(io.netkit.http.HttpRequest.put(path, HttpBody.of(data, null)),
          TransferListener.NONE));
      try (HttpResponse r = http.get(path)) {
        assertArrayEquals(data, r.bodyBytes(data.length));
      }
      try (HttpResponse r = http.delete(path)) {
        assertEquals(204, r.status());
      }
      try (HttpResponse r = http.get(path)) {
        assertEquals(404, r.status());
      }
    }
  }

  @Test
  void aRedirectChainIsFollowedWhenAskedAndNotOtherwise() throws Exception {
    try (HttpClient http = new HttpClient(HttpServers.options().build(),
        HttpOptions.builder().followRedirects(true).build())) {
      http.connect(nginx.http("/"));
      try (HttpResponse r = http.get("/redirect/1")) {
        assertEquals(200, r.status());
        assertEquals("/hello.txt", r.url().getPath());
      }
    }
    try (HttpClient http = new HttpClient(HttpServers.options().build())) {
      http.connect(nginx.http("/"));
      try (HttpResponse r = http.get("/redirect/1")) {
        assertEquals(301, r.status());
        assertTrue(r.headers().first("Location").orElseThrow().endsWith("/redirect/2"));
      }
    }
    try (HttpClient http = new HttpClient(HttpServers.options().build(),
        HttpOptions.builder().followRedirects(true).maxRedirects(2).build())) {
      http.connect(nginx.http("/"));
      assertThrows(io.netkit.core.NetProtocolException.class, () -> http.get("/redirect/1"));
    }
  }

  @Test
  void aDownloadResumesWithRangeFromItsPartFile() throws Exception {
    String path = nginx.davPath(".bin");
    byte[] data = new byte[2 * 1024 * 1024];
    new Random(9).nextBytes(data);
    Path file = local.resolve("resumed.bin");
    try (HttpClient http = new HttpClient(HttpServers.options().build())) {
      http.connect(nginx.http("/"));
      http.upload(io.netkit.http.HttpRequest.put(path, HttpBody.of(data, null)), TransferListener.NONE);
      try {
        // What an interrupted download leaves: the first 700,000 bytes and the validator.
        http.download(path, file, TransferListener.NONE);
        Files.write(local.resolve("resumed.bin.part"), java.util.Arrays.copyOf(data, 700_000));
        try (HttpResponse head = http.head(path)) {
          Files.writeString(local.resolve("resumed.bin.part.validator"),
              head.headers().first("ETag").orElseThrow(), StandardCharsets.UTF_8);
        }
        Files.delete(file);
        assertEquals(data.length - 700_000, http.resume(path, file, TransferListener.NONE));
        assertArrayEquals(data, Files.readAllBytes(file));
      } finally {
        http.delete(path).close();
      }
    }
  }
}
