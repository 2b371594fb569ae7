package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netkit.core.Netkit;
import io.netkit.gopher.GopherClient;
import io.netkit.testkit.gopher.GopherMockServer;
import io.netkit.testkit.gopher.GopherTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user of the published artifacts does: fetch from a testkit server, by URL and by client. */
class GopherFetchTest {
  private static final String TEXT = "fetched through the BOM";

  private static GopherMockServer server;

  @BeforeAll
  static void start() throws IOException {
    server = GopherMockServer.of(GopherTree.builder().text("/hello.txt", TEXT).build());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void fetchesByUrlThroughTheProviderFoundOnTheClassPath() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Netkit.fetch(server.url().resolve("/0/hello.txt"), out);
    assertEquals(List.of(TEXT), out.toString(StandardCharsets.UTF_8).lines().toList());
  }

  @Test
  void fetchesWithTheProtocolsOwnClient() throws IOException {
    try (GopherClient gopher = new GopherClient()) {
      gopher.connect(server.endpoint());
      assertEquals(List.of(TEXT), gopher.text("/hello.txt").lines().toList());
    }
  }

  @Test
  void everyNetkitJarNamesItsModule() throws Exception {
    assertEquals("io.netkit.core", moduleName(Netkit.class));
    assertEquals("io.netkit.gopher", moduleName(GopherClient.class));
    assertEquals("io.netkit.testkit", moduleName(GopherMockServer.class));
  }

  private static String moduleName(Class<?> type) throws IOException, URISyntaxException {
    URI jar = type.getProtectionDomain().getCodeSource().getLocation().toURI();
    try (JarFile file = new JarFile(Path.of(jar).toFile())) {
      return file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
    }
  }
}
