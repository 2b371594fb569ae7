package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.CommandException;
import io.netkit.cli.internal.LocalFileException;
import io.netkit.cli.internal.UsageException;
import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
 * process, interrupting the calling thread stops it too. What serving a directory means (and
 * whether uploads reach it) is the protocol's, as its {@code MockServerProvider} documents.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a directory on 127.0.0.1 with a protocol's test server.",
      "",
      "Prints the server's URL on standard output and runs until Ctrl-C.",
      "With -u USER:PASSWORD that account is the one accepted, and may upload;",
      "without, the protocol's open default (anonymous FTP) may only read, unless",
      "--writable. Uploads are stored in the directory."
    })
final class ServeCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "PROTOCOL", description = "What to serve: gopher, ftp, ...")
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

  @Option(
      names = "--writable",
      description = "Let anonymous users upload, delete and rename (default: read-only).")
  boolean writable;

  ServeCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  /** A server: no timeouts, no TLS (the test servers speak plain text), no client trace. */
  @Override
  java.util.List<String> unusedCommonOptions() {
    return java.util.List.of(
        "--connect-timeout", "--timeout", "--max-time", "--tls", "--cacert", "--insecure",
        "--trace");
  }

  /** {@code -u} names the account served: no password is asked for. */
  @Override
  boolean asksForPassword() {
    return false;
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
    MockServer server = provider.reportingTo(provider.newServer(dir, Optional.ofNullable(account), writable), terminal.out());
    try {
      server.start(port);
    } catch (IOException e) {
      throw new CommandException(
          "cannot listen on 127.0.0.1:" + port + ": " + why(e), ExitCode.FAILURE, e);
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
            + (account == null
                ? writable ? " (anonymous may write)" : ""
                : " for user " + account.user())
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

  /** Why a port could not be bound, in plain words, from the root cause. */
  private static String why(IOException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof BindException) {
      String text = root.getMessage() == null ? "" : root.getMessage().toLowerCase(Locale.ROOT);
      if (text.contains("in use")) {
        return "the port is in use (another server is running there; pick another --port, or"
            + " --port 0 for a free one)";
      }
      if (text.contains("permission")) {
        return "permission denied (ports below 1024 need privileges; pick one above)";
      }
      return text.isEmpty() ? "the port cannot be bound" : text;
    }
    String text = root.getMessage();
    return text == null || text.isBlank() ? "the port cannot be bound" : text;
  }

  private MockServerProvider provider() {
    // A server of its own name first: `serve xmlrpc` is an HTTP server named xmlrpc.
    Optional<MockServerProvider> named = catalog.servers().stream()
        .filter(s -> s.name().equalsIgnoreCase(protocolName)).findFirst();
    if (named.isPresent()) {
      return named.get();
    }
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
                .map(MockServerProvider::name)
                .collect(Collectors.joining(", "));
  }
}
