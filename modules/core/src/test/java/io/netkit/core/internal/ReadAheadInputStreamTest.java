package io.netkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
  /** Like a socket: each read returns at most {@code chunk} bytes of what is left; counts reads. */
  private static final class Source extends InputStream {
    final byte[] data;
    final int chunk;
    int position;
    final List<Integer> requested = new ArrayList<>();

    Source(byte[] data, int chunk) {
      this.data = data;
      this.chunk = chunk;
    }

    @Override
    public int read() {
      throw new AssertionError("single-byte reads must not reach the socket");
    }

    @Override
    public int read(byte[] b, int off, int len) {
      requested.add(len);
      if (position == data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, chunk), data.length - position);
      System.arraycopy(data, position, b, off, n);
      position += n;
      return n;
    }

    @Override
    public int available() {
      return data.length - position;
    }
  }

  private static byte[] random(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return b;
  }

  private static byte[] readAll(InputStream in, int readSize) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] b = new byte[readSize];
    for (int n; (n = in.read(b, 0, readSize)) != -1; ) {
      all.write(b, 0, n);
    }
    return all.toByteArray();
  }

  @Test
  void manyEightKibReadsCauseOneUnderlyingReadPer64Kib() throws IOException {
    byte[] data = random(4 * 1024 * 1024);
    Source source = new Source(data, Integer.MAX_VALUE);
    byte[] read = readAll(new ReadAheadInputStream(source), 8192);
    assertArrayEquals(data, read);
    // 512 engine reads of 8 KiB; 64 fills of 64 KiB and one that sees the end.
    assertEquals(4 * 1024 * 1024 / ReadAheadInputStream.SIZE + 1, source.requested.size());
    assertTrue(source.requested.stream().allMatch(n -> n == ReadAheadInputStream.SIZE), source.requested::toString);
  }

  @Test
  void aFillIsOneUnderlyingReadAndNeverWaitsForMore() throws IOException {
    Source source = new Source(random(1000), 100);
    ReadAheadInputStream in = new ReadAheadInputStream(source);
    assertEquals(100, in.read(new byte[8192], 0, 8192));
    assertEquals(1, source.requested.size());
  }

  @Test
  void readsAsLargeAsTheBufferGoStraightThroughWhenNothingIsBuffered() throws IOException {
    byte[] data = random(300_000);
    Source source = new Source(data, Integer.MAX_VALUE);
    ReadAheadInputStream in = new ReadAheadInputStream(source);
    byte[] big = new byte[200_000];
    assertEquals(200_000, in.read(big, 0, big.length));
    assertEquals(List.of(200_000), source.requested);
    assertEquals(0, in.pending());
  }

  @Test
  void availableCountsWhatIsBufferedAndWhatIsWaitingBelow() throws IOException {
    Source source = new Source(random(100_000), 30_000);
    ReadAheadInputStream in = new ReadAheadInputStream(source);
    assertEquals(100_000, in.available());
    assertEquals(10, in.read(new byte[10], 0, 10));
    assertEquals(29_990, in.pending());
    assertEquals(100_000 - 10, in.available());
  }

  @Test
  void singleBytesSkipsAndTheEndComeOutInOrder() throws IOException {
    byte[] data = random(70_000);
    ReadAheadInputStream in = new ReadAheadInputStream(new Source(data, 50_000));
    assertEquals(data[0] & 0xff, in.read());
    assertEquals(9, in.skip(9));
    byte[] rest = readAll(in, 1000);
    assertArrayEquals(java.util.Arrays.copyOfRange(data, 10, data.length), rest);
    assertEquals(-1, in.read());
    assertEquals(-1, in.read(new byte[10], 0, 10));
    assertEquals(0, in.read(new byte[10], 0, 0));
  }
}
