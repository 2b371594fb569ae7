package io.netkit.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A response's URL is the URI OkHttp's {@code HttpUrl.uri()} gives, by the quicker path when it can. */
class ResponseUrlTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1:17080/bench-1k.bin",
      "https://example.org/",
      "http://example.org/a%20b/c?x=1&y=%2F#frag",
      "http://user:p%40ss@example.org:8080/p?q",
      "http://[::1]:8080/x",
      "http://example.org/a|b?x={y}&z=^`",
      "http://example.org/[brackets]/\\back",
      "http://example.org/p?#f#g",
      "http://example.org/über/straße?q=é",
      "http://bücher.example/",
      "http://example.org/a b?c d#e f",
      "http://example.org/%zz?%",
      "http://example.org/a\"b<c>?\"<>"})
  void isTheUriOkHttpGives(String url) {
    HttpUrl parsed = HttpUrl.get(url);
    assertEquals(parsed.uri(), Session.uri(parsed));
    assertEquals(parsed.uri().toString(), Session.uri(parsed).toString());
  }
}
