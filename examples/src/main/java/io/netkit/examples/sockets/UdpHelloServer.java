package io.netkit.examples.sockets;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.transport.Datagram;
import io.netkit.core.transport.UdpSocket;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The hello server over UDP: there is no connection, so each client first sends a datagram
 * ({@code sendto}); the server receives it with the sender's address ({@code recvfrom}) and sends
 * the greeting back to that address.
 *
 * <pre>java -cp examples/target/netkit-examples.jar io.netkit.examples.sockets.UdpHelloServer [port]</pre>
 */
public final class UdpHelloServer {
  private UdpHelloServer() {}

  /** Binds the socket; call {@link #serveOne} to answer datagrams. */
  public static UdpSocket bind(int port) throws IOException {
    return UdpSocket.bind(Endpoint.loopback(port), NetOptions.builder().readTimeout(Duration.ofSeconds(1)).build());
  }

  /** Answers one datagram, if one arrives within the socket's read timeout; false if none did. */
  public static boolean serveOne(UdpSocket socket, PrintStream log) throws IOException {
    try {
      Datagram request = socket.receive(1024);
      log.println("Datagram from " + request.sender().getAddress().getHostAddress() + ":" + request.sender().getPort());
      socket.sendTo(HelloServer.GREETING.getBytes(StandardCharsets.UTF_8), request.sender());
      return true;
    } catch (NetTimeoutException quiet) {
      return false;
    }
  }

  /** Runs until killed. */
  public static void main(String[] args) {
    ExampleMain.run(
        "UdpHelloServer",
        () -> {
          int port = args.length > 0 ? Integer.parseInt(args[0]) : HelloServer.DEFAULT_PORT;
          try (UdpSocket socket = bind(port)) {
            System.out.println("Listening for datagrams on 127.0.0.1:" + socket.localPort());
            while (true) {
              serveOne(socket, System.out);
            }
          }
        });
  }
}
