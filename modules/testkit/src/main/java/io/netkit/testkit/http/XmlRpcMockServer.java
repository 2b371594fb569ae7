package io.netkit.testkit.http;

import io.netkit.core.Protocol;
import io.netkit.testkit.Fault;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.http.internal.XmlRpcWire;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * An XML-RPC endpoint for tests: methods registered as lambdas, answered at every path by
 * {@code POST} (at {@code /RPC2} too). Arguments and results are plain Java values (Integer,
 * Long, Boolean, String, Double, LocalDateTime, byte[], Map for a struct, List for an array, null
 * for nil); a lambda throwing {@link XmlRpcFault} answers with that fault, an unknown method with
 * fault -32601, a malformed call with -32700. {@code system.listMethods} is always there. Runs
 * over an {@link HttpMockServer} (whose faults it takes); its {@link #handler()} mounts the same
 * methods on another {@link HttpMockServer}. Thread-safe.
 */
public final class XmlRpcMockServer implements MockServer {
  /** A method's body. */
  @FunctionalInterface
  public interface Method {
    /** The result for {@code params}. */
    Object call(List<Object> params) throws XmlRpcFault;
  }

  /** A fault to answer with: thrown by a {@link Method}. */
  public static final class XmlRpcFault extends Exception {
    private final int code;

    /** A fault with this code and string. */
    public XmlRpcFault(int code, String string) {
      super(string, null, false, false);
      this.code = code;
    }

    /** The fault code. */
    public int code() {
      return code;
    }
  }

  private final Map<String, Method> methods = new ConcurrentSkipListMap<>();
  private HttpMockServer http;
  private Path empty;

  /** An endpoint with only {@code system.listMethods}. */
  public XmlRpcMockServer() {
    methods.put("system.listMethods", params -> new ArrayList<Object>(methods.keySet()));
  }

  /**
   * The demo endpoint of {@code netkit serve xmlrpc}: {@code examples.add(a, b)} adds two numbers,
   * {@code examples.echo(x)} returns its argument.
   */
  public static XmlRpcMockServer demo() {
    return new XmlRpcMockServer()
        .method("examples.add", params -> {
          if (params.size() != 2 || !(params.get(0) instanceof Number a) || !(params.get(1) instanceof Number b)) {
            throw new XmlRpcFault(-32602, "examples.add takes two numbers");
          }
          if (a instanceof Double || b instanceof Double) {
            return a.doubleValue() + b.doubleValue();
          }
          long sum = a.longValue() + b.longValue();
          return sum == (int) sum ? (Object) (int) sum : (Object) sum;
        })
        .method("examples.echo", params -> params.size() == 1 ? params.get(0) : params);
  }

  /** Registers (or replaces) a method. */
  public XmlRpcMockServer method(String name, Method body) {
    methods.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(body, "body"));
    return this;
  }

  /** Answers XML-RPC calls, for mounting on an {@link HttpMockServer} with {@code route}. */
  public HttpMockServer.Handler handler() {
    return this::answer;
  }

  private MockResponse answer(RecordedRequest request) throws IOException {
    if (!request.getMethod().equals("POST")) {
      return HttpMockServer.text(405, "XML-RPC calls are POSTed\n");
    }
    byte[] reply;
    try {
      XmlRpcWire.Call call = XmlRpcWire.readCall(
          new java.io.ByteArrayInputStream(request.getBody() == null ? new byte[0] : request.getBody().toByteArray()));
      Method m = methods.get(call.method());
      reply = m == null
          ? XmlRpcWire.fault(-32601, "no such method: " + call.method())
          : XmlRpcWire.response(m.call(call.params()));
    } catch (XmlRpcFault f) {
      reply = XmlRpcWire.fault(f.code(), f.getMessage());
    } catch (IOException | RuntimeException malformed) {
      reply = XmlRpcWire.fault(-32700, "parse error: " + malformed.getMessage());
    }
    return new MockResponse.Builder().addHeader("Content-Type", "text/xml; charset=utf-8")
        .body(new Buffer().write(reply)).build();
  }

  @Override
  public Protocol protocol() {
    return Protocol.HTTP;
  }

  @Override
  public synchronized void start(int port) throws IOException {
    if (http != null) {
      throw new IllegalStateException("already started");
    }
    empty = Files.createTempDirectory("netkit-xmlrpc");
    HttpMockServer server = new HttpMockServer(empty);
    for (String path : new String[] {"/", "/RPC2", "/xmlrpc"}) {
      server.route(path, handler());
    }
    server.start(port);
    http = server;
  }

  @Override
  public boolean isRunning() {
    return http != null && http.isRunning();
  }

  @Override
  public int port() {
    if (http == null) {
      throw new IllegalStateException("not started");
    }
    return http.port();
  }

  /** The endpoint's URL, {@code http://127.0.0.1:PORT/RPC2}. */
  @Override
  public URI url() {
    return URI.create("http://" + host() + ":" + port() + "/RPC2");
  }

  @Override
  public void fault(Fault fault) {
    if (http == null) {
      throw new IllegalStateException("not started");
    }
    http.fault(fault);
  }

  @Override
  public synchronized void stop() {
    if (http != null) {
      http.stop();
      try {
        Files.deleteIfExists(empty);
      } catch (IOException ignored) {
        // a temporary directory left behind
      }
    }
  }
}
