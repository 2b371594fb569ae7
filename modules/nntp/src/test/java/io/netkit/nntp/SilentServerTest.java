package io.netkit.nntp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.transport.TcpServer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Servers that go quiet in the middle of a session, written on the core's TcpServer: the client's
 * reads and its writes are the core's, so both are bounded by the read timeout.
 */
class SilentServerTest {
  private static final NetOptions QUICK = NetOptions.builder().readTimeout(Duration.ofSeconds(1)).build();

  /** Greets, says it has no CAPABILITIES, then runs {@code then} on the rest of the session. */
  private static TcpServer server(Scripted then, CountDownLatch done) throws IOException {
    return TcpServer.builder()
        .bind(Endpoint.loopback(0))
        .options(NetOptions.builder().readTimeout(Duration.ofSeconds(30)).build())
        .handler(
            c -> {
              try {
                c.writeLine("200 silent test server");
                c.readLine();
                c.writeLine("500 no CAPABILITIES here");
                then.run(c);
              } finally {
                done.countDown();
              }
            })
        .start();
  }

  /** Keeps the server's side silent until the test is done (bounded, so it never hangs a run). */
  private static void hold(CountDownLatch release) {
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  interface Scripted {
    void run(io.netkit.core.transport.TcpConnection c) throws IOException;
  }

  @Test
  void aServerThatStopsAnsweringMidSessionTimesOut() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (TcpServer server =
            server(c -> {
              c.readLine(); // GROUP ..., never answered
              hold(release);
            }, done);
        NntpClient client = new NntpClient(QUICK)) {
      client.connect(server.endpoint());
      long start = System.nanoTime();
      assertThrows(NetTimeoutException.class, () -> client.group("misc.test"));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "bounded by the read timeout");
      assertFalse(client.isConnected());
      release.countDown();
    }
  }

  @Test
  void aServerThatStopsReadingAPostMakesTheWriteTimeOut() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (TcpServer server =
            server(c -> {
              c.readLine(); // POST
              c.writeLine("340 send it");
              hold(release); // and never read the article
            }, done);
        NntpClient client = new NntpClient(QUICK)) {
      client.connect(server.endpoint());
      InputStream endless = new InputStream() {
        private final byte[] head = "From: a@example.com\nNewsgroups: g\nSubject: s\n\n".getBytes();
        private long at;

        @Override
        public int read() {
          return at < head.length ? head[(int) at++] : 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (at < head.length) {
            b[off] = head[(int) at++];
            return 1;
          }
          java.util.Arrays.fill(b, off, off + len, (byte) 'x');
          return len;
        }
      };
      long start = System.nanoTime();
      assertThrows(NetTimeoutException.class, () -> client.post(endless));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15, "bounded by the write timeout");
      assertFalse(client.isConnected());
      release.countDown();
    }
    assertTrue(done.await(30, TimeUnit.SECONDS));
  }
}
