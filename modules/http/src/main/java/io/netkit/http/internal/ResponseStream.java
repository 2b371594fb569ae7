package io.netkit.http.internal;

import io.netkit.core.ErrorContext;
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
  private boolean closed;

  ResponseStream(InputStream in, AutoCloseable response, ErrorContext context, String doing) {
    super(in);
    this.response = response;
    this.context = context;
    this.doing = doing;
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException e) {
      throw Failures.translate(e, context, doing + " (response body)");
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return super.read(b, off, len);
    } catch (IOException e) {
      throw Failures.translate(e, context, doing + " (response body)");
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (IOException e) {
      throw Failures.translate(e, context, doing + " (response body)");
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
