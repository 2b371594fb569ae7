package io.netkit.http.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * The cookie jar OkHttp uses, keeping cookies in memory for a session; OkHttp's {@link Cookie}
 * does the RFC 6265 parsing and matching. Thread-safe (every method locks the list).
 */
public final class CookieStore implements CookieJar {
  private static final String HTTP_ONLY = "#HttpOnly_";
  private final List<Cookie> cookies = new ArrayList<>();

  @Override
  public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
    received.forEach(this::put);
  }

  @Override
  public synchronized List<Cookie> loadForRequest(HttpUrl url) {
    if (cookies.isEmpty()) {
      return List.of(); // asked before every request: no stream when there is nothing to match
    }
    long now = System.currentTimeMillis();
    cookies.removeIf(c -> c.expiresAt() < now);
    return cookies.stream().filter(c -> c.matches(url)).toList();
  }

  /** Unexpired cookies held. */
  public synchronized int size() {
    long now = System.currentTimeMillis();
    cookies.removeIf(c -> c.expiresAt() < now);
    return cookies.size();
  }

  /** Forgets every cookie. */
  public synchronized void clear() {
    cookies.clear();
  }

  private void put(Cookie cookie) {
    cookies.removeIf(
        c -> c.name().equals(cookie.name())
            && c.domain().equals(cookie.domain())
            && c.path().equals(cookie.path()));
    if (cookie.expiresAt() >= System.currentTimeMillis()) {
      cookies.add(cookie);
    }
  }

  /** Adds the cookies of a Netscape cookie file, skipping malformed lines. */
  public synchronized void readNetscape(BufferedReader in) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      boolean httpOnly = line.startsWith(HTTP_ONLY);
      if (httpOnly) {
        line = line.substring(HTTP_ONLY.length());
      } else if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 7) {
        continue;
      }
      try {
        String domain = f[0].startsWith(".") ? f[0].substring(1) : f[0];
        Cookie.Builder b = new Cookie.Builder().name(f[5]).value(f[6]).path(f[2]);
        b = "TRUE".equalsIgnoreCase(f[1]) ? b.domain(domain) : b.hostOnlyDomain(domain);
        if ("TRUE".equalsIgnoreCase(f[3])) {
          b.secure();
        }
        if (httpOnly) {
          b.httpOnly();
        }
        long expiry = Long.parseLong(f[4]);
        if (expiry > 0) {
          b.expiresAt(expiry * 1000);
        }
        put(b.build());
      } catch (IllegalArgumentException malformed) {
        // curl skips lines it cannot read; so do we
      }
    }
  }

  /** Writes every unexpired cookie in the Netscape format. */
  public synchronized void writeNetscape(Writer out) throws IOException {
    out.write("# Netscape HTTP Cookie File\n# Written by netkit. Edit at your own risk.\n\n");
    long now = System.currentTimeMillis();
    for (Cookie c : cookies) {
      if (c.expiresAt() < now) {
        continue;
      }
      String domain = c.hostOnly() ? c.domain() : "." + c.domain();
      out.write(
          (c.httpOnly() ? HTTP_ONLY : "")
              + String.join(
                  "\t",
                  domain,
                  c.hostOnly() ? "FALSE" : "TRUE",
                  c.path(),
                  c.secure() ? "TRUE" : "FALSE",
                  Long.toString(c.persistent() ? c.expiresAt() / 1000 : 0),
                  c.name(),
                  c.value())
              + "\n");
    }
  }
}
