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
import io.netkit.core.NetTruncatedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertFalse;
import io.netkit.core.Protocol;
import io.netkit.testkit.HostileServer;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP against hostile servers and hostile input, and announced lengths that lie. */
class HttpHostileTest extends HostileContract {
  @TempDir Path dir;

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

  /** Announced lengths or chunk sizes that do not parse: protocol errors (exit 8), never a body. */
  @ParameterizedTest
  @ValueSource(strings = {
    "Content-Length: -5\r\n\r\nabc",
    "Content-Length: 99999999999999999999999\r\n\r\nabc",
    "Content-Length: 9223372036854775808\r\n\r\nabc",
    "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nabc",
    "Transfer-Encoding: chunked\r\n\r\n-5\r\nabc",
    "Transfer-Encoding: chunked\r\n\r\n\r\nabc"
  })
  void announcedLengthsThatDoNotParseAreRefused(String head) throws IOException {
    try (HostileServer server = HostileServer.start(
        HostileServer.Behaviour.ONCE, null, "HTTP/1.1 200 OK\r\n" + head, "")) {
      Throwable t = apiFails(url(server), options().build());
      assertInstanceOf(NetException.class, t);
      assertFalse(t instanceof NetTruncatedException, t::toString);
      Cli.Result r = commandFails(url(server));
      assertEquals(8, r.code(), r::toString);
    }
  }

  /**
   * Bodies that end early: fewer bytes than the Content-Length, a close in the middle of a chunk,
   * a close after a whole chunk but before the last one. NetTruncatedException, exit 18, no file.
   */
  @ParameterizedTest
  @ValueSource(strings = {
    "Content-Length: 100\r\n\r\nonly a few bytes",
    "Transfer-Encoding: chunked\r\n\r\n64\r\nonly a few bytes",
    "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"
  })
  void bodiesCutByACloseAreTruncatedAndLeaveNoFile(String head) throws IOException {
    try (HostileServer server = HostileServer.start(
        HostileServer.Behaviour.ONCE, null, "HTTP/1.1 200 OK\r\n" + head, "")) {
      Throwable t = apiFails(url(server), options().build());
      NetTruncatedException e = assertInstanceOf(NetTruncatedException.class, t, t::toString);
      if (head.startsWith("Content-Length")) {
        assertEquals(100, e.expected());
        assertEquals("only a few bytes".length(), e.received());
      } else {
        assertEquals(-1, e.expected());
      }
      Path file = dir.resolve("file.txt");
      Cli.Result r = commandFails(url(server), "-o", file.toString());
      assertEquals(18, r.code(), r::toString);
      assertFalse(Files.exists(file), "a cut body leaves no file");
      try (var left = Files.list(dir)) {
        assertEquals(List.of(), left.toList(), "nor a temporary one");
      }
    }
  }

  /**
   * Percent-encoded CR, LF and NUL in a path are legal octets of the path: the request line the
   * server receives carries them encoded, literally, and no extra line (no header) appears.
   */
  @Test
  void percentEncodedCrLfAndNulStayEncodedInTheRequestLine() throws IOException {
    for (String smuggled : List.of("%0D%0AX-Injected:%201", "%00X-Injected")) {
      try (HostileServer server = HostileServer.converse(
          "", line -> line.isEmpty() ? okLine() : "")) {
        assertTimeoutPreemptively(BOUND,
            () -> api(URI.create(url(server) + smuggled), options().build()));
        List<String> lines = server.clientLines();
        assertEquals("GET " + path() + smuggled + " HTTP/1.1", lines.get(0), lines::toString);
        for (String line : lines) {
          assertFalse(line.regionMatches(true, 0, "X-Injected", 0, 10), () -> "a smuggled line: " + lines);
        }
      }
      try (HostileServer server = HostileServer.converse(
          "", line -> line.isEmpty() ? okLine() : "")) {
        // The command is stricter: it refuses a URL whose path decodes to a CR, LF or NUL (exit 3,
        // curl's malformed URL), before connecting.
        Cli.Result r = assertTimeoutPreemptively(BOUND, () -> Cli.run("get", "-s", url(server) + smuggled));
        assertEquals(3, r.code(), r::toString);
        assertEquals(0, server.acceptedCount(), "nothing went out");
      }
    }
  }
}
