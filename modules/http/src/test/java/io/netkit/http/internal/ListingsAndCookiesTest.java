package io.netkit.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.spi.ListEntry;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ListingsAndCookiesTest {
  @Test
  void anNginxAutoindexPageListsItsRelativeLinks() {
    String page = "<html><head><title>Index of /pub/</title></head><body><h1>Index of /pub/</h1><hr><pre>"
        + "<a href=\"../\">../</a>\n<a href=\"docs/\">docs/</a>  01-Dec-2026 10:00  -\n"
        + "<a href=\"a%20b.txt\">a b.txt</a>  01-Dec-2026 10:00  12\n"
        + "<a href=\"https://elsewhere.example/\">x</a><a href=\"/abs\">y</a><a href=\"?C=N\">z</a>"
        + "</pre><hr></body></html>";
    List<ListEntry> entries = Listings.parse(URI.create("http://h/pub/"), "text/html", page);
    assertEquals(2, entries.size(), entries.toString());
    assertEquals("dir", entries.get(0).kind());
    assertEquals(URI.create("http://h/pub/docs/"), entries.get(0).url());
    assertEquals("a b.txt", entries.get(1).name());
    assertEquals(URI.create("http://h/pub/a%20b.txt"), entries.get(1).url());
  }

  @Test
  void aPlainTextListingIsOneNameALine() {
    List<ListEntry> entries = Listings.parse(URI.create("http://h/"), "text/plain", "a b.txt\nsub/\n");
    assertEquals(URI.create("http://h/a%20b.txt"), entries.get(0).url());
    assertEquals("dir", entries.get(1).kind());
  }

  @Test
  void netscapeCookieFilesRoundTrip() throws Exception {
    String file = "# Netscape HTTP Cookie File\n"
        + ".example.org\tTRUE\t/\tFALSE\t0\twide\t1\n"
        + "#HttpOnly_host.example.org\tFALSE\t/app\tTRUE\t4102444800\tnarrow\t2\n"
        + "malformed line\n";
    CookieStore store = new CookieStore();
    store.readNetscape(new BufferedReader(new StringReader(file)));
    assertEquals(2, store.size());
    assertEquals(1, store.loadForRequest(HttpUrl.get("http://sub.example.org/")).size());
    assertEquals(2, store.loadForRequest(HttpUrl.get("https://host.example.org/app/x")).size());
    assertEquals(1, store.loadForRequest(HttpUrl.get("http://host.example.org/app/x")).size());
    StringWriter out = new StringWriter();
    store.writeNetscape(out);
    assertTrue(out.toString().contains(".example.org\tTRUE\t/\tFALSE\t0\twide\t1\n"), out.toString());
    assertTrue(out.toString().contains("#HttpOnly_host.example.org\tFALSE\t/app\tTRUE\t4102444800\tnarrow\t2\n"),
        out.toString());
  }
}
