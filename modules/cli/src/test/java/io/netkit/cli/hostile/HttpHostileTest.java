package io.netkit.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.cli.Cli;
import io.netkit.http.HttpClient;
import io.netkit.http.HttpRequest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

import io.netkit.core.NetException;
import io.netkit.core.Protocol;
import io.netkit.testkit.HostileServer;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP against hostile servers and hostile input, and announced lengths that lie. */
class HttpHostileTest extends HostileContract {
  @Override
  Protocol protocol() {
    return Protocol.HTTP;
  }

  @Override
  String path() {
    return "/file.txt";
  }

  @Override
  String greeting() {
    return null;
  }

  @Override
  String afterRequest() {
    return "HTTP/1.1 200 OK\r\n";
  }

  /** Header lines forever: the blank line that ends the head never comes. */
  @Override
  String floodLine() {
    return "X-Flood: again\r\n";
  }

  @Override
  String unparsable() {
    return "HTTP/1.1 abc OK\r\n\r\n";
  }

  @Override
  String okLine() {
    return "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
  }

  @Override
  boolean login() {
    return false;
  }

  /**
   * Percent-encoded CR, LF and NUL in an HTTP path are octets of the path (RFC 3986): they go out
   * encoded, so they cannot split the request; what matters is that no smuggled line arrives.
   */
  @Override
  @Test
  void crLfAndNulInTheUrlAreRefusedBeforeTheyGoOut() throws IOException {
    for (String smuggled : List.of("%0D%0AINJECTED", "%0AINJECTED", "%00INJECTED")) {
      try (HostileServer server = HostileServer.start(
          HostileServer.Behaviour.ONCE, null, okLine(), "")) {
        try {
          api(URI.create(url(protocol().schemes().get(0), server, path() + smuggled)), options().build());
        } catch (IOException | IllegalArgumentException refused) {
          // refusing is fine too
        }
        for (String line : server.clientLines()) {
          assertTrue(!line.startsWith("INJECTED"), () -> "a smuggled line arrived: " + line);
        }
      }
    }
  }

  @Test
  void crLfAndNulInAHeaderAreRefusedBeforeAnyByteGoesOut() throws IOException {
    for (String smuggled : List.of("b\r\nINJECTED: 1", "b\nINJECTED: 1", "b\0INJECTED")) {
      try (HostileServer server = HostileServer.start(
          HostileServer.Behaviour.ONCE, null, okLine(), "")) {
        String url = url(server);
        assertThrows(IllegalArgumentException.class, () -> {
          try (HttpClient client = new HttpClient(options().build())) {
            client.request(HttpRequest.builder("GET", url).header("X-A", smuggled).build());
          }
        });
        Cli.Result r = assertTimeoutPreemptively(BOUND, () -> Cli.run("get", "-H", "X-A: " + smuggled, url));
        assertNotEquals(0, r.code(), r::toString);
        assertEquals(1, r.stderr().strip().lines().count(), r::toString);
        assertEquals(0, server.acceptedCount(), "nothing went out");
      }
    }
  }

  /** The control for the certificate cases: the same CA's good certificate is accepted. */
  @Test
  void aGoodCertificateFromTheTrustedCaIsAccepted() throws Exception {
    try (HostileServer server = HostileServer.startTls(HostileServer.Behaviour.ANSWER, null, null,
        okLine(), SelfSigned.context(SelfSigned.Kind.GOOD))) {
      String url = url("https", server, path());
      io.netkit.core.NetOptions o = options()
          .trust(io.netkit.core.Trust.pemFile(SelfSigned.pem(SelfSigned.Kind.GOOD))).build();
      assertTimeoutPreemptively(BOUND, () -> api(URI.create(url), o));
      Cli.Result r = Cli.run("get", "--cacert", SelfSigned.pem(SelfSigned.Kind.GOOD).toString(), url);
      assertEquals(0, r.code(), r::toString);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "Content-Length: -5\r\n\r\nabc",
    "Content-Length: 99999999999999999999999\r\n\r\nabc",
    "Content-Length: 9223372036854775808\r\n\r\nabc",
    "Content-Length: 100\r\n\r\nonly a few bytes",
    "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nabc",
    "Transfer-Encoding: chunked\r\n\r\n-5\r\nabc",
    "Transfer-Encoding: chunked\r\n\r\n64\r\nonly a few bytes"
  })
  void announcedLengthsThatLieAreRefused(String head) throws IOException {
    try (HostileServer server = HostileServer.start(
        HostileServer.Behaviour.ONCE, null, "HTTP/1.1 200 OK\r\n" + head, "")) {
      assertInstanceOf(NetException.class, apiFails(url(server), options().build()));
      commandFails(url(server));
    }
  }
}
