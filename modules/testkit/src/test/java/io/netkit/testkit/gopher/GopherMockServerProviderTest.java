package io.netkit.testkit.gopher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `netkit serve gopher --root DIR` finds the Gopher server through the testkit SPI. */
class GopherMockServerProviderTest {
  @Test
  void serviceLoaderFindsTheGopherProviderAndItServesTheDirectory(@TempDir Path root) throws IOException {
    Files.writeString(root.resolve("a.txt"), "A\n");
    MockServerProvider provider =
        ServiceLoader.load(MockServerProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.protocol().equals(Protocol.GOPHER))
            .findFirst()
            .orElseThrow();
    try (MockServer server = provider.newServer(root, Optional.empty())) {
      server.start();
      try (Socket socket = new Socket(server.host(), server.port())) {
        socket.setSoTimeout(2000);
        socket.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
        String menu = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(menu.startsWith("0a.txt\t/a.txt\t127.0.0.1\t" + server.port() + "\r\n"), menu);
        assertEquals("gopher://127.0.0.1:" + server.port() + "/", server.url().toString());
      }
    }
  }
}
