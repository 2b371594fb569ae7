package io.netkit.gopher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.Protocol;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.core.spi.ListEntry;
import io.netkit.testkit.MockServerExtension;
import io.netkit.testkit.gopher.GopherLine;
import io.netkit.testkit.gopher.GopherMockServer;
import io.netkit.testkit.gopher.GopherTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** gopher:// URLs through the core's URL entry point (the provider found by ServiceLoader). */
@ExtendWith(MockServerExtension.class)
class GopherProviderTest {
  static final GopherMockServer server = GopherMockServer.of(TestTree.build());
  static final NetOptions OPTIONS = NetOptions.builder().readTimeout(Duration.ofSeconds(2)).build();

  private static URI url(String path) {
    return URI.create("gopher://127.0.0.1:" + server.port() + path);
  }

  private static String fetch(String path) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Netkit.fetch(url(path), OPTIONS, out, io.netkit.core.TransferListener.NONE);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void providerIsFoundForBothSchemes() {
    assertEquals(Protocol.GOPHER, Netkit.provider("gopher").protocol());
    assertEquals(Protocol.GOPHER, Netkit.provider("gophers").protocol());
  }

  @Test
  void menuIsRenderedOneItemPerLineWithTypeNameAndSelector() throws IOException {
    String[] lines = fetch("/1/sub/").split("\n");
    assertEquals("0  Nested  /sub/nested.txt", lines[0]);
    String root = fetch("/");
    assertTrue(root.startsWith("i  Welcome to the test tree\n0  Hello text"), root);
    assertTrue(root.contains("\n0  Hello text        /hello.txt\n"), root);
    assertTrue(root.contains("\n8  Telnet session      @ telnet.example:23\n"), root);
  }

  @Test
  void textIsWrittenUnstuffed() throws IOException {
    assertEquals(TestTree.HELLO, fetch("/0/hello.txt"));
  }

  @Test
  void binaryIsWrittenRaw() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Netkit.fetch(url("/9/blob.bin"), out);
    assertArrayEquals(TestTree.BLOB, out.toByteArray());
  }

  @Test
  void searchUrlSendsTheQuery() throws IOException {
    String results = fetch("/7/search%09two%20words");
    assertEquals("/search\ttwo words", server.lastRequest());
    assertTrue(results.contains("Match: two words"), results);
  }

  @Test
  void listGivesOneEntryPerItemWithKindAndUrl() throws IOException {
    List<ListEntry> entries = Netkit.list(url("/"), OPTIONS);
    assertEquals(19, entries.size());
    assertEquals("info", entries.get(0).kind());
    assertNull(entries.get(0).url());
    ListEntry hello = entries.get(1);
    assertEquals("text", hello.kind());
    assertEquals("Hello text", hello.name());
    assertEquals(url("/0/hello.txt"), hello.url());
    assertEquals("menu", entries.get(2).kind());
    assertEquals("search", entries.get(8).kind());
    assertEquals("binary", entries.get(10).kind());
    assertEquals("unknown", entries.get(18).kind());
  }

  @Test
  void listGivesNoUrlForAnItemWithPortZero() throws IOException {
    GopherMockServer odd =
        GopherMockServer.of(
            GopherTree.builder()
                .menu("/", GopherLine.external('0', "Nowhere", "/x", "h.example", 0), GopherLine.item('0', "Here", "/y"))
                .build());
    odd.start();
    try {
      List<ListEntry> entries = Netkit.list(URI.create("gopher://127.0.0.1:" + odd.port() + "/"), OPTIONS);
      assertEquals("Nowhere", entries.get(0).name());
      assertNull(entries.get(0).url());
      assertEquals(URI.create("gopher://127.0.0.1:" + odd.port() + "/0/y"), entries.get(1).url());
    } finally {
      odd.stop();
    }
  }

  @Test
  void listOfANonMenuIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Netkit.list(url("/0/hello.txt"), OPTIONS));
  }

  @Test
  void encodedCrLfOrNulInAUrlIsRefusedBeforeConnecting() {
    int before = server.acceptedCount();
    assertThrows(UnsafeArgumentException.class, () -> fetch("/0/a%0D%0Ab"));
    assertThrows(UnsafeArgumentException.class, () -> fetch("/1/a%00"));
    assertThrows(UnsafeArgumentException.class, () -> fetch("/7/search%09a%0Ab"));
    assertEquals(before, server.acceptedCount());
  }
}
