package io.netkit.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Timeouts at the edges of what the socket API's {@code int} milliseconds can say: a positive
 * timeout under a millisecond must not turn into 0 ("wait forever"), and one longer than an
 * {@code int} of milliseconds must not overflow.
 */
class TimeoutRangeTest {
  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final Duration SUB_MILLISECOND = Duration.ofNanos(500_000);
  private static final Duration CENTURY = Duration.ofDays(36_500);

  @Test
  void subMillisecondReadTimeoutStillTimesOut() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    NetOptions options = NetOptions.builder().readTimeout(SUB_MILLISECOND).build();
    try (TcpServer server = TcpServer.builder().handler(c -> TcpConnectionTest.awaitQuietly(release)).start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), options)) {
      assertTimeoutPreemptively(LIMIT, () -> assertThrows(NetTimeoutException.class, client::readLine));
    } finally {
      release.countDown();
    }
  }

  @Test
  void subMillisecondUdpReceiveTimeoutStillTimesOut() throws Exception {
    NetOptions options = NetOptions.builder().readTimeout(SUB_MILLISECOND).build();
    try (UdpSocket socket = UdpSocket.bind(Endpoint.loopback(0), options)) {
      assertTimeoutPreemptively(LIMIT, () -> assertThrows(NetTimeoutException.class, () -> socket.receive(10)));
    }
  }

  @Test
  void timeoutsTooLongForIntMillisecondsStillConnect() throws Exception {
    NetOptions options = NetOptions.builder().connectTimeout(CENTURY).readTimeout(CENTURY).build();
    try (TcpServer server = TcpServer.builder().handler(c -> c.writeLine("hi")).start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), options);
        UdpSocket udp = UdpSocket.bind(Endpoint.loopback(0), options)) {
      assertEquals("hi", client.readLine());
      client.readTimeout(CENTURY);
    }
  }

  @Test
  void changingTheReadTimeoutToZeroIsRefusedRatherThanWaitingForever() throws Exception {
    try (TcpServer server = TcpServer.builder().handler(c -> {}).start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), NetOptions.defaults())) {
      assertThrows(IllegalArgumentException.class, () -> client.readTimeout(Duration.ZERO));
      assertThrows(IllegalArgumentException.class, () -> client.readTimeout(Duration.ofSeconds(-1)));
    }
  }
}
