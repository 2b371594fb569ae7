package io.netkit.gopher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.NetReplyException;
import io.netkit.testkit.gopher.GopherMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The testkit server serving a directory: gophermaps, generated listings, files, the name search. */
class DirectoryServingTest {
  @TempDir static Path root;
  static GopherMockServer server;
  static GopherClient client;
  static final byte[] DATA = TestTree.blob(200_000);

  @BeforeAll
  static void start() throws IOException {
    Files.writeString(root.resolve("gophermap"), "Welcome\n0Hello text\thello.txt\n1Documents\tdocs/\n# a comment\n9Data\t/data.bin\n");
    Files.writeString(root.resolve("hello.txt"), "Hi.\n.dot line\n");
    Files.write(root.resolve("data.bin"), DATA);
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/readme.txt"), "read me\n");
    Files.write(root.resolve("docs/pic.gif"), TestTree.GIF);
    Files.createDirectories(root.resolve("docs/deeper"));
    Files.writeString(root.resolve(".secret"), "hidden\n");
    server = GopherMockServer.serving(root);
    server.start();
    client = new GopherClient(NetOptions.builder().readTimeout(Duration.ofSeconds(2)).build());
    client.connect(server.endpoint());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.stop();
  }

  @Test
  void gophermapIsTheDirectorysMenuWithRelativeSelectorsResolved() throws IOException {
    GopherMenu menu = client.menu("");
    assertEquals("iWelcome", menu.items().get(0).type() + menu.items().get(0).display());
    assertEquals("/hello.txt", menu.find("Hello text").orElseThrow().selector());
    assertEquals("/docs/", menu.find("Documents").orElseThrow().selector());
    assertEquals("/data.bin", menu.find("Data").orElseThrow().selector());
    assertEquals(4, menu.items().size());
  }

  @Test
  void directoryWithoutGophermapGetsAGeneratedListing() throws IOException {
    List<GopherItem> items = client.menu("/docs/").items();
    assertEquals(List.of("1deeper /docs/deeper/", "gpic.gif /docs/pic.gif", "0readme.txt /docs/readme.txt"),
        items.stream().map(i -> i.type() + i.display() + " " + i.selector()).toList());
  }

  @Test
  void filesAreServedAsTextOrBinaryByType() throws IOException {
    assertEquals("Hi.\n.dot line\n", client.text("/hello.txt"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    client.binary("/data.bin", out);
    assertArrayEquals(DATA, out.toByteArray());
  }

  @Test
  void fileNameSearchFindsMatches() throws IOException {
    GopherMenu hits = client.search("/.search", "READ");
    assertEquals("/docs/readme.txt", hits.items().get(0).selector());
    assertEquals(1, hits.items().size());
  }

  @Test
  void symbolicLinksLeadingOutOfTheRootNameNothingAndAreNotListed(@TempDir Path elsewhere) throws IOException {
    Path secret = Files.writeString(elsewhere.resolve("secret.txt"), "outside the root\n");
    Files.createSymbolicLink(root.resolve("docs/escape.txt"), secret);
    Files.createSymbolicLink(root.resolve("docs/escape-dir"), elsewhere);
    try {
      assertThrows(NetReplyException.class, () -> client.text("/docs/escape.txt"));
      assertThrows(NetReplyException.class, () -> client.menu("/docs/escape-dir/"));
      assertThrows(NetReplyException.class, () -> client.text("/docs/escape-dir/secret.txt"));
      assertTrue(client.menu("/docs/").find("escape.txt").isEmpty(), "the link is listed");
      assertTrue(client.search("/.search", "escape").items().isEmpty(), "the link is found by search");
    } finally {
      Files.delete(root.resolve("docs/escape.txt"));
      Files.delete(root.resolve("docs/escape-dir"));
    }
  }

  @Test
  void selectorsOutsideTheRootOrHiddenNameNothing() {
    assertThrows(NetReplyException.class, () -> client.menu("/../"));
    assertThrows(NetReplyException.class, () -> client.menu("/docs/../../etc/"));
    assertThrows(NetReplyException.class, () -> client.menu("/.secret"));
    assertTrue(server.lastRequest().endsWith(".secret"));
  }
}
