package io.netkit.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netkit.core.Endpoint;
import io.netkit.core.NetTruncatedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code body().readAllBytes()}: a body with a small {@code Content-Length} is read into one array
 * of that length (not through 8 KiB chunks copied again), and still fails as every read does when
 * it is cut short; a larger one, or one of unknown length, reads as any stream does.
 */
class HttpBodyReadAllBytesTest {
  private final HttpTestSupport support = new HttpTestSupport();
  private MockWebServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aBodyWithContentLengthReadsWholeAndItsConnectionServesTheNextRequest() throws Exception {
    byte[] body = random(1000);
    server = HttpTestSupport.plainServer();
    server.enqueue(new MockResponse.Builder().body(new okio.Buffer().write(body)).build());
    server.enqueue(new MockResponse.Builder().body("next").build());
    try (HttpClient http = client(server.getPort())) {
      try (HttpResponse r = http.get("/a")) {
        assertArrayEquals(body, r.body().readAllBytes());
        assertEquals(-1, r.body().read(), "nothing after the body");
      }
      try (HttpResponse r = http.get("/b")) {
        assertEquals("next", r.bodyText());
      }
    }
    assertEquals(server.takeRequest().getConnectionIndex(), server.takeRequest().getConnectionIndex(),
        "one connection: the first body was read to its end, in step");
  }

  @Test
  void aBodyAfterAFirstReadReadsItsRest() throws Exception {
    byte[] body = random(3000);
    server = HttpTestSupport.plainServer();
    server.enqueue(new MockResponse.Builder().body(new okio.Buffer().write(body)).build());
    try (HttpClient http = client(server.getPort()); HttpResponse r = http.get("/a")) {
      byte[] head = r.body().readNBytes(100);
      byte[] rest = r.body().readAllBytes();
      assertArrayEquals(java.util.Arrays.copyOfRange(body, 0, 100), head);
      assertArrayEquals(java.util.Arrays.copyOfRange(body, 100, 3000), rest);
    }
  }

  @Test
  void bodiesAboveThePresizedLimitOrOfUnknownLengthReadWhole() throws Exception {
    byte[] big = random(300 * 1024);
    server = HttpTestSupport.plainServer();
    server.enqueue(new MockResponse.Builder().body(new okio.Buffer().write(big)).build());
    server.enqueue(new MockResponse.Builder().chunkedBody(new okio.Buffer().write(big), 8000).build());
    try (HttpClient http = client(server.getPort())) {
      try (HttpResponse r = http.get("/big")) {
        assertArrayEquals(big, r.body().readAllBytes());
      }
      try (HttpResponse r = http.get("/chunked")) {
        assertArrayEquals(big, r.body().readAllBytes());
      }
    }
  }

  @Test
  void aBodyCutShortOfItsContentLengthIsTruncatedWithTheCounts() throws Exception {
    try (OneShot raw = new OneShot("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789");
        HttpClient http = client(raw.port());
        HttpResponse r = http.get("/cut")) {
      NetTruncatedException e =
          assertThrows(NetTruncatedException.class, () -> r.body().readAllBytes());
      assertEquals(1000, e.expected());
      assertEquals(10, e.received());
    }
  }

  @Test
  void aHeadResponseWithContentLengthHasAnEmptyBody() throws Exception {
    try (OneShot raw = new OneShot("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
        HttpClient http = client(raw.port());
        HttpResponse r = http.head("/h")) {
      assertEquals(0, r.body().readAllBytes().length);
    }
  }

  private HttpClient client(int port) {
    HttpClient client = new HttpClient(support.options());
    client.connect(Endpoint.of("127.0.0.1", port));
    return client;
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  /** Answers one connection with {@code reply} (after reading the request head), then closes. */
  private static final class OneShot implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread thread;

    OneShot(String reply) throws IOException {
      listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      thread = new Thread(() -> {
        try (Socket s = listener.accept()) {
          InputStream in = s.getInputStream();
          int state = 0;
          while (state < 4) { // up to the blank line ending the request head
            int c = in.read();
            if (c < 0) {
              return;
            }
            state = (c == '\r' && state % 2 == 0) || (c == '\n' && state % 2 == 1) ? state + 1 : 0;
          }
          OutputStream out = s.getOutputStream();
          out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        } catch (IOException ignored) {
          // the test sees what the client made of it
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    @Override
    public void close() throws Exception {
      listener.close();
      thread.join(5000);
    }
  }
}
