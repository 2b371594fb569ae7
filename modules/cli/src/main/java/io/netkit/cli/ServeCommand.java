package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.LocalFileException;
import io.netkit.cli.internal.UsageException;
import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netkit serve PROTOCOL}: runs one testkit server in the foreground on 127.0.0.1, like
 * {@code python -m http.server}. Prints the server's URL as the only line on stdout (scripts read
 * it), then serves until Ctrl-C (or SIGTERM), which a shutdown hook turns into a clean stop. In
 * process, interrupting the calling thread stops it too.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a directory with a protocol's testkit server on 127.0.0.1 until Ctrl-C.",
      "Prints the server's URL on standard output. -u USER:PASSWORD sets the one account",
      "accepted (default: the protocol's open default, e.g. anonymous FTP)."
    })
final class ServeCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "PROTOCOL", description = "e.g. gopher, ftp")
  String protocolName;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "N",
      description = "Listen on port N (default 0: a free port, printed).")
  int port;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Serve this directory (default: the current one).")
  Path root = Path.of(".");

  ServeCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  /** A server runs until stopped; --max-time limits client operations, not this. */
  @Override
  boolean boundedByMaxTime() {
    return false;
  }

  @Override
  int execute() throws IOException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0..65535: " + port);
    }
    MockServerProvider provider = provider();
    Path dir = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new LocalFileException("cannot serve " + root + ": not a directory", null);
    }
    Credentials account = common.credentials();
    MockServer server = provider.newServer(dir, Optional.ofNullable(account));
    try {
      server.start(port);
    } catch (IOException e) {
      throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              server.stop();
              notice("stopped");
              stopped.countDown();
            },
            "netkit-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    terminal.out().println(server.url());
    terminal.out().flush();
    notice(
        "serving "
            + dir
            + " over "
            + provider.protocol().name()
            + (account == null ? "" : " for user " + account.user())
            + "; Ctrl-C stops");
    boolean interrupted = false;
    try {
      stopped.await();
    } catch (InterruptedException e) {
      interrupted = true; // stop asked in process: stop cleanly below
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
      // Stopped with the interrupt flag clear: some servers wait for their threads to end.
      server.stop();
    } catch (IllegalStateException shuttingDown) {
      // The hook is stopping the server.
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return ExitCode.OK;
  }

  private MockServerProvider provider() {
    Protocol protocol =
        Protocol.named(protocolName)
            .orElseThrow(
                () -> new UsageException("unknown protocol '" + protocolName + "'; " + servable()));
    return catalog
        .server(protocol)
        .orElseThrow(
            () ->
                new UsageException(
                    "this build has no testkit server for " + protocol.name() + "; " + servable()));
  }

  private String servable() {
    return catalog.servers().isEmpty()
        ? "this build can serve no protocol"
        : "this build can serve "
            + catalog.servers().stream()
                .map(s -> s.protocol().name())
                .collect(Collectors.joining(", "));
  }
}
