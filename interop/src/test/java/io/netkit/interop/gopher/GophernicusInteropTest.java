package io.netkit.interop.gopher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.Netkit;
import io.netkit.core.TransferListener;
import io.netkit.gopher.GopherClient;
import io.netkit.gopher.GopherItem;
import io.netkit.gopher.GopherMenu;
import io.netkit.gopher.GopherTransfer;
import io.netkit.gopher.TextFraming;
import io.netkit.interop.Digests;
import io.netkit.interop.Digests.Sha256Sink;
import io.netkit.interop.RealServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * netkit reads a real server, gophernicus (behind socat, started by scripts/servers.sh): menus as
 * gophernicus writes them, and every file byte-for-byte against the tree on disk.
 *
 * <p>What gophernicus does that RFC 1436 does not: it sends text files as they are, with CRLF line
 * ends, no dot-stuffing and no {@code .} terminator. So its text is read byte-for-byte with {@link
 * TextFraming#UNTIL_CLOSE}; read as RFC 1436 says, a line that starts with {@code ..} loses a dot.
 */
class GophernicusInteropTest {
  private RealServers servers;
  private Path root;
  private GopherClient client;

  @BeforeEach
  void connect() throws IOException {
    servers = RealServers.load();
    servers.requireReachable("GOPHER_HOST", "GOPHER_PORT");
    root = servers.path("GOPHER_ROOT");
    client = new GopherClient(NetOptions.builder().readTimeout(Duration.ofSeconds(5)).build());
    client.connect(Endpoint.of(servers.require("GOPHER_HOST"), servers.port("GOPHER_PORT")));
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void rootMenuFromTheGophermapIsParsed() throws IOException {
    GopherMenu menu = client.menu("");
    assertTrue(menu.terminated());
    assertTrue(menu.items().get(0).isInfo());
    GopherItem hello = menu.find("Hello text").orElseThrow();
    assertEquals('0', hello.type());
    assertEquals("/hello.txt", hello.selector());
    assertEquals(servers.require("GOPHER_HOST"), hello.host());
    assertEquals(servers.port("GOPHER_PORT"), hello.port());
    assertEquals('1', menu.find("Documents").orElseThrow().type());
    assertEquals('9', menu.find("Random binary data (1 MiB)").orElseThrow().type());
    assertEquals('g', menu.find("A tiny GIF picture").orElseThrow().type());
  }

  @Test
  void generatedDirectoryMenuListsTheFilesOnDisk() throws IOException {
    GopherMenu docs = client.menu("/docs/");
    List<String> files;
    try (var list = Files.list(root.resolve("docs"))) {
      files = list.map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<String> listed =
        docs.links().stream().filter(i -> i.type() == '0').map(GopherItem::display).sorted().toList();
    assertEquals(files, listed);
    assertEquals("/docs/readme.txt", docs.find("readme.txt").orElseThrow().selector());
  }

  @Test
  void binaryItemsAreByteForByteTheFilesOnDisk() throws IOException {
    for (String name : List.of("data.bin", "pic.gif")) {
      Sha256Sink sink = new Sha256Sink();
      long bytes = client.binary("/" + name, sink, Files.size(root.resolve(name)));
      assertEquals(Files.size(root.resolve(name)), bytes, name);
      assertEquals(Digests.sha256(root.resolve(name)), sink.hex(), name);
    }
  }

  @Test
  void textItemsAreByteForByteTheFilesOnDiskWhenReadUntilClose() throws IOException {
    for (String name : List.of("hello.txt", "docs/readme.txt", "docs/notes.txt")) {
      Sha256Sink sink = new Sha256Sink();
      GopherTransfer transfer = client.text("/" + name, sink, TextFraming.UNTIL_CLOSE);
      assertEquals(Files.size(root.resolve(name)), transfer.bytes(), name);
      assertEquals(Digests.sha256(root.resolve(name)), sink.hex(), name);
    }
  }

  @Test
  void gophernicusSendsNoTerminatorAndNoDotStuffing() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GopherTransfer transfer = client.text("/hello.txt", out);
    assertFalse(transfer.terminated(), "gophernicus sends no '.' line");
    String onDisk = Files.readString(root.resolve("hello.txt"));
    assertTrue(onDisk.contains("\n..and"), "the test tree has a line starting with two dots");
    // Read as RFC 1436 says, the unstuffed ".." shows what the server did not do.
    assertEquals(onDisk.replace("\n..", "\n."), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void urlEntryPointFetchesTheBinaryByteForByte() throws IOException {
    URI url =
        URI.create("gopher://" + servers.require("GOPHER_HOST") + ":" + servers.port("GOPHER_PORT") + "/9/data.bin");
    Sha256Sink sink = new Sha256Sink();
    Netkit.fetch(url, NetOptions.defaults(), sink, TransferListener.NONE);
    assertEquals(Digests.sha256(root.resolve("data.bin")), sink.hex());
  }

  @Test
  void missingMenuIsTheServersRefusal() {
    // For a selector ending in '/', gophernicus answers with a type-3 error item.
    NetReplyException e = assertThrows(NetReplyException.class, () -> client.menu("/no-such-dir/"));
    assertEquals(3, e.replyCode().orElseThrow());
    assertTrue(e.getMessage().contains("not found"), e.getMessage());
  }

  @Test
  void plainTextErrorIsNotParsedAsAMenu() {
    // For other selectors gophernicus answers with a bare text line, no tab, no terminator.
    NetProtocolException e = assertThrows(NetProtocolException.class, () -> client.menu("/no-such-file"));
    assertTrue(e.getMessage().contains("not a Gopher menu"), e.getMessage());
  }
}
