package io.netkit.http.internal;

import io.netkit.core.Credentials;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.core.TransferListener;
import io.netkit.http.HttpBody;
import io.netkit.http.HttpHeaders;
import io.netkit.http.HttpOptions;
import io.netkit.http.HttpRequest;
import io.netkit.http.HttpResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One netkit client's HTTP session: the origin it is bound to, the endpoint's credentials, and
 * the OkHttp client. It sends requests and follows redirects by netkit's rules: only when asked,
 * at most the limit, never from https to http unless allowed, and the credentials (the
 * endpoint's Basic login, and any {@code Authorization}, {@code Cookie} or {@code
 * Proxy-Authorization} header the caller set) only to the origin they were given for (curl's
 * CVE-2018-1000007). Not thread-safe.
 */
public final class Session {
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<String> CALLER_SECRETS =
      Set.of("authorization", "cookie", "proxy-authorization");

  private final Clients clients;
  private final HttpUrl origin;
  private final Credentials login;
  private final HttpOptions http;
  private final ErrorContext context;
  private volatile boolean closed;

  /** A session on {@code origin} ({@code scheme://host:port/}); {@code login} may be null. */
  public Session(Clients clients, HttpUrl origin, Credentials login, HttpOptions http) {
    this.clients = clients;
    this.origin = origin;
    this.login = login;
    this.http = http;
    this.context = new ErrorContext(Engine.LABEL, origin.host() + ":" + origin.port());
  }

  /** The origin this session is bound to. */
  public HttpUrl origin() {
    return origin;
  }

  /** Where failures happen. */
  public ErrorContext context() {
    return context;
  }

  /** The URL a request target names: an absolute http(s) URL, or a path on the origin. */
  public HttpUrl resolve(String target) {
    String lower = target.toLowerCase(Locale.ROOT);
    HttpUrl url =
        lower.startsWith("http://") || lower.startsWith("https://")
            ? HttpUrl.parse(target)
            : target.startsWith("/") ? origin.resolve(target) : null;
    if (url == null) {
      throw new IllegalArgumentException(
          "request target must be an absolute path (/...) or an http(s) URL: " + target);
    }
    return url;
  }

  /** Sends {@code request}, following redirects if the options say so. */
  public HttpResponse execute(HttpRequest request, TransferListener upload) throws IOException {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    HttpUrl first = resolve(request.target());
    HttpUrl url = first;
    String method = request.method();
    HttpBody body = request.body().orElse(null);
    HttpHeaders headers = request.headers();
    for (int redirects = 0; ; redirects++) {
      Response response = send(build(url, first, method, headers, body, upload));
      String location = response.header("Location");
      if (!http.followRedirects() || !REDIRECTS.contains(response.code()) || location == null) {
        return wrap(response, method + " " + url.encodedPath());
      }
      response.close();
      if (redirects >= http.maxRedirects()) {
        throw new NetProtocolException(
            context, "more than " + http.maxRedirects() + " redirects, the last to " + location);
      }
      HttpUrl next = url.resolve(location);
      if (next == null) {
        throw new NetProtocolException(context, "redirect to an unusable location: " + location);
      }
      if (url.isHttps() && !next.isHttps() && !http.allowHttpsToHttp()) {
        throw new NetProtocolException(
            context, "redirect from https to http refused (" + redact(next) + ")");
      }
      int code = response.code();
      boolean toGet = code == 303 ? !method.equals("HEAD")
          : (code == 301 || code == 302) && method.equals("POST");
      if (toGet) {
        method = "GET";
        body = null;
        headers = headers.toBuilder().remove("Content-Type").remove("Content-Length").build();
      } else if (body != null && !body.replayable()) {
        throw new NetProtocolException(
            context, "a " + code + " redirect asks to send the streamed body again, which is gone");
      }
      url = next;
    }
  }

