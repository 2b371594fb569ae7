package io.netkit.http.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetTruncatedException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response body as the caller reads it: OkHttp's stream (which already fails when the body is
 * shorter than its {@code Content-Length} or a chunk is broken) with its failures typed as
 * netkit's, and closing the OkHttp response when closed so the connection is freed.
 */
final class ResponseStream extends FilterInputStream {
  /** The largest announced body {@link #readAllBytes()} reads into one array of its length. */
  static final int PRESIZED_MAX = 64 * 1024;

  private final AutoCloseable response;
  private final ErrorContext context;
  private final String doing;
  private final long expected;
  private long received;
  private boolean closed;

  /** {@code expected}: the body's {@code Content-Length}, or -1 (chunked, or until the close). */
  ResponseStream(InputStream in, AutoCloseable response, ErrorContext context, String doing, long expected) {
    super(in);
    this.response = response;
    this.context = context;
    this.doing = doing;
    this.expected = expected;
  }

  /**
   * OkHttp's failure typed: a body that ended early (fewer bytes than its {@code Content-Length},
   * a close in the middle of a chunk or before the last chunk) is a {@link NetTruncatedException};
   * a malformed chunk size stays a protocol error.
   */
  private IOException failure(IOException e) {
    String why = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof EOFException || why.contains("unexpected end of stream")) {
      return new NetTruncatedException(context,
          doing + " (response body): the connection closed after " + received
              + (expected >= 0 ? " of " + expected + " announced" : "") + " bytes of the body",
          expected, received, e);
    }
    return Failures.translate(e, context, doing + " (response body)");
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      if (b >= 0) {
        received++;
      }
      return b;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      int n = super.read(b, off, len);
      if (n > 0) {
        received += n;
      }
      return n;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /**
   * As {@link InputStream#readAllBytes()}; a body whose announced length is at most {@value
   * #PRESIZED_MAX} bytes is read straight into one array of that length (as OkHttp's {@code
   * ResponseBody.bytes()} does), not through 8 KiB chunks copied again into the result. A body cut
   * short fails as every read does.
   */
  @Override
  public byte[] readAllBytes() throws IOException {
    long remaining = expected - received;
    if (expected < 0 || remaining <= 0 || remaining > PRESIZED_MAX) {
      return super.readAllBytes();
    }
    byte[] all = new byte[(int) remaining];
    int n = 0;
    while (n < all.length) {
      int r = read(all, n, all.length - n);
      if (r < 0) {
        return java.util.Arrays.copyOf(all, n); // no body after all (HEAD, 304)
      }
      n += r;
    }
    int more = read();
    if (more < 0) {
      return all;
    }
    byte[] rest = super.readAllBytes(); // longer than announced: cannot happen through OkHttp
    byte[] whole = java.util.Arrays.copyOf(all, all.length + 1 + rest.length);
    whole[all.length] = (byte) more;
    System.arraycopy(rest, 0, whole, all.length + 1, rest.length);
    return whole;
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      long skipped = super.skip(n);
      received += Math.max(0, skipped);
      return skipped;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      response.close();
    } catch (Exception ignored) {
      // a body being thrown away: nothing more to do
    }
  }
}
