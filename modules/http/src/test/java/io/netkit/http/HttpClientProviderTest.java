package io.netkit.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.Netkit;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.RequestProvider;
import io.netkit.core.spi.RequestSpec;
import io.netkit.testkit.http.HttpMockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The http and https schemes through the SPI, as the CLI and {@link Netkit} use them. */
class HttpClientProviderTest {
  @TempDir Path served;
  @TempDir Path local;
  private final HttpTestSupport support = new HttpTestSupport();
  private HttpMockServer server;
  private ClientProvider provider;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(served.resolve("a.txt"), "0123456789");
    server = new HttpMockServer(served).writable(true);
    server.start();
    provider = Netkit.provider("http");
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private URI url(String path) {
    return server.url().resolve(path);
  }

  private static RequestSpec spec(String method, boolean headersOnly, boolean include, long resume) {
    return new RequestSpec(method, List.of(), null, null, null, headersOnly, include, false, 50,
        resume, null, null, null, true);
  }

  @Test
  void fetchGetsTheBodyAndFailsOnAStatusOf400OrMore() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    provider.fetch(url("/a.txt"), support.options(), out, TransferListener.NONE);
    assertEquals("0123456789", out.toString(StandardCharsets.UTF_8));
    ByteArrayOutputStream none = new ByteArrayOutputStream();
    NetReplyException e = assertThrows(NetReplyException.class,
        () -> provider.fetch(url("/missing"), support.options(), none, TransferListener.NONE));
    assertEquals(404, e.replyCode().getAsInt());
    assertTrue(e.getMessage().contains("404"), e.getMessage());
    assertEquals(0, none.size());
  }

  @Test
  void storeIsAPutAndDeleteADelete() throws Exception {
    byte[] data = "stored".getBytes(StandardCharsets.UTF_8);
    provider.store(url("/new.txt"), support.options(), new ByteArrayInputStream(data), data.length,
        TransferListener.NONE);
    assertArrayEquals(data, Files.readAllBytes(served.resolve("new.txt")));
    provider.delete(url("/new.txt"), support.options());
    assertFalse(Files.exists(served.resolve("new.txt")));
    assertThrows(NetReplyException.class, () -> provider.delete(url("/new.txt"), support.options()));
  }

  @Test
  void exchangeWritesHeadersWhenAskedAndHeadHasNoBody() throws Exception {
    RequestProvider requests = assertInstanceOf(RequestProvider.class, provider);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    requests.exchange(url("/a.txt"), support.options(), spec(null, false, true, -1), out, TransferListener.NONE);
    String text = out.toString(StandardCharsets.ISO_8859_1);
    assertTrue(text.startsWith("HTTP/1.1 200 OK\r\n"), text);
    assertTrue(text.endsWith("\r\n\r\n0123456789"), text);
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    requests.exchange(url("/a.txt"), support.options(), spec(null, true, false, -1), head, TransferListener.NONE);
    assertTrue(head.toString(StandardCharsets.ISO_8859_1).contains("Content-Length: 10\r\n"));
    assertFalse(head.toString(StandardCharsets.ISO_8859_1).contains("0123456789"));
    assertEquals("HEAD", lastMethod());
  }

  private String lastMethod() throws InterruptedException {
    String method = null;
    for (var r = server.takeRequest(1); r.isPresent(); r = server.takeRequest(1)) {
      method = r.get().getMethod();
    }
    return method;
  }

  @Test
  void exchangeResumesAtAnOffsetAndRefusesAServerThatIgnoresTheRange() throws Exception {
    RequestProvider requests = (RequestProvider) provider;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    requests.exchange(url("/a.txt"), support.options(), spec(null, false, false, 4), out, TransferListener.NONE);
    assertEquals("456789", out.toString(StandardCharsets.UTF_8));
    ByteArrayOutputStream done = new ByteArrayOutputStream();
    requests.exchange(url("/a.txt"), support.options(), spec(null, false, false, 10), done, TransferListener.NONE);
    assertEquals(0, done.size());
    server.route("/norange", request -> new mockwebserver3.MockResponse.Builder().body("whole").build());
    assertThrows(NetProtocolException.class, () -> requests.exchange(url("/norange"), support.options(),
        spec(null, false, false, 2), new ByteArrayOutputStream(), TransferListener.NONE));
  }

  @Test
  void exchangeReadsAndWritesNetscapeCookieFiles() throws Exception {
    Path jar = local.resolve("cookies.txt");
    Files.writeString(jar, "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\tfrom-file\n");
    server.route("/login", request -> new mockwebserver3.MockResponse.Builder()
        .addHeader("Set-Cookie", "token=new; Path=/; Max-Age=3600")
        .body("cookie " + request.getHeaders().get("Cookie")).build());
    RequestSpec spec = new RequestSpec(null, List.of("X-Extra: 1"), null, null, null, false, false,
        false, 50, -1, jar, jar, "agent/1", true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ((RequestProvider) provider).exchange(url("/login"), support.options(), spec, out, TransferListener.NONE);
    assertEquals("cookie sid=from-file", out.toString(StandardCharsets.UTF_8));
    String saved = Files.readString(jar);
    assertTrue(saved.contains("\tsid\tfrom-file"), saved);
    assertTrue(saved.contains("\ttoken\tnew"), saved);
    var seen = server.takeRequest(5).orElseThrow();
    assertEquals("agent/1", seen.getHeaders().get("User-Agent"));
    assertEquals("1", seen.getHeaders().get("X-Extra"));
  }

  @Test
  void aHeaderWithALineBreakIsRefusedBeforeConnecting() {
    RequestSpec spec = new RequestSpec(null, List.of("X-A: b\r\nEvil: 1"), null, null, null, false,
        false, false, 50, -1, null, null, null, true);
    assertThrows(IllegalArgumentException.class, () -> ((RequestProvider) provider).exchange(
        url("/a.txt"), support.options(), spec, new ByteArrayOutputStream(), TransferListener.NONE));
    assertEquals(0, server.requestCount());
  }
}
