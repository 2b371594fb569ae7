package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.Protocol;
import io.netkit.core.transport.ConnectionHandler;
import io.netkit.core.transport.TcpConnection;
import io.netkit.core.transport.TcpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netkit get ftp://...} against the three hostile control connections of issue 8, as a user
 * would meet them: each ends quickly with a non-zero exit code and one line on stderr.
 */
class HostileFtpServerTest {
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void needsFtp() {
    assumeTrue(Cli.catalog().supports(Protocol.FTP), "no FTP module in this build");
  }

  @Test
  void endlessContinuationLinesGiveTheProtocolErrorCode(@TempDir Path dir) throws Exception {
    try (TcpServer server =
        server(
            c -> {
              byte[] line = "220-welcome, and welcome again\r\n".getBytes(StandardCharsets.US_ASCII);
              try {
                while (true) {
                  c.output().write(line);
                }
              } catch (IOException clientGaveUp) {
                // the flood ends when the client closes
              }
            })) {
      Cli.Result r = getPromptly(server, dir);
      assertEquals(ExitCode.PROTOCOL_ERROR, r.code(), r::toString);
      assertTrue(r.stderr().contains("reply longer than"), r.stderr());
    }
  }

  @Test
  void nulInTheGreetingGivesTheProtocolErrorCode(@TempDir Path dir) throws Exception {
    try (TcpServer server =
        server(
            c -> {
              send(c, "220 hostile\0FTP ready\r\n");
              answerLogin(c);
            })) {
      Cli.Result r = getPromptly(server, dir);
      assertEquals(ExitCode.PROTOCOL_ERROR, r.code(), r::toString);
      assertTrue(r.stderr().contains("NUL"), r.stderr());
    }
  }

  @Test
  void replyInjectedAfterAuthTlsGivesTheTlsCode(@TempDir Path dir) throws Exception {
    try (TcpServer server =
        server(
            c -> {
              send(c, "220 scripted\r\n");
              c.readLine(); // AUTH TLS
              send(c, "234 go ahead\r\n230 injected\r\n");
              try {
                release.await(10, TimeUnit.SECONDS); // a client that went on would wait for TLS here
              } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
              }
            })) {
      Cli.Result r = getPromptly(server, dir, "--tls", "required");
      assertEquals(ExitCode.TLS, r.code(), r::toString);
      assertTrue(r.stderr().contains("after its STARTTLS go-ahead"), r.stderr());
    }
  }

  private TcpServer server(ConnectionHandler script) throws IOException {
    return TcpServer.builder().bind(Endpoint.loopback(0)).handler(script).start();
  }

  /** Runs {@code netkit get}, which must end within 2 s (the timeouts are 3 s), with no file. */
  private Cli.Result getPromptly(TcpServer server, Path dir, String... extra) {
    Path target = dir.resolve("out.txt");
    String[] base = {
      "--connect-timeout", "3", "--timeout", "3", "-u", "bob:pw",
      "ftp://127.0.0.1:" + server.port() + "/file.txt", "-o", target.toString()
    };
    String[] args = new String[1 + extra.length + base.length];
    args[0] = "get";
    System.arraycopy(extra, 0, args, 1, extra.length);
    System.arraycopy(base, 0, args, 1 + extra.length, base.length);
    long start = System.nanoTime();
    try {
      Cli.Result r = Cli.run(args);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.toMillis() < 2000, "took " + took + "\n" + r);
      assertEquals(1, r.stderr().strip().lines().count(), r::toString);
      assertFalse(Files.exists(target), "no file from a hostile server");
      return r;
    } finally {
      release.countDown();
    }
  }

  private static void send(TcpConnection c, String text) throws IOException {
    c.output().write(text.getBytes(StandardCharsets.ISO_8859_1));
    c.output().flush();
  }

  private static void answerLogin(TcpConnection c) throws IOException {
    for (String line; (line = c.readLine()) != null; ) {
      String verb = line.split(" ", 2)[0];
      switch (verb) {
        case "USER" -> send(c, "331 password\r\n");
        case "PASS" -> send(c, "230 in\r\n");
        case "TYPE" -> send(c, "200 ok\r\n");
        case "SIZE" -> send(c, "213 5\r\n");
        case "QUIT" -> {
          send(c, "221 bye\r\n");
          return;
        }
        default -> send(c, "502 no\r\n");
      }
    }
  }
}
