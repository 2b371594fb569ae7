package io.netkit.http;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the server answered: status, reason, header fields, the protocol that carried it
 * ({@code http/1.1} or {@code h2}), the URL it answered for (the last one, after redirects), and
 * the body as a stream that the caller must close (closing the response closes it). A status of
 * 404 or 500 is a response like any other: it is data, not an exception.
 *
 * <p>Reading the body fails with a {@link io.netkit.core.NetException} when the body is cut short
 * (fewer bytes than {@code Content-Length}, a broken chunk) or the server goes silent: a body that
 * read to its end without an exception is complete. Not thread-safe.
 */
public final class HttpResponse implements Closeable {
  private final int status;
  private final String reason;
  private final HttpHeaders headers;
  private final String protocol;
  private final URI url;
  private final InputStream body;

  /** A response; {@code body} is closed with it. For the client and for tests. */
  public HttpResponse(
      int status, String reason, HttpHeaders headers, String protocol, URI url, InputStream body) {
    this.status = status;
    this.reason = Objects.requireNonNull(reason, "reason");
    this.headers = Objects.requireNonNull(headers, "headers");
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.url = Objects.requireNonNull(url, "url");
    this.body = Objects.requireNonNull(body, "body");
  }

  /** The status code, e.g. 200. */
  public int status() {
    return status;
  }

  /** The reason phrase (empty on HTTP/2, which has none). */
  public String reason() {
    return reason;
  }

  /** True for a 2xx status. */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** The header fields. */
  public HttpHeaders headers() {
    return headers;
  }

  /** The protocol: {@code http/1.0}, {@code http/1.1} or {@code h2}. */
  public String protocol() {
    return protocol;
  }

  /** The URL this response answers (after any redirects followed). */
  public URI url() {
    return url;
  }

  /** The {@code Content-Length}, when the server gave one. */
  public OptionalLong contentLength() {
    try {
      return headers.first("Content-Length").map(v -> OptionalLong.of(Long.parseLong(v.trim())))
          .orElse(OptionalLong.empty());
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The body, streamed; read it to its end or close the response. */
  public InputStream body() {
    return body;
  }

  /**
   * Reads the whole body, which must be at most {@code maxBytes}.
   *
   * @throws io.netkit.core.NetProtocolException when it is longer
   */
  public byte[] bodyBytes(int maxBytes) throws IOException {
    try (InputStream in = body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (out.size() + n > maxBytes) {
          throw new io.netkit.core.NetProtocolException(
              new io.netkit.core.ErrorContext("http", url.getAuthority()),
              "response body is longer than " + maxBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  /** Reads the whole body (at most 16 MiB) as text in the charset it declares (UTF-8 if none). */
  public String bodyText() throws IOException {
    return new String(bodyBytes(16 << 20), charset());
  }

  private Charset charset() {
    String type = headers.first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    int at = type.indexOf("charset=");
    if (at >= 0) {
      String name = type.substring(at + 8).split(";")[0].replace("\"", "").trim();
      try {
        return Charset.forName(name);
      } catch (RuntimeException unknown) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** Closes the body (and frees the connection). Idempotent. */
  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException ignored) {
      // nothing is left to do with a body being thrown away
    }
  }

  /** {@code 200 OK (h2)}. */
  @Override
  public String toString() {
    return status + (reason.isEmpty() ? "" : " " + reason) + " (" + protocol + ")";
  }
}
