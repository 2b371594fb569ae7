package io.netkit.examples.sockets;

import io.netkit.core.Endpoint;
import io.netkit.core.NetException;
import io.netkit.core.transport.TcpServer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The tutorial's server.py in Java: bind a port (12345 unless given), listen with a backlog of
 * 5, and for each client print {@code Connected with <address>}, send
 * {@code Thank you for connecting} and close.
 *
 * <pre>java -cp examples/target/netkit-examples.jar io.netkit.examples.sockets.HelloServer [port] [host]</pre>
 *
 * <p>The tutorial binds {@code socket.gethostname()}; this example binds 127.0.0.1 unless a host
 * is given ({@code ""} binds every address), so that trying it never opens a port to the network.
 */
public final class HelloServer {
  /** The tutorial's port. */
  public static final int DEFAULT_PORT = 12345;

  /** The greeting every client gets. */
  public static final String GREETING = "Thank you for connecting";

  private HelloServer() {}

  /** Starts the server on {@code bind}, logging each client to {@code log}. */
  public static TcpServer start(Endpoint bind, PrintStream log) throws NetException {
    return TcpServer.builder()
        .bind(bind)
        .backlog(5)
        .name("hello-server")
        .handler(connection -> {
          log.println("Connected with " + Endpoint.of(
              connection.remoteAddress().getAddress().getHostAddress(), connection.remoteAddress().getPort()));
          connection.output().write(GREETING.getBytes(StandardCharsets.UTF_8));
          connection.output().flush();
        })
        .start();
  }

  /** Runs until killed. */
  public static void main(String[] args) {
    ExampleMain.run(
        "HelloServer",
        () -> {
          int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
          String host = args.length > 1 ? args[1] : "127.0.0.1";
          TcpServer server = start(Endpoint.of(host, port), System.out);
          // The endpoint prints as host:port (an InetSocketAddress would print "/127.0.0.1:...").
          System.out.println("Listening on " + server.endpoint() + " (Ctrl-C to stop)");
          Runtime.getRuntime().addShutdownHook(new Thread(server::close));
          Thread.currentThread().join();
        });
  }
}
