package io.netkit.http;

import io.netkit.http.internal.HeaderChecks;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request: a method, a target (a path on the connected origin such as {@code
 * /docs/a.txt?x=1}, or an absolute {@code http(s)://} URL), header fields and an optional body.
 * The method must be a token and headers are checked as they are added, so nothing malformed can
 * reach the wire. Immutable; a stream body is sent once.
 */
public final class HttpRequest {
  private final String method;
  private final String target;
  private final HttpHeaders headers;
  private final HttpBody body;

  private HttpRequest(Builder b) {
    this.method = b.method;
    this.target = b.target;
    this.headers = b.headers.build();
    this.body = b.body;
  }

  /** A builder for {@code method target}. */
  public static Builder builder(String method, String target) {
    return new Builder(method, target);
  }

  /** {@code GET target}. */
  public static HttpRequest get(String target) {
    return builder("GET", target).build();
  }

  /** {@code HEAD target}. */
  public static HttpRequest head(String target) {
    return builder("HEAD", target).build();
  }

  /** {@code DELETE target}. */
  public static HttpRequest delete(String target) {
    return builder("DELETE", target).build();
  }

  /** {@code PUT target} with {@code body}. */
  public static HttpRequest put(String target, HttpBody body) {
    return builder("PUT", target).body(body).build();
  }

  /** {@code POST target} with {@code body}. */
  public static HttpRequest post(String target, HttpBody body) {
    return builder("POST", target).body(body).build();
  }

  /** {@code POST target} of an urlencoded form. */
  public static HttpRequest form(String target, Map<String, String> fields) {
    return post(target, HttpBody.form(fields));
  }

  /** The method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** The path or absolute URL. */
  public String target() {
    return target;
  }

  /** The header fields to send (besides those the client adds). */
  public HttpHeaders headers() {
    return headers;
  }

  /** The body, if any. */
  public Optional<HttpBody> body() {
    return Optional.ofNullable(body);
  }

  /** A builder starting from this request. */
  public Builder toBuilder() {
    Builder b = new Builder(method, target);
    b.headers = headers.toBuilder();
    b.body = body;
    return b;
  }

  @Override
  public String toString() {
    return method + " " + target;
  }

  /** Builds {@link HttpRequest}. Not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String target;
    private HttpHeaders.Builder headers = HttpHeaders.builder();
    private HttpBody body;

    private Builder(String method, String target) {
      this.method = HeaderChecks.method(method);
      this.target = io.netkit.core.UnsafeArgumentException.requireSafe(
          "request target", Objects.requireNonNull(target, "target"));
      if (target.isEmpty() || target.chars().anyMatch(c -> c == ' ' || c == '\t')) {
        throw new IllegalArgumentException("request target must be a path or URL without spaces");
      }
    }

    /** Adds a header field (checked: see {@link HttpHeaders.Builder#add}). */
    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /** Adds these header fields. */
    public Builder headers(HttpHeaders more) {
      more.fields().forEach(f -> headers.add(f.getKey(), f.getValue()));
      return this;
    }

    /** Sets the body; null removes it. */
    public Builder body(HttpBody newBody) {
      body = newBody;
      return this;
    }

    /** The request. */
    public HttpRequest build() {
      return new HttpRequest(this);
    }
  }
}
