package io.netkit.ftp;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.transport.TcpConnection;
import io.netkit.core.transport.TcpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A one-script FTP server on the core's {@link TcpServer}, for hostile behaviour MockFtpServer
 * cannot produce (a reply flood, a NUL in a reply, bytes injected after AUTH TLS's go-ahead).
 * It records every command line it receives, inside TLS too, so tests can assert what the client
 * sent (no USER or PASS after a refused upgrade).
 */
final class ScriptedFtpServer implements AutoCloseable {
  /** What the server does with one connection. */
  @FunctionalInterface
  interface Script {
    void run(ScriptedFtpServer server, TcpConnection connection) throws IOException;
  }

  final List<String> received = new CopyOnWriteArrayList<>();
  private final TcpServer server;

  ScriptedFtpServer(Script script) throws IOException {
    server =
        TcpServer.builder()
            .bind(Endpoint.loopback(0))
            .name("scripted-ftp")
            .options(NetOptions.builder().readTimeout(Duration.ofSeconds(10)).build())
            .handler(connection -> script.run(this, connection))
            .start();
  }

  Endpoint endpoint() {
    return server.endpoint();
  }

  /** Writes {@code text} in one write (one TCP segment on loopback), as ISO-8859-1 bytes. */
  static void send(TcpConnection connection, String text) throws IOException {
    connection.output().write(text.getBytes(StandardCharsets.ISO_8859_1));
    connection.output().flush();
  }

  /** Reads one command line and records it; null when the client has gone. */
  String command(TcpConnection connection) throws IOException {
    String line = connection.readLine();
    if (line != null) {
      received.add(line);
    }
    return line;
  }

  /** Answers a plain login and whatever a session's set-up and PWD ask, until QUIT. */
  void answerSession(TcpConnection connection) throws IOException {
    for (String line; (line = command(connection)) != null; ) {
      String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      switch (verb) {
        case "USER" -> send(connection, "331 password please\r\n");
        case "PASS" -> send(connection, "230 logged in\r\n");
        case "PBSZ", "PROT", "TYPE" -> send(connection, "200 ok\r\n");
        case "PWD" -> send(connection, "257 \"/\" is the directory\r\n");
        case "QUIT" -> {
          send(connection, "221 bye\r\n");
          return;
        }
        default -> send(connection, "502 not here\r\n");
      }
    }
  }

  /** Upgrades to TLS as the server (after AUTH TLS), with {@code context}'s key. */
  static void startTls(TcpConnection connection, SSLContext context) throws IOException {
    connection.startTlsAsServer(context);
  }

  @Override
  public void close() {
    server.close();
  }
}
