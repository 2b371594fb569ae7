package io.netkit.core.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.testing.TestTls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * Timeouts that TLS could defeat: a write blocked inside TLS holds a lock that a polite TLS
 * close waits for, and a handshake read byte by byte never trips a per-read timeout.
 */
class TlsTimeoutTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static final NetOptions TLS =
      NetOptions.builder()
          .connectTimeout(Duration.ofMillis(800))
          .readTimeout(Duration.ofMillis(300))
          .tlsMode(TlsMode.IMPLICIT)
          .trust(TestTls.trustTestCa())
          .build();

  /** A TLS server that says one byte, then never reads, until released. */
  private static TcpServer deafTlsServer(CountDownLatch release) throws Exception {
    return TcpServer.builder()
        .tls(TestTls.serverContext())
        .handler(c -> {
          c.output().write('!');
          c.output().flush();
          TcpConnectionTest.awaitQuietly(release);
        })
        .start();
  }

  private static void writeForever(OutputStream out) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < 100_000; i++) {
      out.write(chunk);
    }
  }

  @Test
  void writeToATlsPeerThatStopsReadingTimesOut() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (TcpServer server = deafTlsServer(release);
        TcpConnection client = TcpConnection.connect(Endpoint.of("localhost", server.port()), TLS)) {
      client.input().read();
      assertTimeoutPreemptively(
          LIMIT, () -> assertThrows(NetTimeoutException.class, () -> writeForever(client.output())));
      assertFalse(client.isOpen());
      release.countDown();
    } finally {
      release.countDown();
    }
  }

  @Test
  void closeFromAnotherThreadAbortsAWriteBlockedInTls() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    NetOptions patient = TLS.toBuilder().readTimeout(Duration.ofSeconds(60)).build();
    try (TcpServer server = deafTlsServer(release);
        TcpConnection client =
            TcpConnection.connect(Endpoint.of("localhost", server.port()), patient)) {
      client.input().read();
      Thread closer =
          new Thread(() -> {
            TcpConnectionTest.awaitQuietly(new CountDownLatch(1), 500);
            client.close();
          });
      closer.start();
      assertTimeoutPreemptively(
          LIMIT, () -> assertThrows(NetException.class, () -> writeForever(client.output())));
      closer.join(LIMIT.toMillis());
      assertFalse(closer.isAlive(), "close() itself must not block");
      release.countDown();
    } finally {
      release.countDown();
    }
  }

  @Test
  void bridgeTlsSocketWritingToAPeerThatStopsReadingTimesOut() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (TcpServer server = deafTlsServer(release)) {
      // createSocket() then connect(): the TLS socket owns its connection (nothing layered).
      Socket socket = SocketFactories.tls(TLS, "test").createSocket();
      socket.connect(new InetSocketAddress("localhost", server.port()));
      ((SSLSocket) socket).startHandshake();
      socket.getInputStream().read();
      OutputStream out = socket.getOutputStream();
      assertTimeoutPreemptively(LIMIT, () -> assertThrows(IOException.class, () -> writeForever(out)));
      socket.close();
      release.countDown();
    } finally {
      release.countDown();
    }
  }

  /**
   * A "server" that starts a TLS record announcing 16 KiB and then sends one byte every 100 ms:
   * each read succeeds well within the read timeout, the handshake never ends.
   */
  private static Thread trickler(ServerSocket listener) {
    Thread thread =
        new Thread(() -> {
          try (Socket peer = listener.accept()) {
            OutputStream out = peer.getOutputStream();
            out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
            for (int i = 0; i < 300 && !Thread.currentThread().isInterrupted(); i++) {
              out.write(0x02);
              out.flush();
              Thread.sleep(100);
            }
          } catch (IOException | InterruptedException done) {
            // the client gave up, as it should
          }
        });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Test
  void handshakeTrickledByteByByteIsBoundedByTheConnectTimeout() throws Exception {
    try (ServerSocket listener = new ServerSocket(0)) {
      Thread peer = trickler(listener);
      long start = System.nanoTime();
      NetTimeoutException e =
          assertTimeoutPreemptively(
              LIMIT,
              () ->
                  assertThrows(
                      NetTimeoutException.class,
                      () -> TcpConnection.connect(Endpoint.loopback(listener.getLocalPort()), TLS)));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis < 4000, "gave up after " + millis + " ms");
      assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
      peer.interrupt();
    }
  }

  @Test
  void bridgeHandshakeTrickledByteByByteIsBoundedByTheConnectTimeout() throws Exception {
    try (ServerSocket listener = new ServerSocket(0)) {
      Thread peer = trickler(listener);
      SSLSocket socket =
          (SSLSocket) SocketFactories.tls(TLS, "test").createSocket("127.0.0.1", listener.getLocalPort());
      assertTimeoutPreemptively(
          LIMIT, () -> assertThrows(SocketTimeoutException.class, socket::startHandshake));
      socket.close();
      peer.interrupt();
    }
  }

  @Test
  void bytesInjectedAfterTheGoAheadButStillInTheSocketFailTheHandshake() throws Exception {
    // Unlike TlsTest's injection, these bytes arrive after the client read the go-ahead, so they
    // sit in the socket, not in the client's buffer: the handshake reads them and must fail.
    CountDownLatch injected = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    NetOptions startTls = TLS.toBuilder().tlsMode(TlsMode.NONE).readTimeout(Duration.ofSeconds(3)).build();
    try (TcpServer server =
            TcpServer.builder()
                .handler(c -> {
                  c.writeLine("220 go ahead");
                  TcpConnectionTest.awaitQuietly(new CountDownLatch(1), 200);
                  c.output().write("250 injected\r\n".getBytes(StandardCharsets.US_ASCII));
                  c.output().flush();
                  injected.countDown();
                  TcpConnectionTest.awaitQuietly(done, 3000);
                })
                .start();
        TcpConnection client =
            TcpConnection.connect(Endpoint.of("localhost", server.port()), startTls)) {
      client.readReply();
      assertTrue(injected.await(5, TimeUnit.SECONDS));
      TcpConnectionTest.awaitQuietly(new CountDownLatch(1), 200); // let the bytes land
      assertThrows(NetTlsException.class, client::startTls);
      assertFalse(client.isOpen());
      done.countDown();
    }
  }
}
