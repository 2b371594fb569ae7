package io.netkit.http.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Responses written to attack the parser: entities, DTDs, depth, size, Java objects. */
class XmlRpcHostileServerTest {
  private static final String OK_HEAD = "<?xml version=\"1.0\"?>";
  @TempDir Path dir;
  private MockWebServer server;
  private XmlRpcClient rpc;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    rpc = XmlRpcClient.open(server.url("/RPC2").uri(),
        NetOptions.builder().readTimeout(Duration.ofSeconds(5)).build());
  }

  @AfterEach
  void stop() {
    rpc.close();
    server.close();
  }

  private void answer(String xml) {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/xml").body(xml).build());
  }

  private static String response(String value) {
    return OK_HEAD + "<methodResponse><params><param><value>" + value
        + "</value></param></params></methodResponse>";
  }

  @Test
  void theRequestIsAPostOfAMethodCallWithItsLength() throws Exception {
    answer(response("<int>1</int>"));
    rpc.call("examples.add", 2, 3);
    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/RPC2", request.getTarget());
    assertTrue(request.getHeaders().get("Content-Type").startsWith("text/xml"));
    assertEquals(Long.toString(request.getBodySize()), request.getHeaders().get("Content-Length"));
    String body = request.getBody().utf8();
    assertTrue(body.contains("<methodName>examples.add</methodName>"), body);
    assertTrue(body.contains("<value><int>2</int></value>"), body);
  }

  @Test
  void anExternalEntityIsRefusedAndNothingIsRead() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    answer(OK_HEAD + "<!DOCTYPE methodResponse [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
        + "<methodResponse><params><param><value><string>&xxe;</string></value></param></params>"
        + "</methodResponse>");
    NetProtocolException e = assertThrows(NetProtocolException.class, () -> rpc.call("x"));
    assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
  }

  @Test
  void aBillionLaughsDocumentIsRefusedQuickly() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"")
          .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>");
    answer(OK_HEAD + dtd + "<methodResponse><params><param><value><string>&lol9;</string></value>"
        + "</param></params></methodResponse>");
    assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(NetProtocolException.class, () -> rpc.call("x")));
  }

  @Test
  void valuesNestedTooDeepAreRefused() {
    String deep = "<array><data><value>".repeat(100) + "<int>1</int>"
        + "</value></data></array>".repeat(100);
    answer(response(deep));
    NetProtocolException e = assertThrows(NetProtocolException.class, () -> rpc.call("x"));
    assertTrue(e.getMessage().contains("deeper"), e.getMessage());
  }

  @Test
  void anOversizedResponseIsRefused() {
    answer(response("<string>" + "x".repeat(100_000) + "</string>"));
    NetProtocolException e = assertThrows(NetProtocolException.class,
        () -> rpc.limits(10_000, 64).call("x"));
    assertTrue(e.getMessage().contains("longer than 10000"), e.getMessage());
  }

  @Test
  void aSerializedJavaObjectIsNotAValueType() {
    // Apache XML-RPC's <ex:serializable> (CVE-2019-17570): never deserialized here.
    answer(response("<ex:serializable xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">"
        + "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==</ex:serializable>"));
    NetProtocolException e = assertThrows(NetProtocolException.class, () -> rpc.call("x"));
    assertTrue(e.getMessage().contains("unknown type"), e.getMessage());
  }

  @Test
  void malformedResponsesAndHttpErrorsAreTyped() {
    answer(response("<int>twelve</int>"));
    assertThrows(NetProtocolException.class, () -> rpc.call("x"));
    answer("not xml at all");
    assertThrows(NetProtocolException.class, () -> rpc.call("x"));
    answer(OK_HEAD + "<methodResponse><fault><value><struct></struct></value></fault></methodResponse>");
    assertThrows(NetProtocolException.class, () -> rpc.call("x"));
    server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
    NetReplyException e = assertThrows(NetReplyException.class, () -> rpc.call("x"));
    assertEquals(500, e.replyCode().getAsInt());
  }
}
