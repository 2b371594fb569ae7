package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.Failures;
import io.netkit.cli.internal.GenericDemo;
import io.netkit.cli.internal.Table;
import io.netkit.cli.internal.Units;
import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.spi.ClientProvider;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.DemoResult;
import io.netkit.testkit.spi.DemoScenario;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code netkit demo}: for every protocol this build supports, starts its testkit server on a
 * free loopback port, runs a short real session through the public client API (the protocol's
 * own {@link DemoScenario}, or the generic one), and prints a table. Exits 0 only when every
 * session passed and at least one ran.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a short real session against a test server of every protocol.",
      "",
      "For every protocol this build supports, starts its test server on 127.0.0.1 with",
      "a fresh directory, runs a session through the public client API, and prints a",
      "table of what happened. Exits 0 only if every session passed."
    })
final class DemoCommand extends BaseCommand {
  DemoCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  /** The demo makes its own accounts and servers, all plain text on loopback. */
  @Override
  List<String> unusedCommonOptions() {
    return List.of("--user", "--tls", "--cacert", "--insecure");
  }

  @Override
  int execute() throws IOException {
    List<DemoScenario> scenarios = new ArrayList<>();
    for (ClientProvider client : catalog.clients()) {
      scenarios.add(catalog.scenario(client.protocol()).orElseGet(() -> new GenericDemo(client)));
    }
    List<Credentials> secrets = new ArrayList<>();
    scenarios.forEach(s -> s.account().ifPresent(secrets::add));
    NetOptions options = common.netOptions(terminal, secrets);

    Table table =
        new Table(
            List.of("PROTOCOL", "PORT", "SESSION", "BYTES", "TIME", "RESULT"),
            false, true, false, true, true, false);
    List<String> failures = new ArrayList<>();
    int passed = 0;
    for (DemoScenario scenario : scenarios) {
      Protocol protocol = scenario.protocol();
      Optional<MockServerProvider> servers = catalog.server(protocol);
      if (servers.isEmpty()) {
        table.row(protocol.name(), "-", "no testkit server in this build", "-", "-", "SKIP");
        continue;
      }
      Outcome outcome = run(scenario, servers.get(), options);
      table.row(
          protocol.name(),
          outcome.port < 0 ? "-" : Integer.toString(outcome.port),
          outcome.result == null ? "failed" : outcome.result.done(),
          outcome.result == null ? "-" : Units.bytes(outcome.result.bytes()),
          Units.elapsed(outcome.time),
          outcome.failure == null ? "OK" : "FAIL");
      if (outcome.failure == null) {
        passed++;
      } else {
        failures.add(protocol.name() + ": " + Failures.message(outcome.failure));
        if (common.verbose) {
          outcome.failure.printStackTrace(terminal.err());
        }
      }
    }
    table.print(terminal.out());
    terminal.out().flush();
    failures.forEach(f -> terminal.err().println("netkit: demo " + f));
    if (scenarios.isEmpty()) {
      terminal.err().println("netkit: demo: this build has no protocol module");
    }
    return failures.isEmpty() && passed > 0 ? ExitCode.OK : ExitCode.FAILURE;
  }

  private record Outcome(int port, DemoResult result, Duration time, Exception failure) {}

  private static Outcome run(DemoScenario scenario, MockServerProvider servers, NetOptions options) {
    Path dir = null;
    int port = -1;
    long start = System.nanoTime();
    try {
      dir = Files.createTempDirectory("netkit-demo-" + scenario.protocol().name() + "-");
      scenario.prepare(dir);
      try (MockServer server = servers.newServer(dir, scenario.account())) {
        server.start(0);
        port = server.port();
        start = System.nanoTime();
        DemoResult result = scenario.run(server, options);
        return new Outcome(port, result, since(start), null);
      }
    } catch (Exception e) {
      return new Outcome(port, null, since(start), e);
    } finally {
      deleteTree(dir);
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temporary directory is harmless.
    }
  }
}
