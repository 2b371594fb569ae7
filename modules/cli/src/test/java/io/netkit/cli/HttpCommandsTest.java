package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.cli.internal.ProxyEnvironment;
import io.netkit.core.Proxy;
import io.netkit.testkit.http.HttpMockServer;
import io.netkit.testkit.http.XmlRpcMockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netkit get/put/rm/xmlrpc/serve} with http:// URLs, in process, against the testkit mock. */
class HttpCommandsTest {
  @TempDir Path served;
  @TempDir Path local;
  private HttpMockServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(served.resolve("hello.txt"), "hello over http\n");
    server = new HttpMockServer(served).writable(true)
        .route("/echo", HttpCommandsTest::echo)
        .route("/moved", r -> new MockResponse.Builder().code(301).addHeader("Location", "/hello.txt").build())
        .route("/cookie", r -> new MockResponse.Builder()
            .addHeader("Set-Cookie", "session=s1; Path=/")
            .body("had " + r.getHeaders().get("Cookie") + "\n").build())
        .route("/RPC2", XmlRpcMockServer.demo().method("test.fail", p -> {
          throw new XmlRpcMockServer.XmlRpcFault(4, "Too many parameters");
        }).handler());
    server.start();
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static MockResponse echo(RecordedRequest r) {
    String body = r.getMethod() + " " + r.getTarget() + "\n"
        + "x-test=" + r.getHeaders().get("X-Test") + "\n"
        + "agent=" + r.getHeaders().get("User-Agent") + "\n"
        + "type=" + r.getHeaders().get("Content-Type") + "\n"
        + "body=" + (r.getBody() == null ? "" : r.getBody().utf8()) + "\n";
    return new MockResponse.Builder().body(body).build();
  }

  @Test
  void getPrintsTheBodyAndWritesAFileWithO() throws Exception {
    Cli.Result r = Cli.run("get", base + "/hello.txt");
    assertEquals(0, r.code(), r::toString);
    assertEquals("hello over http\n", r.out());
    Path file = local.resolve("h.txt");
    assertEquals(0, Cli.run("get", "-s", base + "/hello.txt", "-o", file.toString()).code());
    assertEquals("hello over http\n", Files.readString(file));
  }

  @Test
  void aStatusOf400OrMoreExits22AndSaysSo() {
    Cli.Result r = Cli.run("get", base + "/missing.txt");
    assertEquals(22, r.code(), r::toString);
    assertTrue(r.stderr().contains("404"), r.stderr());
    assertEquals("", r.out());
  }

  @Test
  void includeAndHeadPrintTheResponseHeaders() {
    Cli.Result i = Cli.run("get", "-i", base + "/hello.txt");
    assertTrue(i.out().startsWith("HTTP/1.1 200 OK\r\n"), i.out());
    assertTrue(i.out().endsWith("\r\n\r\nhello over http\n"), i.out());
    Cli.Result head = Cli.run("get", "-I", base + "/hello.txt");
    assertEquals(0, head.code(), head::toString);
    assertTrue(head.out().contains("ETag: "), head.out());
    assertFalse(head.out().contains("hello over http"), head.out());
  }

