package io.netkit.examples.sockets;

import io.netkit.core.NetOptions;
import io.netkit.core.transport.UnixConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The hello client over a Unix domain socket.
 *
 * <pre>java -cp examples/target/netkit-examples.jar io.netkit.examples.sockets.UnixHelloClient [path]</pre>
 */
public final class UnixHelloClient {
  private UnixHelloClient() {}

  /** Connects to {@code path}, reads up to 1024 bytes, closes. */
  public static String receiveGreeting(Path path) throws IOException {
    try (UnixConnection connection = UnixConnection.connect(path, NetOptions.defaults())) {
      byte[] buffer = new byte[1024];
      int n = connection.input().read(buffer);
      return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }
  }

  /** Prints the server's greeting. */
  public static void main(String[] args) {
    Path path = args.length > 0 ? Path.of(args[0]) : UnixHelloServer.DEFAULT_PATH;
    ExampleMain.run("UnixHelloClient", () -> System.out.println(receiveGreeting(path)));
  }
}
