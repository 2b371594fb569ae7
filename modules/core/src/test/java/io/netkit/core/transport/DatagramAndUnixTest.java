package io.netkit.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatagramAndUnixTest {
  private static final NetOptions FAST = NetOptions.builder().readTimeout(Duration.ofMillis(500)).build();

  @Test
  void udpSendToAndReceiveFromRoundTrip() throws Exception {
    try (UdpSocket server = UdpSocket.bind(Endpoint.loopback(0), FAST);
        UdpSocket client = UdpSocket.bind(Endpoint.loopback(0), FAST)) {
      client.sendTo("ping", server.loopbackEndpoint());
      Datagram request = server.receive(1024);
      assertEquals("ping", request.text());
      assertEquals(client.localPort(), request.sender().getPort());
      server.sendTo("pong".getBytes(), request.sender());
      assertEquals("pong", client.receive(1024).text());
    }
  }

  @Test
  void udpReceiveTimesOutWhenNothingArrives() throws Exception {
    try (UdpSocket socket = UdpSocket.bind(Endpoint.loopback(0), FAST)) {
      long start = System.nanoTime();
      assertThrows(NetTimeoutException.class, () -> socket.receive(100));
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3000);
    }
  }

  @Test
  void udpDatagramLongerThanTheBufferIsCut() throws Exception {
    try (UdpSocket a = UdpSocket.bind(Endpoint.loopback(0), FAST);
        UdpSocket b = UdpSocket.bind(Endpoint.loopback(0), FAST)) {
      a.sendTo("0123456789", b.loopbackEndpoint());
      assertEquals("0123", b.receive(4).text());
    }
  }

  @Test
  void udpBroadcastFlagCanBeSet() throws Exception {
    try (UdpSocket socket = UdpSocket.open(FAST)) {
      socket.broadcast(true);
      assertTrue(socket.localPort() > 0);
    }
  }

  @Test
  void unixDomainRoundTripAndServerCleanup(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("echo.sock");
    try (UnixServer server =
            UnixServer.start(path, 5, FAST, c -> c.writeLine("echo " + c.readLine()));
        UnixConnection client = UnixConnection.connect(path, FAST)) {
      assertTrue(Files.exists(path));
      client.writeLine("hi");
      assertEquals("echo hi", client.readLine());
    }
    assertFalse(Files.exists(path));
  }

  @Test
  void unixReadTimesOutOnASilentServer(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("silent.sock");
    CountDownLatch release = new CountDownLatch(1);
    try (UnixServer server = UnixServer.start(path, 5, FAST, c -> TcpConnectionTest.awaitQuietly(release));
        UnixConnection client = UnixConnection.connect(Endpoint.unix(path), FAST)) {
      long start = System.nanoTime();
      assertThrows(NetTimeoutException.class, client::readLine);
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3000);
    } finally {
      release.countDown();
    }
  }

  @Test
  void unixConnectToAServerWhoseBacklogIsFullTimesOut(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("busy.sock");
    NetOptions quick = FAST.toBuilder().connectTimeout(Duration.ofMillis(300)).build();
    List<UnixConnection> queued = new ArrayList<>();
    // A listener that never accepts: once its backlog is full, a Unix connect waits for room.
    try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      listener.bind(UnixDomainSocketAddress.of(path), 1);
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () ->
              assertThrows(
                  NetTimeoutException.class,
                  () -> {
                    for (int i = 0; i < 50; i++) {
                      queued.add(UnixConnection.connect(path, quick));
                    }
                  }));
    } finally {
      queued.forEach(UnixConnection::close);
    }
  }

  @Test
  void unixServerCloseEndsAHandlerBlockedInARead(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("blocked.sock");
    NetOptions patient = NetOptions.builder().readTimeout(Duration.ofSeconds(20)).build();
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch handlerDone = new CountDownLatch(1);
    UnixServer server =
        UnixServer.start(
            path,
            5,
            patient,
            c -> {
              reading.countDown();
              try {
                c.readLine();
              } finally {
                handlerDone.countDown();
              }
            });
    try (UnixConnection client = UnixConnection.connect(path, patient)) {
      assertTrue(reading.await(5, TimeUnit.SECONDS));
      Thread.sleep(100); // let the handler settle into its read
      server.close();
      assertTrue(handlerDone.await(2, TimeUnit.SECONDS), "handler still blocked after close");
      assertNull(client.readLine());
    }
  }

  @Test
  void unixConnectToNothingIsAConnectException(@TempDir Path dir) {
    assertThrows(NetConnectException.class, () -> UnixConnection.connect(dir.resolve("none.sock"), FAST));
  }
}
