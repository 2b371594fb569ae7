package io.netkit.http;

import io.netkit.core.Endpoint;
import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.NetReplyException;
import io.netkit.core.Protocol;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import io.netkit.http.internal.Downloads;
import io.netkit.http.internal.Engine;
import io.netkit.http.internal.Session;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * An HTTP/1.1 and HTTP/2 client on OkHttp whose every socket is the netkit core's, so timeouts,
 * the deadline, TLS verification and the wire trace behave as in every other module.
 *
 * <pre>{@code
 * try (HttpClient http = new HttpClient(NetOptions.defaults())) {
 *   http.connect(URI.create("https://example.org/"));
 *   try (HttpResponse r = http.get("/index.html")) {
 *     System.out.println(r.status() + " " + r.bodyText());
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #connect} binds the client to an origin (https with {@link TlsMode#IMPLICIT}, port 80
 * or 443 unless given); connections are opened on demand, kept alive and reused (HTTP/2 when the
 * server offers it through ALPN). Requests name a path on that origin or an absolute URL. The
 * endpoint's credentials are sent as Basic authentication to that origin only. Cookies are kept
 * for the client's session. Redirects are followed only as {@link HttpOptions} says.
 *
 * <p>Failures: a status such as 404 or 500 is a {@link HttpResponse}, not an exception (the
 * download and upload helpers, which need success, throw {@link NetReplyException} for it). A
 * connection that fails, times out or cuts a body short throws a {@link
 * io.netkit.core.NetException} subtype; the server may have acted on the request before the
 * failure. Headers or methods with CR, LF or NUL, or that are not tokens, are refused before
 * anything is sent.
 *
 * <p>Not thread-safe: one client per thread (the connections underneath are pooled per client).
 */
public final class HttpClient implements NetClient<HttpRequest, HttpResponse> {
  private final NetOptions options;
  private final HttpOptions httpOptions;
  private final HttpCookieJar cookies;
  private Session session;

  /** A client with these options and HTTP defaults. */
  public HttpClient(NetOptions options) {
    this(options, HttpOptions.defaults());
  }

  /** A client with these options. */
  public HttpClient(NetOptions options, HttpOptions httpOptions) {
    this.options = Objects.requireNonNull(options, "options");
    this.httpOptions = Objects.requireNonNull(httpOptions, "httpOptions");
    this.cookies = httpOptions.cookies() == null ? new HttpCookieJar() : httpOptions.cookies();
  }

  @Override
  public Protocol protocol() {
    return Protocol.HTTP;
  }

  /**
   * Binds to the endpoint's origin: https when the options' TLS mode is {@link TlsMode#IMPLICIT},
   * else http. Nothing is sent yet.
   *
   * @throws IllegalArgumentException for a STARTTLS mode (HTTP has none: use https)
   */
  @Override
  public void connect(Endpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    TlsMode mode = options.tlsMode();
    if (mode == TlsMode.STARTTLS_REQUIRED || mode == TlsMode.STARTTLS_IF_OFFERED) {
      throw new IllegalArgumentException("HTTP has no STARTTLS: use https (TLS mode IMPLICIT)");
    }
    bind(mode == TlsMode.IMPLICIT ? "https" : "http", endpoint);
  }

  /** Binds to the origin of an {@code http} or {@code https} URL (its path is ignored). */
  public void connect(URI url) {
    String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http(s) URL: " + url.getScheme());
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("URL has no host");
    }
    Endpoint endpoint = Endpoint.of(url.getHost(), Math.max(url.getPort(), 0));
    String info = url.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':'); // split before decoding: a %3A belongs to the name or password
      endpoint = endpoint.withCredentials(new io.netkit.core.Credentials(
          io.netkit.core.spi.ClientProvider.decode(colon < 0 ? info : info.substring(0, colon)),
          colon < 0 ? "" : io.netkit.core.spi.ClientProvider.decode(info.substring(colon + 1))));
    }
    bind(scheme, endpoint);
  }

  private void bind(String scheme, Endpoint endpoint) {
    if (session != null) {
      throw new IllegalStateException("already connected");
    }
    int port = endpoint.hasPort() ? endpoint.port() : Protocol.HTTP.defaultPort(scheme);
    HttpUrl origin = new HttpUrl.Builder().scheme(scheme).host(endpoint.host()).port(port).build();
    session = new Session(
        Engine.build(options, httpOptions, cookies.store()),
        origin,
        endpoint.credentials().orElse(null),
        httpOptions);
  }

  /** The origin bound to, e.g. {@code https://example.org:443/}. */
  public URI origin() {
    return requireSession().origin().uri();
  }

  /** This session's cookies. */
  public HttpCookieJar cookies() {
    return cookies;
  }

  /** Sends a request; the caller closes the response. */
  @Override
  public HttpResponse request(HttpRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    return requireSession().execute(request, TransferListener.NONE);
  }

  /** {@code GET target}. */
  public HttpResponse get(String target) throws IOException {
    return request(HttpRequest.get(target));
  }

  /** {@code HEAD target} (the response has no body). */
  public HttpResponse head(String target) throws IOException {
    return request(HttpRequest.head(target));
  }

  /** {@code DELETE target}. */
  public HttpResponse delete(String target) throws IOException {
    return request(HttpRequest.delete(target));
  }

  /** {@code POST target} with {@code body}. */
  public HttpResponse post(String target, HttpBody body) throws IOException {
    return request(HttpRequest.post(target, body));
  }

  /** {@code PUT target} with {@code body}. */
  public HttpResponse put(String target, HttpBody body) throws IOException {
    return request(HttpRequest.put(target, body));
  }

  /** {@code POST target} of an urlencoded form. */
  public HttpResponse postForm(String target, Map<String, String> fields) throws IOException {
    return request(HttpRequest.form(target, fields));
  }

  /**
   * Downloads {@code target} into {@code file}: the bytes go to {@code <file>.part}, renamed to
   * {@code file} once complete; on failure {@code file} is untouched and the part file stays for
   * {@link #resume}. Returns the byte count.
   *
   * @throws NetReplyException when the status is not 2xx (no part file is written)
   */
  public long download(String target, Path file, TransferListener progress) throws IOException {
    return new Downloads(requireSession()).download(target, file, progress);
  }

  /**
   * Continues a download with {@code Range}: from {@code <file>.part} when {@link #download} left
   * one (checked against the first response's validator, so a changed file is fetched whole
   * rather than spliced), else by appending to {@code file}. Returns the bytes moved by this call.
   */
  public long resume(String target, Path file, TransferListener progress) throws IOException {
    return new Downloads(requireSession()).resume(target, file, progress);
  }

  /**
   * Uploads a file with {@code PUT}; returns the status (2xx).
   *
   * @throws NetReplyException when the server answers otherwise
   */
  public int upload(String target, Path file, TransferListener progress) throws IOException {
    return upload(HttpRequest.put(target, HttpBody.ofFile(file, null)), progress);
  }

  /** Uploads {@code in} (read to its end, not closed) with {@code PUT}; returns the status. */
  public int upload(String target, InputStream in, long length, TransferListener progress)
      throws IOException {
    return upload(HttpRequest.put(target, HttpBody.ofStream(in, length, null)), progress);
  }

  /** Sends a request with a body, reporting its progress; returns the 2xx status. */
  public int upload(HttpRequest request, TransferListener progress) throws IOException {
    try (HttpResponse r = requireSession().execute(request, progress)) {
      if (!r.isSuccessful()) {
        throw new NetReplyException(
            requireSession().context(), r.status(), r.reason(), request.toString());
      }
      return r.status();
    }
  }

  @Override
  public boolean isConnected() {
    return session != null && session.isOpen();
  }

  /** Closes the pooled connections. Idempotent. */
  @Override
  public void close() {
    if (session != null) {
      session.close();
    }
  }

  private Session requireSession() {
    if (session == null || !session.isOpen()) {
      throw new IllegalStateException("not connected");
    }
    return session;
  }
}
