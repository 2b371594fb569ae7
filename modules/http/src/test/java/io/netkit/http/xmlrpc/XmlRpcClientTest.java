package io.netkit.http.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.testkit.http.XmlRpcMockServer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XmlRpcClientTest {
  private final XmlRpcMockServer server = XmlRpcMockServer.demo()
      .method("test.fail", params -> {
        throw new XmlRpcMockServer.XmlRpcFault(4, "Too many parameters");
      });
  private XmlRpcClient rpc;

  @BeforeEach
  void start() throws Exception {
    server.start();
    NetOptions options = NetOptions.builder().readTimeout(Duration.ofSeconds(5)).build();
    rpc = XmlRpcClient.open(server.url(), options);
  }

  @AfterEach
  void stop() {
    rpc.close();
    server.stop();
  }

  @Test
  void aCallReturnsItsTypedResult() throws Exception {
    assertEquals(5, rpc.call(Integer.class, "examples.add", 2, 3));
    assertEquals(5.5, rpc.call(Double.class, "examples.add", 2, 3.5));
    assertThrows(NetProtocolException.class, () -> rpc.call(String.class, "examples.add", 2, 3));
  }

  @Test
  void everyTypeRoundTrips() throws Exception {
    Map<String, Object> struct = new LinkedHashMap<>();
    struct.put("int", 42);
    struct.put("bool", true);
    struct.put("text", "a <tag> & \"quotes\" ünïcode");
    struct.put("double", 3.25);
    struct.put("when", LocalDateTime.of(1998, 7, 17, 14, 8, 55));
    struct.put("nothing", null);
    struct.put("list", List.of(1, "two", List.of(false)));
    struct.put("big", 1L << 40);
    byte[] bytes = {0, 1, 2, (byte) 0xff};
    Object echoed = rpc.call("examples.echo", List.of(struct, bytes));
    List<?> back = (List<?>) echoed;
    Map<?, ?> m = (Map<?, ?>) back.get(0);
    assertEquals(42, m.get("int"));
    assertEquals(true, m.get("bool"));
    assertEquals("a <tag> & \"quotes\" ünïcode", m.get("text"));
    assertEquals(3.25, m.get("double"));
    assertEquals(LocalDateTime.of(1998, 7, 17, 14, 8, 55), m.get("when"));
    assertTrue(m.containsKey("nothing"));
    assertNull(m.get("nothing"));
    assertEquals(List.of(1, "two", List.of(false)), m.get("list"));
    assertEquals(1L << 40, m.get("big"));
    assertArrayEquals(bytes, (byte[]) back.get(1));
    assertEquals(List.of("examples.add", "examples.echo", "system.listMethods", "test.fail"),
        rpc.call("system.listMethods"));
  }

  @Test
  void aFaultIsAnExceptionWithItsCodeAndString() {
    XmlRpcFaultException fault = assertThrows(XmlRpcFaultException.class, () -> rpc.call("test.fail"));
    assertEquals(4, fault.faultCode());
    assertEquals("Too many parameters", fault.faultString());
    assertTrue(fault.getMessage().contains("4 Too many parameters"), fault.getMessage());
    XmlRpcFaultException unknown = assertThrows(XmlRpcFaultException.class, () -> rpc.call("no.such"));
    assertEquals(-32601, unknown.faultCode());
  }

  @Test
  void valuesXmlRpcCannotCarryAreRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class, () -> rpc.call("examples.echo", new Object()));
    assertThrows(IllegalArgumentException.class, () -> rpc.call("examples.echo", Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> rpc.call("bad name"));
    List<Object> self = new java.util.ArrayList<>();
    self.add(self);
    assertThrows(IllegalArgumentException.class, () -> rpc.call("examples.echo", self));
    assertThrows(IllegalArgumentException.class, () -> rpc.call("examples.echo", Map.of(1, 2)));
  }

  @Test
  void aSingleNullArgumentIsNil() throws Exception {
    assertNull(rpc.call("examples.echo", (Object) null));
    assertEquals(Arrays.asList(1, null), rpc.call("examples.echo", Arrays.asList(1, null)));
  }

}
