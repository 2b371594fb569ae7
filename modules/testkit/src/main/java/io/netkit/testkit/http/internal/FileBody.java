package io.netkit.testkit.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** A response body streamed from a file (a range of it), so large files are never in memory. */
public final class FileBody implements MockResponseBody {
  private final Path file;
  private final long offset;
  private final long length;

  /** {@code length} bytes of {@code file} from {@code offset}. */
  public FileBody(Path file, long offset, long length) {
    this.file = file;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public long getContentLength() {
    return length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(offset);
      long left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new IOException(file + " shrank while being served");
        }
        sink.write(buffer, 0, n);
        left -= n;
      }
    }
  }
}
