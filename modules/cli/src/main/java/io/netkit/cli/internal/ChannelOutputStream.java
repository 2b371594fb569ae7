package io.netkit.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;

/**
 * A buffered output stream into a channel through one direct buffer of {@value #BUFFER} bytes:
 * each byte is copied once, into the buffer, which the channel then writes with no further
 * copy (a {@link java.io.BufferedOutputStream} over a {@link java.io.FileOutputStream} copies
 * twice: into its buffer, then into a native one for every write). 64 KiB, because larger
 * writes cost more per byte here (the buffer falls out of the core's cache; measured in issue
 * 17). Not thread-safe.
 */
final class ChannelOutputStream extends OutputStream {
  static final int BUFFER = 64 * 1024;

  private final WritableByteChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);

  ChannelOutputStream(WritableByteChannel channel) {
    this.channel = channel;
  }

  @Override
  public void write(int b) throws IOException {
    if (!buffer.hasRemaining()) {
      drain();
    }
    buffer.put((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    while (len > 0) {
      if (!buffer.hasRemaining()) {
        drain();
      }
      int n = Math.min(len, buffer.remaining());
      buffer.put(b, off, n);
      off += n;
      len -= n;
    }
  }

  @Override
  public void flush() throws IOException {
    drain();
  }

  @Override
  public void close() throws IOException {
    if (!channel.isOpen()) {
      return;
    }
    try {
      drain();
    } finally {
      channel.close();
    }
  }

  private void drain() throws IOException {
    buffer.flip();
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } finally {
      buffer.clear();
    }
  }
}
