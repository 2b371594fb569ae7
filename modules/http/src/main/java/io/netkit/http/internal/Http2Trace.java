package io.netkit.http.internal;

import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import io.netkit.core.trace.TraceMasker;
import io.netkit.core.trace.TraceSink;
import java.io.IOException;
import java.time.Instant;
import okhttp3.Connection;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Traces HTTP/2 exchanges as the HTTP/1 trace shows them (request line, headers, status line,
 * headers; credentials masked; no bodies), since HTTP/2's binary, compressed frames are not
 * readable on the socket. A network interceptor: it sees each exchange as sent on its
 * connection. HTTP/1 exchanges pass untouched (the socket trace shows them).
 */
final class Http2Trace implements Interceptor {
  private final TraceSink sink;
  private final TraceMasker masker;

  Http2Trace(TraceSink sink, TraceMasker masker) {
    this.sink = sink;
    this.masker = masker;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection == null || connection.protocol() != Protocol.HTTP_2) {
      return chain.proceed(chain.request());
    }
    Request request = chain.request();
    String label = "http/2 " + request.url().host() + ":" + request.url().port();
    String path = request.url().encodedPath()
        + (request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery());
    record(label, Direction.SENT, request.method() + " " + path + " HTTP/2");
    headers(label, Direction.SENT, request.headers());
    Response response = chain.proceed(request);
    record(label, Direction.RECEIVED, "HTTP/2 " + response.code());
    headers(label, Direction.RECEIVED, response.headers());
    return response;
  }

  private void headers(String label, Direction direction, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      record(label, direction, HttpTraceMasker.masked(headers.name(i) + ": " + headers.value(i)));
    }
  }

  private void record(String label, Direction direction, String text) {
    try {
      String masked = masker.mask(direction, text);
      if (masked != null) {
        sink.record(new TraceEvent(Instant.now(), label, direction, masked));
      }
    } catch (RuntimeException brokenSink) {
      // a broken sink must never break the exchange it watches
    }
  }
}
