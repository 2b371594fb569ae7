package io.netkit.http;

import java.util.Objects;

/**
 * HTTP-specific settings beside {@link io.netkit.core.NetOptions}. Defaults: redirects not
 * followed (as curl without {@code -L}); when followed, at most 50 (curl's limit), never from
 * https to http; user agent {@code netkit/0.1}; cookies kept within the client's session; message
 * bodies left out of the wire trace. Immutable and thread-safe.
 */
public final class HttpOptions {
  private static final HttpOptions DEFAULTS = new Builder().build();

  private final boolean followRedirects;
  private final int maxRedirects;
  private final boolean allowHttpsToHttp;
  private final String userAgent;
  private final HttpCookieJar cookies;
  private final boolean traceBodies;

  private HttpOptions(Builder b) {
    followRedirects = b.followRedirects;
    maxRedirects = b.maxRedirects;
    allowHttpsToHttp = b.allowHttpsToHttp;
    userAgent = b.userAgent;
    cookies = b.cookies;
    traceBodies = b.traceBodies;
  }

  /** The defaults. */
  public static HttpOptions defaults() {
    return DEFAULTS;
  }

  /** A builder from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder from this value. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.followRedirects = followRedirects;
    b.maxRedirects = maxRedirects;
    b.allowHttpsToHttp = allowHttpsToHttp;
    b.userAgent = userAgent;
    b.cookies = cookies;
    b.traceBodies = traceBodies;
    return b;
  }

  /** Whether 301, 302, 303, 307 and 308 are followed. */
  public boolean followRedirects() {
    return followRedirects;
  }

  /** How many redirects one request follows at most. */
  public int maxRedirects() {
    return maxRedirects;
  }

  /** Whether a redirect from https to http is followed (refused by default). */
  public boolean allowHttpsToHttp() {
    return allowHttpsToHttp;
  }

  /** The {@code User-Agent} sent unless a request sets its own. */
  public String userAgent() {
    return userAgent;
  }

  /** Where cookies are kept; null means a fresh jar per client. */
  public HttpCookieJar cookies() {
    return cookies;
  }

  /** Whether the wire trace shows message bodies. */
  public boolean traceBodies() {
    return traceBodies;
  }

  /** Builds {@link HttpOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean followRedirects;
    private int maxRedirects = 50;
    private boolean allowHttpsToHttp;
    private String userAgent = "netkit/0.1";
    private HttpCookieJar cookies;
    private boolean traceBodies;

    private Builder() {}

    /** Follows redirects (or not). */
    public Builder followRedirects(boolean follow) {
      followRedirects = follow;
      return this;
    }

    /** Sets the redirect limit; 0 or more. */
    public Builder maxRedirects(int limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("max redirects must not be negative: " + limit);
      }
      maxRedirects = limit;
      return this;
    }

    /** Allows redirects from https to http, which expose the next request to eavesdroppers. */
    public Builder allowHttpsToHttp(boolean allow) {
      allowHttpsToHttp = allow;
      return this;
    }

    /** Sets the user agent. */
    public Builder userAgent(String agent) {
      userAgent = io.netkit.http.internal.HeaderChecks.value("User-Agent",
          Objects.requireNonNull(agent, "agent"));
      return this;
    }

    /** Keeps cookies in {@code jar} (shared with whoever else holds it); null: a fresh jar. */
    public Builder cookies(HttpCookieJar jar) {
      cookies = jar;
      return this;
    }

    /** Shows message bodies in the wire trace (off by default: they can be large or secret). */
    public Builder traceBodies(boolean trace) {
      traceBodies = trace;
      return this;
    }

    /** The options. */
    public HttpOptions build() {
      return new HttpOptions(this);
    }
  }
}
