package io.netkit.core.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to make one request, in curl's terms, for a provider that is a {@link RequestProvider}: the
 * {@code netkit get} options ({@code -X}, {@code -H}, {@code -d}, {@code -T}, {@code -I},
 * {@code -i}, {@code -L}, {@code -C -}, {@code -b}, {@code -c}, {@code -A}) carried to the
 * protocol module without the command knowing the protocol. Immutable.
 *
 * @param method the request method, or null for the protocol's default (what curl picks: GET,
 *     POST with data, PUT with an upload file, HEAD with {@code headersOnly})
 * @param headers extra header lines, {@code "Name: value"}
 * @param data bytes to send as the body ({@code -d}), or null
 * @param dataFile a file to send as the body ({@code --data-binary @FILE}), or null
 * @param uploadFile a file to upload ({@code -T FILE}), or null
 * @param headersOnly ask for the headers only and print them ({@code -I})
 * @param includeHeaders print the response headers before the body ({@code -i})
 * @param followRedirects follow redirects ({@code -L})
 * @param maxRedirects how many redirects to follow at most ({@code --max-redirs})
 * @param resumeFrom the offset to resume at ({@code -C}), or -1 for a whole download
 * @param cookiesIn a cookie file to send cookies from ({@code -b}), or null
 * @param cookiesOut a cookie file to write the session's cookies to ({@code -c}), or null
 * @param userAgent the user agent, or null for the module's own
 * @param failOnError a response the server refuses with (HTTP status 400 or more) fails with
 *     {@link io.netkit.core.NetReplyException} and writes no body ({@code -f})
 */
public record RequestSpec(
    String method,
    List<String> headers,
    byte[] data,
    Path dataFile,
    Path uploadFile,
    boolean headersOnly,
    boolean includeHeaders,
    boolean followRedirects,
    int maxRedirects,
    long resumeFrom,
    Path cookiesIn,
    Path cookiesOut,
    String userAgent,
    boolean failOnError) {
  /** A plain fetch: default method, no extra headers, no body, redirects not followed. */
  public static final RequestSpec DEFAULT =
      new RequestSpec(null, List.of(), null, null, null, false, false, false, 50, -1, null, null,
          null, true);

  /** Copies the header list; at most one body source. */
  public RequestSpec {
    headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
    int bodies = (data != null ? 1 : 0) + (dataFile != null ? 1 : 0) + (uploadFile != null ? 1 : 0);
    if (bodies > 1) {
      throw new IllegalArgumentException("give at most one of data, a data file, an upload file");
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("max redirects must not be negative: " + maxRedirects);
    }
  }
}