  @Test
  void methodHeadersDataAndUserAgentAreSent() throws Exception {
    Cli.Result r = Cli.run("get", "-X", "PATCH", "-H", "X-Test: yes", "-A", "tester/2",
        "-d", "a=1", "-d", "b=2", base + "/echo");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().startsWith("PATCH /echo\n"), r.out());
    assertTrue(r.out().contains("x-test=yes\n"), r.out());
    assertTrue(r.out().contains("agent=tester/2\n"), r.out());
    assertTrue(r.out().contains("type=application/x-www-form-urlencoded"), r.out());
    assertTrue(r.out().contains("body=a=1&b=2\n"), r.out());
    Path data = local.resolve("data.bin");
    Files.writeString(data, "raw\nbytes");
    Cli.Result binary = Cli.run("get", "--data-binary", "@" + data, "-H", "Content-Type: text/plain", base + "/echo");
    assertTrue(binary.out().startsWith("POST /echo\n"), binary::toString);
    assertTrue(binary.out().contains("type=text/plain"), binary.out());
    assertTrue(binary.out().contains("body=raw\nbytes\n"), binary.out());
  }

  @Test
  void aHeaderWithALineBreakIsAUsageErrorAndNothingIsSent() {
    Cli.Result r = Cli.run("get", "-H", "X-Test: a\r\nEvil: 1", base + "/echo");
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
    assertEquals(0, server.requestCount());
  }

  @Test
  void uploadFileWithTAndPutThenRmDeleteIt() throws Exception {
    Path up = local.resolve("up.txt");
    Files.writeString(up, "uploaded");
    assertEquals(0, Cli.run("get", "-s", "-T", up.toString(), base + "/t.txt").code());
    assertEquals("uploaded", Files.readString(served.resolve("t.txt")));
    Cli.Result put = Cli.run("put", "-s", base + "/p/put.txt", up.toString());
    assertEquals(0, put.code(), put::toString);
    assertEquals("uploaded", Files.readString(served.resolve("p/put.txt")));
    Cli.Result rm = Cli.run("rm", base + "/p/put.txt");
    assertEquals(0, rm.code(), rm::toString);
    assertFalse(Files.exists(served.resolve("p/put.txt")));
    assertTrue(Cli.run("rm", base + "/p/put.txt").code() != 0);
  }

  @Test
  void redirectsAreFollowedOnlyWithL() {
    Cli.Result plain = Cli.run("get", base + "/moved");
    assertEquals(0, plain.code(), plain::toString);
    assertEquals("", plain.out());
    Cli.Result followed = Cli.run("get", "-L", base + "/moved");
    assertEquals("hello over http\n", followed.out());
    Cli.Result limited = Cli.run("get", "-L", "--max-redirs", "0", base + "/moved");
    assertTrue(limited.code() != 0, limited::toString);
    assertTrue(limited.stderr().contains("redirects"), limited.stderr());
  }

  @Test
  void continueAtResumesTheOutputFile() throws Exception {
    Path file = local.resolve("part.txt");
    Files.writeString(file, "hello ");
    Cli.Result r = Cli.run("get", "-s", "-C", "-", "-o", file.toString(), base + "/hello.txt");
    assertEquals(0, r.code(), r::toString);
    assertEquals("hello over http\n", Files.readString(file));
    assertEquals(0, Cli.run("get", "-s", "-C", "-", "-o", file.toString(), base + "/hello.txt").code());
    assertEquals("hello over http\n", Files.readString(file));
  }

  @Test
  void cookiesAreReadFromAndWrittenToNetscapeFiles() throws Exception {
    Path jar = local.resolve("jar.txt");
    Cli.Result first = Cli.run("get", "-c", jar.toString(), base + "/cookie");
    assertEquals("had null\n", first.out());
    assertTrue(Files.readString(jar).contains("\tsession\ts1"), Files.readString(jar));
    Cli.Result second = Cli.run("get", "-b", jar.toString(), base + "/cookie");
    assertEquals("had session=s1\n", second.out());
    Cli.Result literal = Cli.run("get", "-b", "a=b", base + "/cookie");
    assertEquals("had a=b\n", literal.out());
  }

  @Test
  void aProxyGivenWithXIsUsed() {
    // The mock answers as the proxy: it serves /hello.txt whatever the host in the URL.
    Cli.Result r = Cli.run("get", "-x", "127.0.0.1:" + server.port(), "http://origin.invalid/hello.txt");
    assertEquals(0, r.code(), r::toString);
    assertEquals("hello over http\n", r.out());
  }

  @Test
  void putAndRmGoThroughAProxyGivenWithXToo() throws Exception {
    // The mock answers as the proxy: a request for origin.invalid reaches it only through -x.
    Path up = local.resolve("proxied.txt");
    Files.writeString(up, "through the proxy");
    String proxy = "127.0.0.1:" + server.port();
    Cli.Result put = Cli.run("put", "-s", "-x", proxy, "http://origin.invalid/p/proxied.txt", up.toString());
    assertEquals(0, put.code(), put::toString);
    assertEquals("through the proxy", Files.readString(served.resolve("p/proxied.txt")));
    Cli.Result rm = Cli.run("rm", "-x", proxy, "http://origin.invalid/p/proxied.txt");
    assertEquals(0, rm.code(), rm::toString);
    assertFalse(Files.exists(served.resolve("p/proxied.txt")));
  }

  @Test
  void aProxyForAProtocolWithoutProxiesIsAUsageError() {
    Cli.Result r = Cli.run("rm", "-x", "127.0.0.1:1", "ftp://127.0.0.1:1/a.txt");
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
    assertTrue(r.stderr().contains("does not go through proxies"), r::toString);
  }

  @Test
  void proxiesComeFromTheEnvironmentAsCurlReadsIt() {
    URI http = URI.create("http://example.org/");
    URI https = URI.create("https://example.org/");
    Map<String, String> env = Map.of("http_proxy", "http://u:p@proxy:3128", "HTTPS_PROXY", "sp:8443",
        "no_proxy", "localhost,.internal");
    Proxy p = ProxyEnvironment.forUrl(http, null, null, env).orElseThrow();
    assertEquals("proxy", p.host());
    assertEquals(3128, p.port());
    assertEquals("u", p.credentials().orElseThrow().user());
    assertEquals(8443, ProxyEnvironment.forUrl(https, null, null, env).orElseThrow().port());
    assertTrue(ProxyEnvironment.forUrl(URI.create("http://a.internal/"), null, null, env).isEmpty());
    assertTrue(ProxyEnvironment.forUrl(URI.create("http://localhost/"), null, null, env).isEmpty());
    // Upper-case HTTP_PROXY is ignored (httpoxy), as curl ignores it.
    assertTrue(ProxyEnvironment.forUrl(http, null, null, Map.of("HTTP_PROXY", "evil:1")).isEmpty());
    assertEquals(1080, ProxyEnvironment.forUrl(http, "p", null, Map.of()).orElseThrow().port());
    assertTrue(ProxyEnvironment.forUrl(http, "p:1", "*", Map.of()).isEmpty());
  }

  @Test
  void requestOptionsAreAUsageErrorForAProtocolWithoutRequests() {
    Cli.Result r = Cli.run("get", "-H", "X: y", "gopher://127.0.0.1:1/");
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
  }

  @Test
  void xmlrpcCallsAMethodAndPrintsItsResult() {
    Cli.Result sum = Cli.run("xmlrpc", base + "/RPC2", "examples.add", "2", "3");
    assertEquals(0, sum.code(), sum::toString);
    assertEquals("5", sum.out().trim());
    Cli.Result echo = Cli.run("xmlrpc", base + "/RPC2", "examples.echo", "{\"a\": [1, true, 3.5, \"x\", null]}");
    assertEquals(0, echo.code(), echo::toString);
    assertEquals("{\n  \"a\": [\n    1,\n    true,\n    3.5,\n    \"x\",\n    null\n  ]\n}", echo.out().trim());
    Cli.Result bare = Cli.run("xmlrpc", base + "/RPC2", "examples.echo", "plain text");
    assertEquals("\"plain text\"", bare.out().trim());
  }

  @Test
  void anXmlrpcFaultExitsNonZeroWithItsCodeAndString() {
    Cli.Result r = Cli.run("xmlrpc", base + "/RPC2", "test.fail");
    assertEquals(22, r.code(), r::toString);
    assertTrue(r.stderr().contains("4 Too many parameters"), r.stderr());
    Cli.Result bad = Cli.run("xmlrpc", base + "/RPC2", "examples.echo", "[1,");
    assertEquals(ExitCode.USAGE, bad.code(), bad::toString);
  }

  @Test
  void serveXmlrpcAnswersTheDemoMethods() throws Exception {
    PipedInputStream lines = new PipedInputStream();
    PrintStream out = new PrintStream(new PipedOutputStream(lines), true, StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true), false);
    AtomicInteger code = new AtomicInteger(-1);
    Thread serve = new Thread(() -> code.set(Main.run(new String[] {"serve", "xmlrpc"}, terminal, Cli.catalog())));
    serve.start();
    try {
      String url = new java.io.BufferedReader(new java.io.InputStreamReader(lines, StandardCharsets.UTF_8)).readLine();
      assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/RPC2"), url);
      Cli.Result methods = Cli.run("xmlrpc", url, "system.listMethods");
      assertTrue(methods.out().contains("\"examples.add\""), methods::toString);
    } finally {
      serve.interrupt();
      serve.join(5000);
    }
    assertEquals(0, code.get());
  }

  @Test
  void serveHttpWritableStoresPuts() throws Exception {
    PipedInputStream lines = new PipedInputStream();
    PrintStream out = new PrintStream(new PipedOutputStream(lines), true, StandardCharsets.UTF_8);
    Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]), out,
        new PrintStream(new ByteArrayOutputStream(), true), false);
    Thread serve = new Thread(() -> Main.run(
        new String[] {"serve", "http", "--root", served.toString(), "--writable"}, terminal, Cli.catalog()));
    serve.start();
    try {
      String url = new java.io.BufferedReader(new java.io.InputStreamReader(lines, StandardCharsets.UTF_8)).readLine();
      Path up = local.resolve("w.bin");
      Files.write(up, new byte[] {1, 2, 3});
      assertEquals(0, Cli.run("put", "-s", url + "w.bin", up.toString()).code());
      assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(served.resolve("w.bin")));
      assertEquals("hello over http\n", Cli.run("get", url + "hello.txt").out());
    } finally {
      serve.interrupt();
      serve.join(5000);
    }
  }
}
