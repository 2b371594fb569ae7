package io.netkit.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.UnsafeArgumentException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TcpConnectionTest {
  private static final NetOptions FAST =
      NetOptions.builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(500)).build();

  @Test
  void echoesLinesRoundTrip() throws Exception {
    try (TcpServer server =
            TcpServer.builder()
                .handler(c -> {
                  String line;
                  while ((line = c.readLine()) != null) {
                    c.writeLine("echo " + line);
                  }
                })
                .start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), FAST)) {
      client.writeLine("hello");
      assertEquals("echo hello", client.readLine());
      client.writeLine("xin chào");
      assertEquals("echo xin chào", client.readLine());
    }
  }

  @Test
  void silentServerGivesTimeoutWithinReadTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (TcpServer server = TcpServer.builder().handler(c -> awaitQuietly(release)).start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), FAST)) {
      long start = System.nanoTime();
      NetTimeoutException e = assertThrows(NetTimeoutException.class, client::readLine);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis >= 400 && millis < 3000, "timed out after " + millis + " ms");
      assertTrue(e.getMessage().contains("500 ms"), e.getMessage());
    } finally {
      release.countDown();
    }
  }

  @Test
  void deadlineEndsAConnectionThatKeepsTalkingSlowly() throws Exception {
    NetOptions withDeadline = FAST.toBuilder().deadline(Duration.ofMillis(700)).build();
    try (TcpServer server =
            TcpServer.builder()
                .handler(c -> {
                  for (int i = 0; i < 100; i++) {
                    c.writeLine("tick " + i);
                    sleep(200);
                  }
                })
                .start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), withDeadline)) {
      NetTimeoutException e =
          assertThrows(NetTimeoutException.class, () -> {
            while (client.readLine() != null) {
              // keep reading until the deadline cuts us off
            }
          });
      assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    }
  }

  @Test
  void overlongLineIsATypedError() throws Exception {
    NetOptions small = FAST.toBuilder().maxLineLength(100).build();
    try (TcpServer server = TcpServer.builder().handler(c -> c.writeLine("x".repeat(5000))).start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), small)) {
      NetProtocolException e = assertThrows(NetProtocolException.class, client::readLine);
      assertTrue(e.getMessage().contains("longer than 100"), e.getMessage());
    }
  }

  @Test
  void lineOfExactlyTheLimitIsAccepted() throws Exception {
    NetOptions small = FAST.toBuilder().maxLineLength(100).build();
    try (TcpServer server = TcpServer.builder().handler(c -> c.writeLine("y".repeat(100))).start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), small)) {
      assertEquals(100, client.readLine().length());
    }
  }

  @Test
  void argumentWithCrLfIsRefusedBeforeAnythingIsSent() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    StringBuilder seen = new StringBuilder();
    try (TcpServer server =
            TcpServer.builder()
                .handler(c -> {
                  String line = c.readLine();
                  seen.append(line);
                  received.countDown();
                })
                .start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), FAST)) {
      assertThrows(UnsafeArgumentException.class, () -> client.writer().command("RETR", "a\r\nDELE b"));
      assertThrows(UnsafeArgumentException.class, () -> client.writer().command("RETR", "a\nb"));
      assertThrows(UnsafeArgumentException.class, () -> client.writer().command("RETR", "a\0b"));
      client.writer().command("NOOP");
      assertTrue(received.await(2, TimeUnit.SECONDS));
      assertEquals("NOOP", seen.toString());
    }
  }

  @Test
  void serverCloseClosesEveryOpenClient() throws Exception {
    CountDownLatch connected = new CountDownLatch(2);
    TcpServer server =
        TcpServer.builder()
            .handler(c -> {
              connected.countDown();
              c.readLine(); // blocks until the server closes us
            })
            .options(NetOptions.builder().readTimeout(Duration.ofSeconds(30)).build())
            .start();
    try (TcpConnection a = TcpConnection.connect(server.endpoint(), FAST.toBuilder().readTimeout(Duration.ofSeconds(5)).build());
        TcpConnection b = TcpConnection.connect(server.endpoint(), FAST.toBuilder().readTimeout(Duration.ofSeconds(5)).build())) {
      assertTrue(connected.await(2, TimeUnit.SECONDS));
      assertEquals(2, server.openCount());
      long start = System.nanoTime();
      server.close();
      assertNull(a.readLine());
      assertNull(b.readLine());
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2500);
      assertEquals(0, server.openCount());
      assertFalse(server.isOpen());
    }
  }

  @Test
  void refusedConnectionIsAConnectException() throws Exception {
    int freePort;
    try (ServerSocket probe = new ServerSocket(0)) {
      freePort = probe.getLocalPort();
    }
    NetConnectException e =
        assertThrows(NetConnectException.class, () -> TcpConnection.connect(Endpoint.loopback(freePort), FAST, "ftp"));
    assertTrue(e.getMessage().startsWith("ftp 127.0.0.1:" + freePort), e.getMessage());
  }

  @Test
  void serverReportsTheEphemeralPortItBound() throws Exception {
    try (TcpServer server = TcpServer.builder().bind(Endpoint.loopback(0)).handler(c -> {}).start()) {
      assertTrue(server.port() > 0);
      assertEquals(server.port(), server.endpoint().port());
    }
  }

  static void awaitQuietly(CountDownLatch latch) {
    awaitQuietly(latch, 10_000);
  }

  static void awaitQuietly(CountDownLatch latch, long millis) {
    try {
      latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
