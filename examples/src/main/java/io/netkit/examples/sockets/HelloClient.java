package io.netkit.examples.sockets;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.transport.TcpConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The tutorial's client.py in Java: connect to a host and port (127.0.0.1:12345 unless given),
 * read up to 1024 bytes, print them, close.
 *
 * <pre>java -cp examples/target/netkit-examples.jar io.netkit.examples.sockets.HelloClient [host] [port]</pre>
 */
public final class HelloClient {
  private HelloClient() {}

  /** Connects, reads one chunk of at most 1024 bytes (the tutorial's {@code recv(1024)}), closes. */
  public static String receiveGreeting(Endpoint server) throws IOException {
    try (TcpConnection connection = TcpConnection.connect(server, NetOptions.defaults(), "hello")) {
      byte[] buffer = new byte[1024];
      int n = connection.input().read(buffer);
      return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }
  }

  /** Prints the server's greeting. */
  public static void main(String[] args) {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    String port = args.length > 1 ? args[1] : String.valueOf(HelloServer.DEFAULT_PORT);
    ExampleMain.run(
        "HelloClient", () -> System.out.println(receiveGreeting(Endpoint.of(host, port))));
  }
}
