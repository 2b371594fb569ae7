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
