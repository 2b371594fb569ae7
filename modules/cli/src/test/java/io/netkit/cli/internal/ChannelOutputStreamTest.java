package io.netkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelOutputStreamTest {
  private static final int BUFFER = ChannelOutputStream.BUFFER;

  @Test
  void writesOfEverySizeArriveInOrderAcrossTheBuffer(@TempDir Path dir) throws Exception {
    byte[] content = new byte[9 * BUFFER + 4321];
    new Random(17).nextBytes(content);
    Path file = dir.resolve("out");
    Random sizes = new Random(3);
    try (ChannelOutputStream out = new ChannelOutputStream(open(file))) {
      int off = 0;
      while (off < content.length) {
        // One byte to three buffers at once, so that writes straddle the buffer's end.
        int n = Math.min(content.length - off, 1 + sizes.nextInt(3 * BUFFER));
        if (n == 1) {
          out.write(content[off]);
        } else {
          out.write(content, off, n);
        }
        off += n;
      }
    }
    assertArrayEquals(content, Files.readAllBytes(file));
  }

  @Test
  void flushPutsEveryByteInTheFileAndCloseClosesTheChannelOnce(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("out");
    FileChannel channel = open(file);
    ChannelOutputStream out = new ChannelOutputStream(channel);
    out.write(new byte[BUFFER - 1]);
    assertEquals(0, Files.size(file), "buffered");
    out.flush();
    assertEquals(BUFFER - 1, Files.size(file));
    out.write(7);
    out.close();
    assertFalse(channel.isOpen());
    assertEquals(BUFFER, Files.size(file), "close writes what is left");
    out.close(); // idempotent
  }

  @Test
  void aFailedWriteSurfacesWithTheFileSystemsMessage() {
    WritableByteChannel full =
        new WritableByteChannel() {
          @Override
          public int write(ByteBuffer src) throws IOException {
            throw new IOException("No space left on device");
          }

          @Override
          public boolean isOpen() {
            return true;
          }

          @Override
          public void close() {}
        };
    ChannelOutputStream out = new ChannelOutputStream(full);
    IOException e = assertThrows(IOException.class, () -> out.write(new byte[BUFFER + 1]));
    assertEquals("No space left on device", e.getMessage());
  }

  private static FileChannel open(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }
}
