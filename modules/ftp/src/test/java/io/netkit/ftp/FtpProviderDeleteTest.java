package io.netkit.ftp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.NetReplyException;
import io.netkit.core.Netkit;
import io.netkit.testkit.ftp.FtpMockServer;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ClientProvider.delete} for ftp:// URLs ({@code netkit rm}): DELE of the file named. */
class FtpProviderDeleteTest {
  private FtpMockServer server;
  private URI home;

  @BeforeEach
  void start() throws IOException {
    server = new FtpMockServer().user("bob", "pw", "/home/bob").file("/home/bob/old.txt", "old");
    server.start();
    home = URI.create("ftp://bob:pw@127.0.0.1:" + server.port() + "/");
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void deleteRemovesTheFile() throws IOException {
    Netkit.provider("ftp").delete(home.resolve("old.txt"), NetOptions.defaults());
    assertFalse(server.exists("/home/bob/old.txt"));
  }

  @Test
  void deleteOfAMissingFileIsARefusal() {
    assertThrows(NetReplyException.class,
        () -> Netkit.provider("ftp").delete(home.resolve("nothing.txt"), NetOptions.defaults()));
  }

  @Test
  void directoryUrlsAreRefusedBeforeConnecting() {
    assertThrows(IllegalArgumentException.class, () -> Netkit.provider("ftp").delete(home, NetOptions.defaults()));
    assertThrows(IllegalArgumentException.class,
        () -> Netkit.provider("ftp").delete(home.resolve("sub/"), NetOptions.defaults()));
    assertTrue(server.exists("/home/bob/old.txt"));
  }
}
