package io.netkit.testkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.testkit.Fault;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP mock serves a directory as a static file server does, and misbehaves on request. */
class HttpMockServerTest {
  @TempDir Path root;
  private HttpMockServer server;
  private final OkHttpClient client = new OkHttpClient.Builder()
      .readTimeout(Duration.ofSeconds(2)).retryOnConnectionFailure(false).build();

  @BeforeEach
  void start() throws Exception {
    Files.writeString(root.resolve("a.txt"), "0123456789");
    Files.createDirectories(root.resolve("sub"));
    server = new HttpMockServer(root);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private Response send(Request.Builder b) throws IOException {
    return client.newCall(b.build()).execute();
  }

  private Request.Builder at(String path) {
    return new Request.Builder().url(server.url().resolve(path).toString());
  }

  @Test
  void servesFilesWithValidatorsAndDirectoriesAsListings() throws Exception {
    try (Response r = send(at("/a.txt"))) {
      assertEquals(200, r.code());
      assertEquals("0123456789", r.body().string());
      assertTrue(r.header("ETag").startsWith("\""));
      assertEquals("bytes", r.header("Accept-Ranges"));
    }
    try (Response r = send(at("/"))) {
      assertEquals("a.txt\nsub/\n", r.body().string());
    }
    try (Response r = send(at("/nothing"))) {
      assertEquals(404, r.code());
    }
  }

  @Test
  void answersRangesAndIfRange() throws Exception {
    String etag;
    try (Response r = send(at("/a.txt").header("Range", "bytes=4-"))) {
      assertEquals(206, r.code());
      assertEquals("bytes 4-9/10", r.header("Content-Range"));
      assertEquals("456789", r.body().string());
      etag = r.header("ETag");
    }
    try (Response r = send(at("/a.txt").header("Range", "bytes=2-3").header("If-Range", etag))) {
      assertEquals("23", r.body().string());
    }
    try (Response r = send(at("/a.txt").header("Range", "bytes=2-").header("If-Range", "\"old\""))) {
      assertEquals(200, r.code());
      assertEquals("0123456789", r.body().string());
    }
    try (Response r = send(at("/a.txt").header("Range", "bytes=10-"))) {
      assertEquals(416, r.code());
      assertEquals("bytes */10", r.header("Content-Range"));
    }
  }

  @Test
  void putAndDeleteChangeTheDirectoryOnlyWhenWritable() throws Exception {
    RequestBody body = RequestBody.create("new".getBytes(StandardCharsets.UTF_8), MediaType.get("text/plain"));
    try (Response r = send(at("/n/new.txt").put(body))) {
      assertEquals(405, r.code());
    }
    server.writable(true);
    try (Response r = send(at("/n/new.txt").put(body))) {
      assertEquals(201, r.code());
    }
    assertEquals("new", Files.readString(root.resolve("n/new.txt")));
    try (Response r = send(at("/n/new.txt").delete())) {
      assertEquals(204, r.code());
    }
    assertFalse(Files.exists(root.resolve("n/new.txt")));
  }

  @Test
  void neverServesOutsideItsRoot() throws Exception {
    Files.writeString(root.getParent().resolve("outside-" + root.getFileName()), "secret");
    try (Response r = send(at("/%2e%2e/outside-" + root.getFileName()))) {
      assertEquals(404, r.code());
    }
    // What a client that does not normalize the path could send:
    assertTrue(io.netkit.testkit.http.internal.Files2.resolve(root, "/%2e%2e/outside").isEmpty());
    assertTrue(io.netkit.testkit.http.internal.Files2.resolve(root, "/a/../../outside").isEmpty());
    assertTrue(io.netkit.testkit.http.internal.Files2.resolve(root, "/a%00b").isEmpty());
    assertEquals(root.resolve("sub/x"), io.netkit.testkit.http.internal.Files2.resolve(root, "/sub/x").orElseThrow());
  }

  @Test
  void anAccountRequiresBasicAuthentication() throws Exception {
    server.account(new Credentials("bob", "pw"));
    try (Response r = send(at("/a.txt"))) {
      assertEquals(401, r.code());
    }
    try (Response r = send(at("/a.txt").header("Authorization", okhttp3.Credentials.basic("bob", "pw")))) {
      assertEquals(200, r.code());
    }
  }

  @Test
  void faultsBreakTheResponseAsNamed() throws Exception {
    Files.write(root.resolve("big.bin"), new byte[200_000]);
    server.fault(Fault.DISCONNECT_MID_RESPONSE);
    try (Response r = send(at("/big.bin"))) {
      assertThrows(IOException.class, () -> r.body().bytes());
    }
    server.fault(Fault.GARBAGE_REPLY);
    assertThrows(IOException.class, () -> send(at("/a.txt")).close());
    server.fault(Fault.STALL);
    assertThrows(IOException.class, () -> send(at("/a.txt")).close());
    server.fault(Fault.OVERLONG_LINE);
    assertThrows(IOException.class, () -> send(at("/a.txt")).close());
    server.fault(Fault.NONE);
    try (Response r = send(at("/a.txt"))) {
      assertEquals(200, r.code());
    }
  }

  @Test
  void providersAreFoundByNameAndServeTheDemoEndpoint() throws Exception {
    MockServerProvider http = null;
    MockServerProvider xmlrpc = null;
    for (MockServerProvider p : ServiceLoader.load(MockServerProvider.class)) {
      if (p.name().equals("http")) {
        http = p;
      } else if (p.name().equals("xmlrpc")) {
        xmlrpc = p;
      }
    }
    assertTrue(http != null && xmlrpc != null);
    String call = "<?xml version=\"1.0\"?><methodCall><methodName>examples.add</methodName><params>"
        + "<param><value><i4>40</i4></value></param><param><value><int>2</int></value></param>"
        + "</params></methodCall>";
    try (var served = http.newServer(root, Optional.empty(), false)) {
      served.start();
      try (Response r = client.newCall(new Request.Builder().url(served.url().resolve("/RPC2").toString())
          .post(RequestBody.create(call, MediaType.get("text/xml"))).build()).execute()) {
        assertTrue(r.body().string().contains("<int>42</int>"));
      }
    }
    try (var rpc = xmlrpc.newServer(root, Optional.empty())) {
      rpc.start();
      assertTrue(rpc.url().toString().endsWith("/RPC2"));
      try (Response r = client.newCall(new Request.Builder().url(rpc.url().toString())
          .post(RequestBody.create("<methodCall><methodName>nope</methodName></methodCall>",
              MediaType.get("text/xml"))).build()).execute()) {
        String fault = r.body().string();
        assertTrue(fault.contains("<fault>") && fault.contains("-32601"), fault);
      }
      try (Response r = client.newCall(new Request.Builder().url(rpc.url().toString())
          .post(RequestBody.create("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>"
              + "<methodCall><methodName>examples.echo</methodName></methodCall>",
              MediaType.get("text/xml"))).build()).execute()) {
        assertTrue(r.body().string().contains("-32700"));
      }
    }
  }

}
