package io.netkit.gopher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import io.netkit.testkit.Fault;
import io.netkit.testkit.MockServerExtension;
import io.netkit.core.transport.TcpServer;
import io.netkit.testkit.gopher.GopherMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every testkit fault mode gives the right typed error, within the timeout, or the right data. */
@ExtendWith(MockServerExtension.class)
class GopherFaultTest {
  private static final Duration READ_TIMEOUT = Duration.ofMillis(400);
  static final GopherMockServer server = GopherMockServer.of(TestTree.build());

  private GopherClient client;

  @BeforeEach
  void connect() throws IOException {
    server.dripDelay(Duration.ofMillis(1)).cutAfterBytes(45).overlongLineLength(100_000);
    client =
        new GopherClient(
            NetOptions.builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(READ_TIMEOUT).build());
    client.connect(server.endpoint());
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void disconnectAtStartIsAProtocolErrorForMenusAndText() {
    server.fault(Fault.DISCONNECT_AT_START);
    assertThrows(NetProtocolException.class, () -> client.menu(""));
    assertThrows(NetProtocolException.class, () -> client.text("/hello.txt"));
  }

  @Test
  void stallTimesOutWithinAboutTheReadTimeout() {
    server.fault(Fault.STALL);
    long start = System.nanoTime();
    assertThrows(NetTimeoutException.class, () -> client.menu(""));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis >= 350 && millis < 2000, "took " + millis + " ms");
    assertThrows(NetTimeoutException.class, () -> client.binary("/blob.bin", new ByteArrayOutputStream()));
  }

  @Test
  void dripStillDeliversExactlyTheRightData() throws IOException {
    server.fault(Fault.DRIP);
    assertEquals("/sub/nested.txt", client.menu("/sub/").items().get(0).selector());
    assertEquals(TestTree.HELLO, client.text("/hello.txt"));
    ByteArrayOutputStream gif = new ByteArrayOutputStream();
    client.binary("/pic.gif", gif);
    assertArrayEquals(TestTree.GIF, gif.toByteArray());
  }

  @Test
  void disconnectMidMenuLineIsAProtocolError() {
    server.fault(Fault.DISCONNECT_MID_RESPONSE);
    NetProtocolException e = assertThrows(NetProtocolException.class, () -> client.menu(""));
    assertTrue(e.getMessage().contains("middle of a menu line"), e.getMessage());
  }

  @Test
  void disconnectMidTextIsAProtocolError() {
    server.fault(Fault.DISCONNECT_MID_RESPONSE);
    assertThrows(NetProtocolException.class, () -> client.text("/hello.txt"));
  }

  @Test
  void disconnectMidBinaryCannotBeSeenWithoutALength() throws IOException {
    server.fault(Fault.DISCONNECT_MID_RESPONSE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GopherTransfer cut = (GopherTransfer) client.request(GopherRequest.binary("/blob.bin", out));
    assertEquals(45, cut.bytes());
    assertEquals(GopherTransfer.End.CLOSED_BY_SERVER, cut.end());
    NetProtocolException e =
        assertThrows(
            NetProtocolException.class,
            () -> client.binary("/blob.bin", new ByteArrayOutputStream(), TestTree.BLOB.length));
    assertTrue(e.getMessage().contains("after 45 of the expected"), e.getMessage());
  }

  @Test
  void garbageIsAProtocolErrorForMenusAndText() {
    server.fault(Fault.GARBAGE_REPLY);
    assertThrows(NetProtocolException.class, () -> client.menu(""));
    assertThrows(NetProtocolException.class, () -> client.text("/hello.txt"));
    assertThrows(NetProtocolException.class, () -> client.search("/search", "x"));
  }

  @Test
  void overlongLineIsAProtocolErrorForMenusAndText() {
    server.fault(Fault.OVERLONG_LINE);
    NetProtocolException e = assertThrows(NetProtocolException.class, () -> client.menu(""));
    assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    assertThrows(NetProtocolException.class, () -> client.text("/hello.txt"));
  }

  @Test
  void menuThatNeverEndsWhileTheServerStaysOpenTimesOut() throws IOException {
    // Two complete menu lines, no '.' line, no close: the client must not wait for ever.
    try (TcpServer silent =
        TcpServer.builder()
            .handler(
                connection -> {
                  connection.readLine();
                  connection.output().write("iHello\t\tnull.host\t1\r\n0A\t/a\th\t70\r\n".getBytes(StandardCharsets.UTF_8));
                  connection.output().flush();
                  connection.readLine(); // holds the connection open until the client leaves
                })
            .start()) {
      try (GopherClient unterminated = newClient(NetOptions.builder())) {
        unterminated.connect(silent.endpoint());
        long start = System.nanoTime();
        assertThrows(NetTimeoutException.class, () -> unterminated.menu(""));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 350 && millis < 2000, "took " + millis + " ms");
      }
    }
  }

  @Test
  void binaryReachesTheSinkAsItArrivesNotWhenTheServerCloses() throws IOException {
    // 200 KB, then silence with the connection open: what arrived is in the sink before the
    // timeout, so nothing held the item back (the client never holds it whole).
    byte[] part = TestTree.blob(200_000);
    try (TcpServer slow =
        TcpServer.builder()
            .handler(
                connection -> {
                  connection.readLine();
                  connection.output().write(part);
                  connection.output().flush();
                  connection.readLine();
                })
            .start()) {
      try (GopherClient reader = newClient(NetOptions.builder())) {
        reader.connect(slow.endpoint());
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThrows(NetTimeoutException.class, () -> reader.binary("/big", sink));
        assertArrayEquals(part, sink.toByteArray());
      }
    }
  }

  @Test
  void dripSlowerThanTheDeadlineTimesOutAtTheDeadline() throws IOException {
    // Each byte comes well within the read timeout; only the whole-request deadline can stop it.
    server.dripDelay(Duration.ofMillis(20));
    server.fault(Fault.DRIP);
    try (GopherClient bounded = newClient(NetOptions.builder().deadline(Duration.ofMillis(300)))) {
      bounded.connect(server.endpoint());
      long start = System.nanoTime();
      assertThrows(NetTimeoutException.class, () -> bounded.binary("/blob.bin", new ByteArrayOutputStream()));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis >= 250 && millis < 2000, "took " + millis + " ms");
    }
  }

  @Test
  void closeFromAnotherThreadAbortsAStalledRequest() throws Exception {
    server.fault(Fault.STALL);
    GopherClient patient =
        new GopherClient(
            NetOptions.builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(20)).build());
    patient.connect(server.endpoint());
    int before = server.acceptedCount();
    CompletableFuture<Throwable> outcome =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                patient.menu("");
                return null;
              } catch (Throwable e) {
                return e;
              }
            });
    long until = System.nanoTime() + 2_000_000_000L;
    while (server.acceptedCount() == before && System.nanoTime() < until) {
      Thread.sleep(5); // until the request has reached the stalled server
    }
    Thread.sleep(50);
    long start = System.nanoTime();
    patient.close();
    Throwable failure = outcome.get(2, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(failure instanceof NetException, "got " + failure);
    assertTrue(millis < 1000, "took " + millis + " ms");
  }

  private static GopherClient newClient(NetOptions.Builder options) {
    return new GopherClient(options.connectTimeout(Duration.ofSeconds(2)).readTimeout(READ_TIMEOUT).build());
  }
}
