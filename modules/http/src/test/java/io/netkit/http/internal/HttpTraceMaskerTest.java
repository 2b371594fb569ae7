package io.netkit.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceMasker;
import org.junit.jupiter.api.Test;

class HttpTraceMaskerTest {
  private final TraceMasker masker = new HttpTraceMasker(false).forConnection();

  private String sent(String line) {
    return masker.mask(Direction.SENT, line);
  }

  private String received(String line) {
    return masker.mask(Direction.RECEIVED, line);
  }

  @Test
  void credentialHeadersAreMaskedWhateverTheirCase() {
    assertEquals("GET / HTTP/1.1", sent("GET / HTTP/1.1"));
    assertEquals("authorization: ****", sent("authorization: Basic Ym9iOnB3"));
    assertEquals("Proxy-Authorization: ****", sent("Proxy-Authorization: Basic eDp5"));
    assertEquals("Cookie: ****", sent("Cookie: sid=1"));
    assertEquals("Accept: */*", sent("Accept: */*"));
    assertEquals("HTTP/1.1 200 OK", received("HTTP/1.1 200 OK"));
    assertEquals("Set-Cookie: ****", received("Set-Cookie: sid=2; Path=/"));
  }

  @Test
  void bodiesShowAsOneLineUntilTheNextMessage() {
    sent("POST /p HTTP/1.1");
    assertEquals("", sent(""));
    assertEquals(HttpTraceMasker.BODY_NOTE, sent("secret=1"));
    assertNull(sent("more body"));
    // A body without a final line end runs into the next request line.
    assertEquals("GET /next HTTP/1.1", sent("trailing-bodyGET /next HTTP/1.1"));
    assertEquals("Cookie: ****", sent("Cookie: a=b"));
    received("HTTP/1.1 200 OK");
    received("");
    assertEquals(HttpTraceMasker.BODY_NOTE, received("HTTP/1.0 is not at the start of this body"));
    assertEquals("HTTP/1.1 404 Not Found", received("end of bodyHTTP/1.1 404 Not Found"));
    received("");
    // The core's summary of a binary body tells only its size: it stays.
    assertEquals("<<< 4096 bytes of data >>>", received("<<< 4096 bytes of data >>>"));
  }

  @Test
  void responsesToHeadAnd204HaveNoBody() {
    sent("HEAD /a HTTP/1.1");
    sent("");
    received("HTTP/1.1 200 OK");
    received("Content-Length: 10");
    received("");
    assertEquals("HTTP/1.1 204 No Content", received("HTTP/1.1 204 No Content"));
    received("");
    assertEquals("HTTP/1.1 200 OK", received("HTTP/1.1 200 OK"));
  }

  @Test
  void anHttp2ConnectionIsNotTracedHere() {
    assertEquals("(HTTP/2 connection: frames not traced here)", sent("PRI * HTTP/2.0"));
    assertNull(sent("SM"));
    assertNull(received("\\x00\\x00\\x12\\x04"));
    assertEquals("closed", masker.mask(Direction.NOTE, "closed"));
  }

  @Test
  void bodiesAreKeptWhenAsked() {
    TraceMasker all = new HttpTraceMasker(true).forConnection();
    all.mask(Direction.RECEIVED, "HTTP/1.1 200 OK");
    all.mask(Direction.RECEIVED, "");
    assertEquals("visible", all.mask(Direction.RECEIVED, "visible"));
  }
}
