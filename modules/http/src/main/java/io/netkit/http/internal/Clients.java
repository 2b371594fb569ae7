package io.netkit.http.internal;

import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The OkHttp clients of one session: one for {@code http://} URLs, and the one for {@code
 * https://} made from it on the first such URL (sharing its connection pool, dispatcher and
 * settings). Building an OkHttp client with TLS reads the trust store at once (its certificate
 * chain cleaner asks the trust manager for every accepted issuer): about 60 ms of a plain
 * {@code netkit get http://...}'s 0.3 s start, spent on certificates it never needed. Thread-safe.
 */
public final class Clients {
  private final OkHttpClient plain;
  private final UnaryOperator<OkHttpClient.Builder> withTls;
  private volatile OkHttpClient tls;

  Clients(OkHttpClient plain, UnaryOperator<OkHttpClient.Builder> withTls) {
    this.plain = plain;
    this.withTls = withTls;
  }

  /** The client for {@code url}: the TLS one, made now if needed, for {@code https://}. */
  public OkHttpClient forUrl(HttpUrl url) {
    return url.isHttps() ? tls() : plain;
  }

  private OkHttpClient tls() {
    OkHttpClient made = tls;
    if (made == null) {
      synchronized (this) {
        made = tls;
        if (made == null) {
          made = withTls.apply(plain.newBuilder()).build();
          tls = made;
        }
      }
    }
    return made;
  }

  /** Whether the TLS client has been made (tests: a plain session never makes it). */
  boolean madeTls() {
    return tls != null;
  }

  /** Stops the shared dispatcher's threads and closes the pooled connections of both. */
  public void close() {
    plain.dispatcher().executorService().shutdown();
    plain.connectionPool().evictAll();
  }
}
