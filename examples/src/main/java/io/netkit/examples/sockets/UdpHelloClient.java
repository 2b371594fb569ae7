package io.netkit.examples.sockets;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.transport.UdpSocket;
import java.io.IOException;
import java.time.Duration;

/**
 * The hello client over UDP: send one datagram to the server, print the datagram that comes
 * back (or fail with a timeout after 5 s: UDP gives no "connection refused" to wait for).
 *
 * <pre>java -cp examples/target/netkit-examples.jar io.netkit.examples.sockets.UdpHelloClient [host] [port]</pre>
 */
public final class UdpHelloClient {
  private UdpHelloClient() {}

  /** Sends "hello" to {@code server} and returns the text of its answer. */
  public static String exchange(Endpoint server) throws IOException {
    try (UdpSocket socket = UdpSocket.open(NetOptions.builder().readTimeout(Duration.ofSeconds(5)).build())) {
      socket.sendTo("hello", server);
      return socket.receive(1024).text();
    }
  }

  /** Prints the server's greeting. */
  public static void main(String[] args) {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    String port = args.length > 1 ? args[1] : String.valueOf(HelloServer.DEFAULT_PORT);
    ExampleMain.run("UdpHelloClient", () -> System.out.println(exchange(Endpoint.of(host, port))));
  }
}
