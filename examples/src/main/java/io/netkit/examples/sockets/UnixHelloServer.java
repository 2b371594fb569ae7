package io.netkit.examples.sockets;

import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.transport.UnixServer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The hello server over a Unix domain socket ({@code AF_UNIX}): the address is a path in the
 * file system instead of a host and port.
 *
 * <pre>java -cp examples/target/netkit-examples.jar io.netkit.examples.sockets.UnixHelloServer [path]</pre>
 */
public final class UnixHelloServer {
  /** Where the socket file goes unless another path is given. */
  public static final Path DEFAULT_PATH = Path.of(System.getProperty("java.io.tmpdir"), "netkit-hello.sock");

  private UnixHelloServer() {}

  /** Starts serving on {@code path} (which must not exist). */
  public static UnixServer start(Path path, PrintStream log) throws NetException {
    return UnixServer.start(path, 5, NetOptions.defaults(), connection -> {
      log.println("Connected on " + path);
      connection.output().write(HelloServer.GREETING.getBytes(StandardCharsets.UTF_8));
      connection.output().flush();
    });
  }

  /** Runs until killed; removes the socket file on exit. */
  public static void main(String[] args) {
    Path path = args.length > 0 ? Path.of(args[0]) : DEFAULT_PATH;
    ExampleMain.run(
        "UnixHelloServer",
        () -> {
          UnixServer server = start(path, System.out);
          System.out.println("Listening on " + path + " (Ctrl-C to stop)");
          Runtime.getRuntime().addShutdownHook(new Thread(server::close));
          Thread.currentThread().join();
        });
  }
}
