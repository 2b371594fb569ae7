package io.netkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicDownloadTest {
  @Test
  void aTargetThatIsNoRegularFileIsWrittenDirectlyAndNeverReplaced(@TempDir Path dir)
      throws Exception {
    // A named pipe stands in for /dev/null: renaming a part file over either would replace it
    // with a plain file (as root, -o /dev/null once did).
    Path fifo = dir.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
    CompletableFuture<byte[]> read =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    byte[] content = "through the pipe\n".getBytes(StandardCharsets.US_ASCII);
    try (AtomicDownload download = AtomicDownload.to(fifo)) {
      download.stream().write(content);
      download.commit();
    }
    assertArrayEquals(content, read.get(10, TimeUnit.SECONDS));
    assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class).isOther(), "still a pipe");
    try (var left = Files.list(dir)) {
      assertEquals(1, left.count(), "no part file left beside it");
    }
  }

  @Test
  void aRegularTargetAppearsOnlyOnCommit(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("out.bin");
    try (AtomicDownload download = AtomicDownload.to(target)) {
      download.stream().write(1);
      assertFalse(Files.exists(target), "nothing under the name before commit");
      download.commit();
    }
    assertEquals(1, Files.size(target));
  }
}
