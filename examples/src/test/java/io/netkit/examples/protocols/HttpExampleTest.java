package io.netkit.examples.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.examples.http.HttpGet;
import io.netkit.examples.xmlrpc.XmlRpcCall;
import io.netkit.testkit.http.HttpMockServer;
import io.netkit.testkit.http.XmlRpcMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HttpGet and XmlRpcCall, run as their own processes as the examples README says, against the mocks. */
class HttpExampleTest {
  private static String run(Class<?> main, int expectedExit, String... args) throws Exception {
    return ExampleProcess.run(main, expectedExit, args);
  }

  @Test
  void httpGetPrintsHeadersAndBodyFollowsRedirectsAndDownloads(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("hello.txt"), "hello from the mock\n");
    try (HttpMockServer server = new HttpMockServer(dir).route("/old", r ->
        new mockwebserver3.MockResponse.Builder().code(301).addHeader("Location", "/hello.txt").build())) {
      server.start();
      String output = run(HttpGet.class, 0, server.url() + "old");
      assertTrue(output.contains("200 OK (http/1.1)"), output);
      assertTrue(output.contains("ETag: "), output);
      assertTrue(output.contains("hello from the mock"), output);
      Path saved = dir.resolve("copy.txt");
      run(HttpGet.class, 0, server.url() + "hello.txt", "-o", saved.toString());
      assertEquals("hello from the mock\n", Files.readString(saved));
      assertTrue(run(HttpGet.class, 22, server.url() + "missing").contains("404"));
    }
  }

  @Test
  void xmlRpcCallPrintsTheResultOrTheFault() throws Exception {
    try (XmlRpcMockServer server = XmlRpcMockServer.demo()) {
      server.start();
      assertEquals("5", run(XmlRpcCall.class, 0, server.url().toString(), "examples.add", "2", "3").trim());
      String fault = run(XmlRpcCall.class, 1, server.url().toString(), "no.such.method");
      assertTrue(fault.contains("fault -32601: no such method: no.such.method"), fault);
    }
  }
}