  private Request build(
      HttpUrl url, HttpUrl first, String method, HttpHeaders headers, HttpBody body,
      TransferListener upload) {
    boolean sameAsFirst = sameOrigin(url, first);
    Headers.Builder h = new Headers.Builder();
    for (Map.Entry<String, String> f : headers.fields()) {
      if (sameAsFirst || !CALLER_SECRETS.contains(f.getKey().toLowerCase(Locale.ROOT))) {
        h.add(f.getKey(), f.getValue());
      }
    }
    if (h.get("User-Agent") == null) {
      h.add("User-Agent", http.userAgent());
    }
    if (login != null && sameOrigin(url, origin) && h.get("Authorization") == null) {
      h.add("Authorization", okhttp3.Credentials.basic(login.user(), login.password()));
    }
    RequestBody okBody = body == null ? null : new OkBody(body, upload);
    if (okBody == null && requiresBody(method)) {
      okBody = RequestBody.create(new byte[0], null);
    }
    return new Request.Builder().url(url).headers(h.build()).method(method, okBody).build();
  }

  private static boolean requiresBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
        || method.equals("PROPPATCH") || method.equals("REPORT");
  }

  private Response send(Request request) throws IOException {
    try {
      return clients.forUrl(request.url()).newCall(request).execute();
    } catch (IOException e) {
      throw Failures.translate(e, contextOf(request.url()), request.method() + " " + redact(request.url()));
    }
  }

  private HttpResponse wrap(Response response, String doing) throws NetProtocolException {
    checkContentLength(response, doing);
    HttpHeaders.Builder headers = HttpHeaders.builder();
    Headers h = response.headers();
    for (int i = 0; i < h.size(); i++) {
      try {
        headers.add(h.name(i), h.value(i));
      } catch (IllegalArgumentException odd) {
        // OkHttp accepted a field our stricter check does not (a non-Latin-1 value): skip it
      }
    }
    return new HttpResponse(
        response.code(),
        response.message(),
        headers.build(),
        response.protocol().toString(),
        uri(response.request().url()),
        new ResponseStream(
            response.body().byteStream(), response, contextOf(response.request().url()), doing,
            response.body().contentLength()));
  }

  /**
   * The URL as a {@link java.net.URI}, as {@link HttpUrl#uri()} gives it. That re-encodes the URL
   * through a builder every time (about 1.8 KB and 1.7 us for a short URL); a URL whose string
   * {@code java.net.URI} already accepts is the same after re-encoding (what it re-encodes, such as
   * {@code [ ] | ^ \ { }}, is what {@code java.net.URI} refuses), so its string is parsed directly.
   */
  static java.net.URI uri(HttpUrl url) {
    try {
      return java.net.URI.create(url.toString());
    } catch (IllegalArgumentException needsReencoding) {
      return url.uri();
    }
  }

  /**
   * Refuses a Content-Length that is not one decimal number of at most 63 bits: OkHttp reads a
   * negative one as a negative byte count (an unchecked exception deep in okio) and one beyond
   * 63 bits as "unknown", which would take a body cut short by the close as complete.
   */
  private void checkContentLength(Response response, String doing) throws NetProtocolException {
    for (String value : response.headers("Content-Length")) {
      String v = value.strip();
      boolean digits = !v.isEmpty() && allDigits(v);
      boolean valid = digits && v.length() <= 18;
      if (!valid && digits && v.length() == 19) {
        valid = v.compareTo(String.valueOf(Long.MAX_VALUE)) <= 0;
      }
      if (!valid) {
        try {
          response.close();
        } catch (RuntimeException undiscardable) {
          // OkHttp cannot skip a body of negative length; the session's close drops the socket
        }
        throw new NetProtocolException(contextOf(response.request().url()),
            doing + ": the server announced an invalid Content-Length");
      }
    }
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private ErrorContext contextOf(HttpUrl url) {
    return sameOrigin(url, origin) ? context : new ErrorContext(Engine.LABEL, url.host() + ":" + url.port());
  }

  /** Same scheme, host and port. */
  static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  /** A URL for a message: without userinfo or query. */
  static String redact(HttpUrl url) {
    return url.newBuilder().username("").password("").query(null).build().toString();
  }


  /** Frees the connections and threads. Idempotent. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    clients.close();
  }

  /** True until closed. */
  public boolean isOpen() {
    return !closed;
  }
}
