package io.netkit.interop.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.ftp.FtpClient;
import io.netkit.interop.Digests.Sha256Sink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A retrieve of a file four times larger than the JVM's heap: a child JVM with {@code -Xmx64m}
 * downloads 256 MiB from vsftpd into a hashing sink. If the client held the file in memory the
 * child would die of OutOfMemoryError.
 */
class SmallHeapRetrieveInteropTest {
  private static final long SIZE = 256L * 1024 * 1024;

  @Test
  void retrieveOfAFileLargerThanTheHeapStreams() throws Exception {
    FtpServers ftp = new FtpServers();
    String name = FtpServers.uniqueName(".bin");
    Sha256Sink expected = new Sha256Sink();
    FtpServers.generated(SIZE, 256).transferTo(expected);
    try (FtpClient client = new FtpClient(FtpServers.options(null).build())) {
      client.connect(ftp.vsftpd());
      client.store(name, FtpServers.generated(SIZE, 256));
    }
    try {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process child =
          new ProcessBuilder(
                  List.of(
                      java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                      SmallHeapRetrieveChild.class.getName(),
                      ftp.servers.require("FTP_HOST"), ftp.servers.require("FTP_PORT"),
                      ftp.credentials().user(), ftp.credentials().password(), name))
              .redirectErrorStream(true)
              .start();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child finished in time");
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertEquals(0, child.exitValue(), output);
      String[] last = output.lines().reduce((a, b) -> b).orElse("").split(" ");
      assertEquals(Long.toString(SIZE), last[0], output);
      assertEquals(expected.hex(), last[1], output);
      assertTrue(Long.parseLong(last[2]) < SIZE / 2, "the heap really is small: " + last[2]);
    } finally {
      try (FtpClient client = new FtpClient(FtpServers.options(null).build())) {
        client.connect(ftp.vsftpd());
        client.delete(name);
      }
    }
  }
}
