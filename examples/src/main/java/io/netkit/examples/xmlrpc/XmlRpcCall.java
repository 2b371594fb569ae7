package io.netkit.examples.xmlrpc;

import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.http.xmlrpc.XmlRpcClient;
import io.netkit.http.xmlrpc.XmlRpcFaultException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls an XML-RPC method and prints the result; numbers, {@code true}/{@code false} are sent as
 * such, anything else as a string.
 *
 * <pre>
 * java -cp examples/target/netkit-examples.jar io.netkit.examples.xmlrpc.XmlRpcCall URL METHOD [ARG...]
 * </pre>
 *
 * Try it against {@code ./netkit serve xmlrpc}: {@code XmlRpcCall http://127.0.0.1:PORT/RPC2
 * examples.add 2 3} prints {@code 5}. A fault prints its code and string and exits 1.
 */
public final class XmlRpcCall {
  private XmlRpcCall() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: XmlRpcCall URL METHOD [ARG...]");
      System.exit(2);
    }
    List<Object> params = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      params.add(literal(args[i]));
    }
    NetOptions options = NetOptions.builder().readTimeout(Duration.ofSeconds(30)).build();
    try (XmlRpcClient rpc = XmlRpcClient.open(URI.create(args[0]), options)) {
      System.out.println(rpc.call(args[1], params.toArray()));
    } catch (XmlRpcFaultException fault) {
      System.err.println("fault " + fault.faultCode() + ": " + fault.faultString());
      System.exit(1);
    } catch (NetException e) {
      System.err.println("XmlRpcCall: " + e.getMessage());
      System.exit(1);
    }
  }

  private static Object literal(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException notInt) {
      try {
        return Double.valueOf(text);
      } catch (NumberFormatException notNumber) {
        return text;
      }
    }
  }
}
