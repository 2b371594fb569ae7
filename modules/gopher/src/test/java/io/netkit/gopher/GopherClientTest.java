package io.netkit.gopher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetReplyException;
import io.netkit.core.TlsMode;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.testkit.MockServerExtension;
import io.netkit.testkit.gopher.GopherMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client against the testkit server, one server for the class (via the JUnit extension). */
@ExtendWith(MockServerExtension.class)
class GopherClientTest {
  static final GopherMockServer server = GopherMockServer.of(TestTree.build());
  static final NetOptions OPTIONS =
      NetOptions.builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2)).build();

  private GopherClient client;

  @BeforeEach
  void connect() throws IOException {
    client = new GopherClient(OPTIONS);
    client.connect(server.endpoint());
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void rootMenuHasOneTypedItemPerLineIncludingUnknownTypes() throws IOException {
    GopherMenu menu = client.menu("");
    assertTrue(menu.terminated());
    assertEquals(19, menu.items().size());
    String types = menu.items().stream().map(i -> String.valueOf(i.type())).reduce("", String::concat);
    assertEquals("i0123456789+TgIhsdX", types);
    assertEquals(GopherType.INFO, menu.items().get(0).kind());
    assertEquals("Welcome to the test tree", menu.items().get(0).display());
    GopherItem hello = menu.items().get(1);
    assertEquals(new GopherItem('0', "Hello text", "/hello.txt", "127.0.0.1", server.port()), hello);
    assertEquals(GopherType.UNKNOWN, menu.find("Some future type").orElseThrow().kind());
    GopherItem telnet = menu.find("Telnet session").orElseThrow();
    assertEquals("telnet.example", telnet.host());
    assertEquals(23, telnet.port());
    assertEquals(18, menu.links().size());
  }

  @Test
  void emptySelectorAndSlashNameTheSameRootMenu() throws IOException {
    assertEquals(client.menu("").items(), client.menu("/").items());
  }

  @Test
  void subMenuIsReadBySelector() throws IOException {
    GopherMenu sub = client.menu("/sub/");
    assertEquals("/sub/nested.txt", sub.items().get(0).selector());
  }

  @Test
  void textIsUnstuffedAndTheTerminatorRemoved() throws IOException {
    assertEquals(TestTree.HELLO, client.text("/hello.txt"));
    assertEquals("/hello.txt", server.lastRequest());
  }

  @Test
  void textStreamsIntoAnOutputStreamAndReportsTheTerminator() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GopherTransfer transfer = client.text("/hello.txt", out);
    assertEquals(TestTree.HELLO, out.toString(StandardCharsets.UTF_8));
    assertEquals(TestTree.HELLO.length(), transfer.bytes());
    assertTrue(transfer.terminated());
    assertTrue(transfer.verifiedComplete());
  }

  @Test
  void textUntilCloseKeepsTheWireFormApartFromLineEnds() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GopherTransfer transfer = client.text("/hello.txt", out, TextFraming.UNTIL_CLOSE);
    String stuffed = "Hello, gopher.\n..A line that starts with a dot.\n...And one with two.\n..\nLast line.\n.\n";
    assertEquals(stuffed, out.toString(StandardCharsets.UTF_8));
    assertEquals(GopherTransfer.End.CLOSED_BY_SERVER, transfer.end());
  }

  @Test
  void binaryIsStreamedByteForByteAndNeverClaimedComplete() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GopherTransfer transfer = (GopherTransfer) client.request(GopherRequest.binary("/blob.bin", out));
    assertArrayEquals(TestTree.BLOB, out.toByteArray());
    assertEquals(TestTree.BLOB.length, transfer.bytes());
    assertEquals(GopherTransfer.End.CLOSED_BY_SERVER, transfer.end());
    assertFalse(transfer.verifiedComplete());
  }

  @Test
  void gifItemIsBinary() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(TestTree.GIF.length, client.binary("/pic.gif", out));
    assertArrayEquals(TestTree.GIF, out.toByteArray());
  }

  @Test
  void binaryWithTheExpectedLengthIsVerified() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GopherTransfer transfer =
        (GopherTransfer)
            client.request(
                new GopherRequest.Binary("/pic.gif", out, TestTree.GIF.length, io.netkit.core.TransferListener.NONE));
    assertEquals(GopherTransfer.End.EXPECTED_LENGTH, transfer.end());
  }

  @Test
  void binaryLongerThanExpectedIsAnError() {
    assertThrows(
        io.netkit.core.NetProtocolException.class,
        () -> client.binary("/pic.gif", new ByteArrayOutputStream(), 5));
  }

  @Test
  void searchSendsSelectorTabQueryAndReadsAMenu() throws IOException {
    GopherMenu results = client.search("/search", "gopher hole");
    assertEquals("/search\tgopher hole", server.lastRequest());
    assertEquals("Results for gopher hole", results.items().get(0).display());
    assertEquals("Match: gopher hole", results.links().get(0).display());
  }

  @Test
  void unknownSelectorIsARefusalCarryingTheErrorItem() {
    NetReplyException e = assertThrows(NetReplyException.class, () -> client.menu("/nowhere"));
    assertEquals(3, e.replyCode().orElseThrow());
    assertTrue(e.replyText().orElseThrow().contains("/nowhere"), e.getMessage());
    assertTrue(e.getMessage().startsWith("gopher 127.0.0.1:" + server.port()), e.getMessage());
  }

  @Test
  void unknownSelectorIsNotFoundAMissingMenuIsAContainerAMissingTextAnItem() {
    io.netkit.core.NetNotFoundException menu =
        assertThrows(io.netkit.core.NetNotFoundException.class, () -> client.menu("/nowhere"));
    assertEquals(io.netkit.core.NetNotFoundException.Target.CONTAINER, menu.target());
    io.netkit.core.NetNotFoundException text =
        assertThrows(io.netkit.core.NetNotFoundException.class, () -> client.text("/nowhere.txt"));
    assertEquals(io.netkit.core.NetNotFoundException.Target.ITEM, text.target());
  }

  @Test
  void eachRequestOpensItsOwnConnection() throws IOException {
    int before = server.acceptedCount();
    client.menu("");
    client.text("/sub/nested.txt");
    assertEquals(before + 2, server.acceptedCount());
  }

  @Test
  void crLfOrNulInASelectorOrQueryIsRefusedBeforeConnecting() {
    int before = server.acceptedCount();
    for (String bad : List.of("/a\r\n/b", "/a\nb", "/a\0b")) {
      assertThrows(UnsafeArgumentException.class, () -> client.menu(bad));
      assertThrows(UnsafeArgumentException.class, () -> client.text(bad));
      assertThrows(UnsafeArgumentException.class, () -> client.search("/search", bad));
    }
    assertThrows(IllegalArgumentException.class, () -> client.menu("/a\tb"));
    assertThrows(IllegalArgumentException.class, () -> client.search("/search", "a\tb"));
    assertEquals(before, server.acceptedCount());
  }

  @Test
  void requestsNeedAConnectAndStopAfterClose() throws IOException {
    try (GopherClient fresh = new GopherClient(OPTIONS)) {
      assertFalse(fresh.isConnected());
      assertThrows(IllegalStateException.class, () -> fresh.menu(""));
      fresh.connect(server.endpoint());
      assertTrue(fresh.isConnected());
      assertThrows(IllegalStateException.class, () -> fresh.connect(server.endpoint()));
      fresh.close();
      assertFalse(fresh.isConnected());
      assertThrows(IllegalStateException.class, () -> fresh.menu(""));
      fresh.close();
    }
  }

  @Test
  void endpointWithoutPortDefaultsTo70() throws IOException {
    try (GopherClient other = new GopherClient(OPTIONS)) {
      other.connect(Endpoint.parse("127.0.0.1"));
      assertEquals(70, other.endpoint().port());
    }
  }

  @Test
  void starttlsRequiredIsRefusedBecauseGopherHasNone() {
    NetOptions starttls = OPTIONS.toBuilder().tlsMode(TlsMode.STARTTLS_REQUIRED).build();
    assertThrows(IllegalArgumentException.class, () -> new GopherClient(starttls));
  }

  @Test
  void textLineOverTheLimitIsAnError() throws IOException {
    try (GopherClient strict = new GopherClient(OPTIONS.toBuilder().maxLineLength(1000).build())) {
      strict.connect(server.endpoint());
      assertThrows(io.netkit.core.NetProtocolException.class, () -> strict.text("/long.txt"));
      assertEquals(2001, client.text("/long.txt").length());
    }
  }
}
