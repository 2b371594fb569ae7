package io.netkit.http.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netkit.core.spi.ListEntry;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP's own URL handling (in this package: both are internal): the request target taken from a
 * URL, and the directory-listing parser that turns a server's page into entries. Neither may throw
 * on any input, and no entry may leave the directory it was listed from.
 */
class HttpUrlsFuzzTest {
  private static final URI DIRECTORY = URI.create("http://127.0.0.1:8080/files/");

  @FuzzTest
  void requestTargetNeverCarriesALineBreak(byte[] input) {
    URI url;
    try {
      url = new URI("http:" + new String(input, StandardCharsets.UTF_8));
    } catch (URISyntaxException notAUri) {
      return;
    }
    String target = HttpClientProvider.target(url);
    check(target.indexOf('\r') < 0 && target.indexOf('\n') < 0, "a line break in " + target);
  }

  @FuzzTest
  void listingEntriesStayInTheirDirectory(FuzzedDataProvider data) {
    String type = data.consumeBoolean() ? "text/html; charset=utf-8" : "text/plain";
    String page = data.consumeRemainingAsString();
    for (ListEntry entry : Listings.parse(DIRECTORY, type, page)) {
      URI url = entry.url();
      check("127.0.0.1".equals(url.getHost()) && url.getPort() == 8080,
          "an entry on another server: " + url);
      check(url.getRawPath().startsWith("/files/") && !url.getRawPath().contains("/../"),
          "an entry outside the directory: " + url);
      String name = entry.name();
      check(name.chars().noneMatch(c -> c < 0x20 || c == 0x7f), "a control character in " + name);
      check(!name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/"),
          "a listed name that leaves the directory: " + name);
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
