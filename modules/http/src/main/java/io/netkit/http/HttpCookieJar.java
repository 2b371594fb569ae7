package io.netkit.http;

import io.netkit.http.internal.CookieStore;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cookies of a client session, matched to requests by domain, path, secure flag and expiry
 * as RFC 6265 says (a cookie is sent only to the hosts its domain allows, so a redirect to
 * another origin never carries the first origin's cookies). Reads and writes curl's Netscape
 * cookie-file format ({@code -b FILE}, {@code -c FILE}). Thread-safe.
 */
public final class HttpCookieJar {
  private final CookieStore store = new CookieStore();

  /** An empty jar. */
  public HttpCookieJar() {}

  /** The number of cookies held (expired ones excluded). */
  public int size() {
    return store.size();
  }

  /** Removes every cookie. */
  public void clear() {
    store.clear();
  }

  /**
   * Adds the cookies of a Netscape cookie file (lines {@code domain TAB subdomains TAB path TAB
   * secure TAB expiry TAB name TAB value}; {@code #} comments, {@code #HttpOnly_} prefixes).
   * Malformed lines are skipped, as curl skips them.
   */
  public void load(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      store.readNetscape(in);
    }
  }

  /** Writes every unexpired cookie to {@code file} in the Netscape format, replacing it. */
  public void save(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      store.writeNetscape(out);
    }
  }

  /** The engine's view of this jar. */
  CookieStore store() {
    return store;
  }
}
