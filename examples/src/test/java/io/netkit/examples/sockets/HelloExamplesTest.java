package io.netkit.examples.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.transport.TcpServer;
import io.netkit.core.transport.UdpSocket;
import io.netkit.core.transport.UnixServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelloExamplesTest {
  @Test
  void tcpClientReadsTheGreetingAndServerLogsTheClient() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (TcpServer server = HelloServer.start(Endpoint.loopback(0), new PrintStream(log, true, StandardCharsets.UTF_8))) {
      assertEquals("Thank you for connecting", HelloClient.receiveGreeting(server.endpoint()));
      assertEquals("Thank you for connecting", HelloClient.receiveGreeting(server.endpoint()));
    }
    String lines = log.toString(StandardCharsets.UTF_8);
    assertTrue(lines.startsWith("Connected with 127.0.0.1:"), lines);
    assertEquals(2, lines.lines().count());
  }

  @Test
  void udpClientGetsTheGreetingBackFromTheServer() throws Exception {
    try (UdpSocket server = UdpHelloServer.bind(0)) {
      CompletableFuture<Boolean> served =
          CompletableFuture.supplyAsync(() -> {
            try {
              return UdpHelloServer.serveOne(server, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
      assertEquals("Thank you for connecting", UdpHelloClient.exchange(server.loopbackEndpoint()));
      assertTrue(served.get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void unixClientReadsTheGreeting(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("hello.sock");
    try (UnixServer server = UnixHelloServer.start(path, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      assertEquals("Thank you for connecting", UnixHelloClient.receiveGreeting(path));
    }
  }

  /** The documented two-process run: the server in one JVM, the client in another. */
  @Test
  void serverAndClientRunAsSeparateProcesses() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    Process server =
        new ProcessBuilder(java, "-cp", classpath, HelloServer.class.getName(), String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String output = "";
      for (int attempt = 0; attempt < 50 && !output.contains("Thank you"); attempt++) {
        Process client =
            new ProcessBuilder(java, "-cp", classpath, HelloClient.class.getName(), "127.0.0.1", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        assertTrue(client.waitFor(20, TimeUnit.SECONDS));
        output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!output.contains("Thank you")) {
          Thread.sleep(200); // the server JVM may still be starting
        }
      }
      assertEquals("Thank you for connecting", output.strip());
    } finally {
      server.destroy();
      server.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /** Runs an example's main as its own process; returns exit code and all it printed. */
  static String[] runMain(Class<?> main, String... args) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(java.util.List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "example did not finish");
    return new String[] {String.valueOf(p.exitValue()), output};
  }

  @Test
  void clientToAClosedPortSaysSoInOneLineAndExitsNonZero() throws Exception {
    int closed;
    try (ServerSocket probe = new ServerSocket(0)) {
      closed = probe.getLocalPort();
    }
    String[] r = runMain(HelloClient.class, "127.0.0.1", String.valueOf(closed));
    assertEquals("1", r[0], r[1]);
    assertEquals(1, r[1].strip().lines().count(), r[1]);
    assertTrue(r[1].startsWith("HelloClient: "), r[1]);
    assertTrue(r[1].contains("127.0.0.1:" + closed), r[1]);
    assertTrue(!r[1].contains("\tat ") && !r[1].contains("Exception"), "no stack trace: " + r[1]);
  }

  @Test
  void serverOnAPortInUseSaysSoInOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String[] r = runMain(HelloServer.class, String.valueOf(taken.getLocalPort()));
      assertEquals("1", r[0], r[1]);
      assertEquals(1, r[1].strip().lines().count(), r[1]);
      assertTrue(r[1].startsWith("HelloServer: "), r[1]);
    }
  }

  @Test
  void serverSaysWhereItListensWithoutAStraySlash() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HelloServer.class.getName(), "0")
            .redirectErrorStream(true)
            .start();
    try {
      String first =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertTrue(first != null && first.matches("Listening on 127\\.0\\.0\\.1:\\d+ \\(Ctrl-C to stop\\)"), first);
    } finally {
      server.destroy();
      server.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
