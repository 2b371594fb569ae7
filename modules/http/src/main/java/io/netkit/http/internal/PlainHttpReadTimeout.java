package io.netkit.http.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Lets plain {@code http://} exchanges read without OkHttp's own read timeout, leaving it to the
 * core's socket, which bounds every read by the same {@link io.netkit.core.NetOptions#readTimeout()}
 * and reports it as a {@code NetTimeoutException}. Why: OkHttp arms Okio's {@code AsyncTimeout}
 * around each read of at most 8 KiB, a lock and a watchdog-queue insertion and removal every
 * time; on a bulk download that is tens of thousands of times for nothing, since the socket below
 * times out anyway. Only plain {@code http://}: OkHttp speaks HTTP/1.1 there (HTTP/2 comes only
 * through TLS's ALPN), where one exchange owns the connection and a silent server is a silent
 * socket. {@code https://} keeps OkHttp's read timeout, because an HTTP/2 stream waits on a
 * connection that pings (and other streams) keep busy, where the socket's timeout cannot see one
 * stalled stream. An application interceptor: timeouts cannot be changed once the exchange exists.
 * Stateless and thread-safe.
 */
final class PlainHttpReadTimeout implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    if (chain.request().isHttps()) {
      return chain.proceed(chain.request());
    }
    return chain.withReadTimeout(0, TimeUnit.MILLISECONDS).proceed(chain.request());
  }
}
