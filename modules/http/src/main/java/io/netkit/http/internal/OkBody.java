package io.netkit.http.internal;

import io.netkit.core.TransferListener;
import io.netkit.http.HttpBody;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A {@link HttpBody} as OkHttp sends it: streamed onto the connection piece by piece (memory
 * stays flat whatever the size; Okio's segments carry it), reporting progress, and one-shot for a
 * stream so OkHttp never tries to resend it. A body that is not as long as it announced fails
 * the request.
 */
final class OkBody extends RequestBody {
  private final HttpBody body;
  private final TransferListener progress;

  OkBody(HttpBody body, TransferListener progress) {
    this.body = body;
    this.progress = progress;
  }

  @Override
  public MediaType contentType() {
    return body.contentType() == null ? null : MediaType.parse(body.contentType());
  }

  @Override
  public long contentLength() {
    return body.length();
  }

  @Override
  public boolean isOneShot() {
    return !body.replayable();
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    long total = body.length();
    long sent = body.writeTo(new FilterOutputStream(sink.outputStream()) {
      private long n;

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        progress.progress(++n, total);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        n += len;
        progress.progress(n, total);
      }

      @Override
      public void close() {
        // OkHttp closes the sink itself
      }
    });
    if (total >= 0 && sent != total) {
      throw new java.net.ProtocolException(
          "the request body had " + sent + " bytes where " + total + " were announced");
    }
  }
}
