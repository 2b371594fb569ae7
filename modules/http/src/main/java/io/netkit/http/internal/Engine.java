package io.netkit.http.internal;

import io.netkit.core.NetOptions;
import io.netkit.core.Proxy;
import io.netkit.core.transport.SocketFactories;
import io.netkit.http.HttpOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.CookieJar;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * Builds the one OkHttp client of a netkit client: every socket from the core's factories (plain,
 * and TLS layered over a plain one, also inside a proxy tunnel), so the core's timeouts,
 * deadline, trust and trace apply to each connection. OkHttp's own timeouts get the same values
 * (its write timeout twice the core's, as a backstop behind it; its call timeout the deadline);
 * redirects are left to {@link Session}, which follows them by netkit's rules; the system's proxy
 * selector is never consulted (only {@link NetOptions#proxy()} counts).
 */
public final class Engine {
  /** The label of HTTP connections in traces and errors. */
  public static final String LABEL = "http";

  private Engine() {}

  /**
   * The OkHttp clients for these options, keeping cookies in {@code cookies}: the plain one now,
   * the TLS one when the first {@code https://} URL needs it (see {@link Clients}).
   */
  public static Clients build(NetOptions options, HttpOptions http, CookieJar cookies) {
    NetOptions sockets =
        options.toBuilder()
            .traceMasker(options.traceMasker().andThen(new HttpTraceMasker(http.traceBodies())))
            .build();
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .socketFactory(SocketFactories.plain(sockets, LABEL))
            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
            .connectTimeout(options.connectTimeout())
            .readTimeout(options.readTimeout())
            // The core bounds each write by the read timeout and reports it as a timeout;
            // OkHttp's own write timeout is a backstop behind it, or the two would race and
            // OkHttp's close would surface as the core's "socket closed".
            .writeTimeout(options.readTimeout().multipliedBy(2))
            .callTimeout(options.deadline().orElse(Duration.ZERO))
            // An idle HTTP/2 connection reads with the core's read timeout (it never waits
            // forever): pings keep a healthy idle connection talking within it.
            .pingInterval(options.readTimeout().dividedBy(2))
            .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1))
            .followRedirects(false)
            .followSslRedirects(false)
            .cookieJar(cookies)
            .proxy(java.net.Proxy.NO_PROXY)
            .addInterceptor(new PlainHttpReadTimeout());
    if (!options.trust().verifiesHostnames()) {
      b.hostnameVerifier((host, session) -> true); // the loudly named insecure test trust
    }
    options.proxy().ifPresent(p -> proxy(b, p));
    options.trace().ifPresent(sink -> b.addNetworkInterceptor(
        new Http2Trace(sink, options.traceMasker().forConnection())));
    return new Clients(
        b.build(),
        plain ->
            plain
                .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
                .sslSocketFactory(
                    SocketFactories.tls(sockets, LABEL), SocketFactories.trustManager(sockets)));
  }

  private static void proxy(OkHttpClient.Builder b, Proxy p) {
    b.proxy(
        new java.net.Proxy(
            java.net.Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port())));
    p.credentials()
        .ifPresent(
            login -> {
              String basic = okhttp3.Credentials.basic(login.user(), login.password());
              // Asked before a CONNECT tunnel (preemptively) and after a 407: answer once only.
              b.proxyAuthenticator(
                  (route, response) ->
                      basic.equals(response.request().header("Proxy-Authorization"))
                          ? null
                          : response.request().newBuilder()
                              .header("Proxy-Authorization", basic)
                              .build());
            });
  }
}
