package io.netkit.gopher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import io.netkit.testkit.Fault;
import io.netkit.testkit.MockServerExtension;
import io.netkit.testkit.gopher.GopherMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
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
}
