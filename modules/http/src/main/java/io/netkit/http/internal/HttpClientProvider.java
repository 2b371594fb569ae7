package io.netkit.http.internal;

import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.core.spi.RequestProvider;
import io.netkit.core.spi.RequestSpec;
import io.netkit.http.HttpBody;
import io.netkit.http.HttpClient;
import io.netkit.http.HttpCookieJar;
import io.netkit.http.HttpOptions;
import io.netkit.http.HttpRequest;
import io.netkit.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code http} and {@code https} URL schemes, as curl has them: fetch is a GET that fails on a
 * status of 400 or more ({@code -f}), store is a PUT, delete a DELETE (both need a 2xx), and
 * {@link #exchange} carries curl's request options; {@link #call} is an XML-RPC call to the URL;
 * list reads a directory's index page. Stateless and thread-safe.
 */
public final class HttpClientProvider
    implements ClientProvider, RequestProvider, io.netkit.core.spi.RemoteCallProvider {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(?:\\d+|\\*)");
  private static final Pattern UNSATISFIED = Pattern.compile("bytes \\*/(\\d+)");

  @Override
  public Protocol protocol() {
    return Protocol.HTTP;
  }

  @Override
  public NetClient<?, ?> newClient(NetOptions options) {
    return new HttpClient(options);
  }

  @Override
  public void fetch(URI url, NetOptions options, OutputStream out, TransferListener progress)
      throws IOException {
    exchange(url, options, RequestSpec.DEFAULT, out, progress);
  }

  /**
   * Lists a directory from its index page: the links of an HTML index (nginx's autoindex), or
   * the lines of a plain-text one (testkit's).
   *
   * @throws NetReplyException when the server refuses (a 403 for a directory without index)
   */
  @Override
  public List<ListEntry> list(URI url, NetOptions options) throws IOException {
    try (HttpClient http = connected(url, options, HttpOptions.defaults());
        HttpResponse r = http.get(target(url))) {
      if (!r.isSuccessful()) {
        throw new NetReplyException(errorContext(url), r.status(), r.reason(), "GET " + target(url));
      }
      String page = new String(r.bodyBytes(8 << 20), StandardCharsets.UTF_8);
      return Listings.parse(r.url(), r.headers().first("Content-Type").orElse(null), page);
    }
  }

  @Override
  public void store(
      URI url, NetOptions options, InputStream in, long size, TransferListener progress)
      throws IOException {
    String path = url.getRawPath();
    if (path == null || path.isEmpty() || path.endsWith("/")) {
      throw new IllegalArgumentException("an upload URL must name a file, not " + (path == null || path.isEmpty() ? "/" : path));
    }
    try (HttpClient http = connected(url, options, HttpOptions.defaults())) {
      http.upload(HttpRequest.put(target(url), HttpBody.ofStream(in, size, null)), progress);
    }
  }

  @Override
  public void delete(URI url, NetOptions options) throws IOException {
    try (HttpClient http = connected(url, options, HttpOptions.defaults());
        HttpResponse r = http.delete(target(url))) {
      if (!r.isSuccessful()) {
        throw new NetReplyException(errorContext(url), r.status(), r.reason(), "DELETE " + url.getRawPath());
      }
    }
  }

  @Override
  public Outcome exchange(
      URI url, NetOptions options, RequestSpec spec, OutputStream out, TransferListener progress)
      throws IOException {
    HttpCookieJar jar = new HttpCookieJar();
    if (spec.cookiesIn() != null && Files.exists(spec.cookiesIn())) {
      jar.load(spec.cookiesIn());
    }
    HttpOptions.Builder http =
        HttpOptions.builder()
            .followRedirects(spec.followRedirects())
            .maxRedirects(spec.maxRedirects())
            .cookies(jar);
    if (spec.userAgent() != null) {
      http.userAgent(spec.userAgent());
    }
    HttpRequest request = request(url, spec); // checked before any connection
    try (HttpClient client = connected(url, options, http.build());
        HttpResponse r = client.request(request)) {
      if (spec.resumeFrom() > 0 && (r.status() == 416 || r.status() < 400)
          && checkResume(r, spec.resumeFrom(), url)) {
        return new Outcome(r.status(), r.reason()); // nothing left to fetch
      }
      if (spec.failOnError() && r.status() >= 400) {
        throw new NetReplyException(
            errorContext(url), r.status(), r.reason(), request.method() + " " + request.target());
      }
      if (spec.headersOnly() || spec.includeHeaders()) {
        writeHead(r, out);
      }
      if (!spec.headersOnly()) {
        long total = r.contentLength().orElse(-1);
        byte[] buffer = new byte[64 * 1024];
        long n = 0;
        int read;
        InputStream body = r.body();
        while ((read = body.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
          n += read;
          progress.progress(n, total);
        }
      }
      return new Outcome(r.status(), r.reason());
    } finally {
      if (spec.cookiesOut() != null) {
        jar.save(spec.cookiesOut());
      }
    }
  }

  @Override
  public Object call(URI url, NetOptions options, String method, List<Object> params)
      throws IOException {
    try (io.netkit.http.xmlrpc.XmlRpcClient rpc =
        io.netkit.http.xmlrpc.XmlRpcClient.open(url, options(url, options))) {
      return rpc.call(method, params.toArray());
    }
  }

  /** True when there is nothing left to fetch; fails when the answer would splice wrongly. */
  private static boolean checkResume(HttpResponse r, long from, URI url) throws IOException {
    String range = r.headers().first("Content-Range").orElse("").trim();
    if (r.status() == 416) {
      Matcher m = UNSATISFIED.matcher(range);
      if (m.matches() && Long.parseLong(m.group(1)) == from) {
        return true; // already complete
      }
      throw new NetReplyException(errorContext(url), 416, r.reason(), "resuming at byte " + from);
    }
    Matcher m = CONTENT_RANGE.matcher(range);
    if (r.status() != 206 || !m.matches() || Long.parseLong(m.group(1)) != from) {
      throw new NetProtocolException(
          errorContext(url),
          "the server does not continue at byte " + from + " (status " + r.status()
              + (range.isEmpty() ? "" : ", Content-Range " + range) + "): cannot resume");
    }
    return false;
  }

  private static HttpRequest request(URI url, RequestSpec spec) throws IOException {
    HttpBody body = null;
    if (spec.data() != null) {
      body = HttpBody.of(spec.data(), "application/x-www-form-urlencoded");
    } else if (spec.dataFile() != null) {
      body = HttpBody.ofFile(spec.dataFile(), "application/x-www-form-urlencoded");
    } else if (spec.uploadFile() != null) {
      body = HttpBody.ofFile(spec.uploadFile(), null);
    }
    String method = spec.method();
    if (method == null) {
      method = spec.headersOnly() ? "HEAD"
          : spec.uploadFile() != null ? "PUT"
          : body != null ? "POST" : "GET";
    }
    HttpRequest.Builder b = HttpRequest.builder(method, target(url)).body(body);
    boolean typed = false;
    for (String line : spec.headers()) {
      b.headers(io.netkit.http.HttpHeaders.builder().addLine(line).build());
      typed |= line.regionMatches(true, 0, "Content-Type:", 0, 13);
    }
    if (typed && body != null) {
      // The caller's Content-Type wins over curl's form default.
      b.body(spec.data() != null ? HttpBody.of(spec.data(), null)
          : HttpBody.ofFile(spec.dataFile() != null ? spec.dataFile() : spec.uploadFile(), null));
    }
    if (spec.resumeFrom() > 0) {
      b.header("Range", "bytes=" + spec.resumeFrom() + "-");
    }
    return b.build();
  }

  private static void writeHead(HttpResponse r, OutputStream out) throws IOException {
    StringBuilder s = new StringBuilder();
    String version = r.protocol().equals("h2") ? "HTTP/2" : r.protocol().toUpperCase(java.util.Locale.ROOT);
    s.append(version).append(' ').append(r.status());
    if (!r.reason().isEmpty()) {
      s.append(' ').append(r.reason());
    }
    s.append("\r\n");
    for (Map.Entry<String, String> f : r.headers().fields()) {
      s.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n");
    }
    s.append("\r\n");
    out.write(s.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  private HttpClient connected(URI url, NetOptions options, HttpOptions http) throws IOException {
    return ClientProvider.connected(new HttpClient(options(url, options), http), endpoint(url));
  }

  /** The request target of a URL: its raw path (or {@code /}) and query. */
  static String target(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }

  private static io.netkit.core.ErrorContext errorContext(URI url) {
    int port = url.getPort() > 0 ? url.getPort() : Protocol.HTTP.defaultPort(url.getScheme());
    return new io.netkit.core.ErrorContext(Engine.LABEL, url.getHost() + ":" + port);
  }
}
