package io.netkit.nntp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.UnsafeArgumentException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class NntpUrlTest {
  static NntpUrl parse(String url) {
    return NntpUrl.parse(URI.create(url), "news.default");
  }

  @Test
  void nntpUrlWithGroupAndNumber() {
    NntpUrl u = parse("nntp://news.example:1119/comp.lang.java/42");
    assertEquals(NntpUrl.Kind.ARTICLE, u.kind());
    assertEquals("news.example", u.host());
    assertEquals(1119, u.port());
    assertEquals("comp.lang.java", u.group());
    assertEquals(ArticleId.number(42), u.article());
    assertEquals("nntp://news.example:1119/comp.lang.java/42", u.toString());
  }

  @Test
  void rootAndGroupUrls() {
    assertEquals(NntpUrl.Kind.GROUPS, parse("nntp://h/").kind());
    assertEquals(NntpUrl.Kind.GROUPS, parse("nntp://h").kind());
    assertEquals(119, parse("nntp://h/").port());
    assertEquals(NntpUrl.Kind.GROUP, parse("nntp://h/misc.test").kind());
    assertEquals(NntpUrl.Kind.GROUP, parse("nntp://h/misc.test/").kind());
  }

  @Test
  void nntpsDefaultsTo563() {
    NntpUrl u = parse("nntps://h/misc.test/1");
    assertTrue(u.tls());
    assertEquals(563, u.port());
    assertEquals("nntps://h/misc.test/1", u.toString());
  }

  @Test
  void newsUrlsWithAndWithoutHost() {
    NntpUrl byId = parse("news://h/abc.123@example.com");
    assertEquals(NntpUrl.Kind.MESSAGE_ID, byId.kind());
    assertEquals("<abc.123@example.com>", byId.messageId());
    assertEquals("news://h/abc.123@example.com", byId.toString());
    NntpUrl opaque = parse("news:abc@example.com");
    assertEquals("news.default", opaque.host());
    assertEquals("<abc@example.com>", opaque.messageId());
    NntpUrl group = parse("news:comp.lang.java");
    assertEquals(NntpUrl.Kind.GROUP, group.kind());
    assertEquals("news.default", group.host());
    assertEquals(NntpUrl.Kind.GROUPS, parse("news:*").kind());
    assertEquals("<a@b>", parse("news://h/%3Ca@b%3E").messageId());
  }

  @Test
  void theDefaultServerForAHostlessUrlMayCarryAPort() {
    NntpUrl onPort = NntpUrl.parse(URI.create("news:abc@example.com"), "127.0.0.1:17119");
    assertEquals("127.0.0.1", onPort.host());
    assertEquals(17119, onPort.port());
    NntpUrl v6 = NntpUrl.parse(URI.create("news:misc.test"), "[::1]:1119");
    assertEquals("::1", v6.host());
    assertEquals(1119, v6.port());
    assertEquals(119, parse("news:misc.test").port(), "a host alone keeps port 119");
    assertThrows(
        IllegalArgumentException.class,
        () -> NntpUrl.parse(URI.create("news:misc.test"), "user@host:1"),
        "no userinfo in the server setting");
    assertThrows(
        IllegalArgumentException.class,
        () -> NntpUrl.parse(URI.create("news:misc.test"), "bad host/"),
        "not a host");
  }

  @Test
  void userinfoGivesCredentials() {
    NntpUrl u = parse("nntp://al%40ice:p%3Aw@h/g");
    assertEquals("al@ice", u.credentials().user());
    assertEquals("p:w", u.credentials().password());
    assertTrue(u.endpoint().credentials().isPresent());
    assertTrue(!u.toString().contains("p:w"));
  }

  @Test
  void badUrlsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("nntp://h/g/notanumber"));
    assertThrows(IllegalArgumentException.class, () -> parse("nntp://h/g/1/2"));
    assertThrows(IllegalArgumentException.class, () -> parse("ftp://h/g"));
    assertThrows(UnsafeArgumentException.class, () -> parse("nntp://h/g%0D%0AQUIT"));
    assertThrows(IllegalArgumentException.class, () -> parse("nntp:g"));
    assertNull(parse("nntp://h/").group());
  }
}
