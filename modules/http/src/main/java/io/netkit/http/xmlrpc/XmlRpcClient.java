package io.netkit.http.xmlrpc;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.http.HttpBody;
import io.netkit.http.HttpClient;
import io.netkit.http.HttpRequest;
import io.netkit.http.HttpResponse;
import io.netkit.http.xmlrpc.internal.XmlRpcParser;
import io.netkit.http.xmlrpc.internal.XmlRpcWriter;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * An XML-RPC client over netkit's {@link HttpClient}: {@code call("examples.add", 2, 3)} POSTs a
 * {@code methodCall} and returns the result as a plain Java value, or throws {@link
 * XmlRpcFaultException} with the server's fault code and string.
 *
 * <pre>{@code
 * try (XmlRpcClient rpc = XmlRpcClient.open(URI.create("https://example.org/RPC2"), options)) {
 *   int sum = rpc.call(Integer.class, "examples.add", 2, 3);
 * }
 * }</pre>
 *
 * <p>Types: int/i4 (Integer), i8 (Long), boolean, string, double, dateTime.iso8601
 * (LocalDateTime; OffsetDateTime parameters are sent as UTC), base64 (byte[]), struct
 * (Map&lt;String, Object&gt;, in order), array (List), nil (null). The request is written onto the
 * connection as it is sent, never built whole in memory; the response is parsed as it arrives
 * by the JDK's StAX parser with DOCTYPEs refused outright, external entities and DTD loading
 * off, and bounded size (16 MiB unless set) and depth (64). No Java object is ever deserialized:
 * unlike Apache XML-RPC (CVE-2019-17570), a server cannot make this client instantiate a class.
 *
 * <p>Failures: an HTTP status other than 200 is a {@link NetReplyException}; a malformed or
 * oversized response a {@link NetProtocolException}; network failures as for {@link
 * HttpClient}. Not thread-safe.
 */
public final class XmlRpcClient implements AutoCloseable {
  /** The default bound of a response, in bytes. */
  public static final long DEFAULT_MAX_BYTES = 16L << 20;
  /** The default bound of value nesting. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  private final HttpClient http;
  private final String path;
  private final boolean owned;
  private final long maxBytes;
  private final int maxDepth;

  private XmlRpcClient(HttpClient http, String path, boolean owned, long maxBytes, int maxDepth) {
    this.http = Objects.requireNonNull(http, "http");
    this.path = Objects.requireNonNull(path, "path");
    this.owned = owned;
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
  }

  /** Calls the endpoint at {@code path} through {@code http}, a connected client (not closed by this one). */
  public static XmlRpcClient over(HttpClient http, String path) {
    return new XmlRpcClient(http, path, false, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
  }

  /** A client of its own for the endpoint URL (http or https; https gets implicit TLS). */
  public static XmlRpcClient open(URI endpoint, NetOptions options) {
    NetOptions o = "https".equalsIgnoreCase(endpoint.getScheme())
        ? options.toBuilder().tlsMode(io.netkit.core.TlsMode.IMPLICIT).build()
        : options;
    HttpClient http = new HttpClient(o);
    http.connect(endpoint);
    String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
    return new XmlRpcClient(http, path, true, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
  }

  /** The same client with other bounds on responses. */
  public XmlRpcClient limits(long maxResponseBytes, int maxNesting) {
    if (maxResponseBytes < 64 || maxNesting < 1) {
      throw new IllegalArgumentException("limits too small");
    }
    return new XmlRpcClient(http, path, owned, maxResponseBytes, maxNesting);
  }

  /**
   * Calls {@code method} with {@code params}; returns its result.
   *
   * @throws XmlRpcFaultException when the server answers with a fault
   * @throws IllegalArgumentException for a method name or parameter XML-RPC cannot carry, before
   *     anything is sent
   */
  public Object call(String method, Object... params) throws IOException {
    checkName(method);
    Object[] args = params == null ? new Object[] {null} : params.clone();
    XmlRpcWriter.check(args);
    HttpRequest request = HttpRequest.builder("POST", path)
        .header("Accept", "text/xml")
        .body(HttpBody.streaming(out -> XmlRpcWriter.writeCall(out, method, args), "text/xml"))
        .build();
    try (HttpResponse r = http.request(request)) {
      ErrorContext context = new ErrorContext("xmlrpc", r.url().getAuthority());
      if (r.status() != 200) {
        throw new NetReplyException(context, r.status(), r.reason(), "XML-RPC call " + method);
      }
      return new XmlRpcParser(context, maxBytes, maxDepth).parseResponse(r.body(), method);
    }
  }

  /**
   * Calls {@code method} and returns its result as {@code type}.
   *
   * @throws NetProtocolException when the result is of another type
   */
  public <T> T call(Class<T> type, String method, Object... params) throws IOException {
    Object result = call(method, params);
    if (result != null && !type.isInstance(result)) {
      throw new NetProtocolException(new ErrorContext("xmlrpc", http.origin().getAuthority()),
          method + " returned " + result.getClass().getSimpleName() + " where "
              + type.getSimpleName() + " was expected");
    }
    return type.cast(result);
  }

  private static void checkName(String method) {
    Objects.requireNonNull(method, "method");
    if (method.isEmpty() || !method.chars().allMatch(
        c -> Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == ':' || c == '/')) {
      throw new IllegalArgumentException("not an XML-RPC method name: '" + method + "'");
    }
  }

  /** Closes the HTTP client if this client opened it. */
  @Override
  public void close() {
    if (owned) {
      http.close();
    }
  }

}
