package io.netkit.http;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.trace.TraceEvent;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every socket is the core's: a server that accepts and then neither answers nor reads makes the
 * request time out within the core's read timeout, and the core's trace sees the request line.
 */
class HttpTimeoutTest {
  private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private ServerSocket listener;

  @BeforeEach
  void listen() throws Exception {
    listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    listener.setReceiveBufferSize(64 * 1024);
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket s = listener.accept(); // and never read from or write to it
          s.setReceiveBufferSize(64 * 1024);
          accepted.add(s);
        }
      } catch (Exception closed) {
        // the test is over
      }
    }, "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void close() throws Exception {
    listener.close();
    for (Socket s : accepted) {
      s.close();
    }
  }

  private HttpClient client() {
    NetOptions options = NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofMillis(700))
        .trace(trace::add)
        .build();
    HttpClient http = new HttpClient(options);
    http.connect(Endpoint.of("127.0.0.1", listener.getLocalPort()));
    return http;
  }

  @Test
  void aSilentServerMakesAGetTimeOutAndTheCoresTraceSawTheRequestLine() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (HttpClient http = client()) {
        assertThrows(NetTimeoutException.class, () -> http.get("/silent"));
      }
    });
    assertTrue(trace.stream().anyMatch(e -> e.text().equals("GET /silent HTTP/1.1")), trace.toString());
    assertTrue(trace.stream().anyMatch(e -> e.connection().startsWith("http#")), trace.toString());
  }

  @Test
  void aBodyThatStallsMidwayTimesOutWithinTheReadTimeout() throws Exception {
    // Plain http:// bodies are read without OkHttp's per-read timer (PlainHttpReadTimeout): the
    // core's socket must bound each read on its own.
    try (ServerSocket stalling = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      Thread server = new Thread(() -> {
        try (Socket s = stalling.accept()) {
          s.getInputStream().read(new byte[4096]);
          s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"
              + "x".repeat(1000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
          Thread.sleep(20_000); // and then nothing
        } catch (Exception done) {
          // the client gave up, as it should
        }
      }, "stalling-server");
      server.setDaemon(true);
      server.start();
      NetOptions options = NetOptions.builder()
          .connectTimeout(Duration.ofSeconds(5))
          .readTimeout(Duration.ofMillis(700))
          .build();
      long start = System.nanoTime();
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        try (HttpClient http = new HttpClient(options)) {
          http.connect(Endpoint.of("127.0.0.1", stalling.getLocalPort()));
          try (HttpResponse response = http.get("/stall")) {
            assertThrows(NetTimeoutException.class, () -> response.body().transferTo(OutputStream.nullOutputStream()));
          }
        }
      });
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertTrue(millis < 10_000, "took " + millis + " ms against a 700 ms read timeout");
    }
  }

  @Test
  void aServerThatStopsReadingMakesAnUploadTimeOut() {
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) 'x');
        return len;
      }
    };
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      try (HttpClient http = client()) {
        assertThrows(NetTimeoutException.class,
            () -> http.upload("/upload", endless, -1, io.netkit.core.TransferListener.NONE));
      }
    });
    assertTrue(trace.stream().anyMatch(e -> e.text().equals("PUT /upload HTTP/1.1")), trace.toString());
  }
}
