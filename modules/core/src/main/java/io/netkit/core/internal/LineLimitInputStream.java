package io.netkit.core.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails a read as soon as a line runs longer than the limit, so an engine that reads lines with
 * no bound of its own (Commons Net's reply reader) cannot be made to buffer without end.
 */
public final class LineLimitInputStream extends FilterInputStream {
  private final int limit;
  private final ErrorContext context;
  private int lineLength;

  /** Lines of up to {@code limit} bytes plus CRLF pass. */
  public LineLimitInputStream(InputStream in, int limit, ErrorContext context) {
    super(in);
    this.limit = limit;
    this.context = context;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      count((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    for (int i = offset; i < offset + n; i++) {
      count(buffer[i]);
    }
    return n;
  }

  private void count(byte b) throws NetProtocolException {
    if (b == '\n') {
      lineLength = 0;
    } else if (++lineLength > limit + 1) { // + 1 for the CR of the line end
      throw new NetProtocolException(context, "line longer than " + limit + " bytes from the peer");
    }
  }
}
