package io.netkit.nntp.internal;

import io.netkit.core.UnsafeArgumentException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** Builds an article to post from header fields and a body text. Stateless. */
public final class Drafts {
  private Drafts() {}

  /**
   * The article's bytes: each header as {@code Name: value} (non-ASCII values as RFC 2047 UTF-8
   * words), a blank line, the body in UTF-8.
   *
   * @throws UnsafeArgumentException when a name or value holds CR, LF or NUL
   * @throws IllegalArgumentException when a name is empty or holds a space or colon
   */
  public static InputStream toStream(Map<String, String> headers, String body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    StringBuilder text = new StringBuilder();
    headers.forEach(
        (name, value) -> {
          UnsafeArgumentException.requireSafe("header name", name);
          UnsafeArgumentException.requireSafe("header " + name, Objects.requireNonNull(value, name));
          if (!ArticleHeaders.isFieldName(name)) {
            throw new IllegalArgumentException("not a header field name: '" + name + "'");
          }
          text.append(name).append(": ").append(EncodedWords.encode(value)).append("\r\n");
        });
    text.append("\r\n").append(body);
    return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
