package io.netkit.gopher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** RFC 4266 URLs, read as curl reads them. */
class GopherUrlTest {
  private static GopherUrl parse(String url) {
    return GopherUrl.parse(URI.create(url));
  }

  @Test
  void typeThenSelectorWithItsLeadingSlash() {
    GopherUrl url = parse("gopher://h/1/x");
    assertEquals('1', url.type());
    assertEquals("/x", url.selector());
    assertEquals(70, url.port());
    assertNull(url.search());
  }

  @Test
  void hostAloneOrSlashOrTypeAloneIsTheRootMenu() {
    for (String form : new String[] {"gopher://h", "gopher://h/", "gopher://h/1"}) {
      GopherUrl url = parse(form);
      assertEquals('1', url.type(), form);
      assertEquals("", url.selector(), form);
    }
  }

  @Test
  void selectorIsPercentDecodedAndPlusIsKept() {
    GopherUrl url = parse("gopher://h:7070/0/a%20b+c%C3%A9.txt");
    assertEquals("/a b+cé.txt", url.selector());
    assertEquals(7070, url.port());
  }

  @Test
  void encodedTabSeparatesTheSearch() {
    GopherUrl url = parse("gopher://h/7/find%09cats%20and%20dogs");
    assertEquals("/find", url.selector());
    assertEquals("cats and dogs", url.search());
  }

  @Test
  void questionMarkPartBelongsToTheSelectorAsInCurl() {
    assertEquals("/cgi?x=1", parse("gopher://h/0/cgi?x=1").selector());
  }

  @Test
  void queryWithoutAPathIsReadAsCurlReadsIt() {
    // curl gives a URL without a path the path "/", so "?x" is type '?' and selector "x".
    GopherUrl url = parse("gopher://h?x");
    assertEquals('?', url.type());
    assertEquals("x", url.selector());
  }

  @Test
  void gophersAndIpv6() {
    GopherUrl url = parse("gophers://[::1]:7443/9/blob");
    assertTrue(url.tls());
    assertEquals("::1", url.host());
    assertEquals(URI.create("gophers://[::1]:7443/9/blob"), url.toUri());
  }

  @Test
  void toUriEncodesWhatNeedsIt() {
    GopherUrl url = new GopherUrl(false, "h", 70, '7', "/a b?%", "x\ty");
    assertEquals("gopher://h/7/a%20b%3F%25%09x%09y", url.toUri().toString());
    GopherUrl back = GopherUrl.parse(url.toUri());
    assertEquals("/a b?%", back.selector());
    assertEquals("x\ty", back.search());
  }

  @Test
  void itemUrlNamesTypeAndSelector() {
    GopherItem item = new GopherItem('0', "Hi", "/hello.txt", "127.0.0.1", 17070);
    assertEquals(URI.create("gopher://127.0.0.1:17070/0/hello.txt"), item.url(false));
  }

  @Test
  void otherSchemesAndMissingHostsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("http://h/1/x"));
    assertThrows(IllegalArgumentException.class, () -> parse("gopher:/1/x"));
    assertThrows(IllegalArgumentException.class, () -> parse("gopher://h/0/bad%zz"));
  }
}
