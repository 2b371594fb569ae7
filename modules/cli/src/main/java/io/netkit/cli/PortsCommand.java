package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.Table;
import io.netkit.core.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.Command;

/**
 * {@code netkit ports}: the protocol table (name, schemes, well-known port, TLS port, engine, and
 * whether this build has the module), with a note on every separate data port (FTP's 20).
 */
@Command(
    name = "ports",
    mixinStandardHelpOptions = true,
    description = {
      "Show the protocols, their ports, and which this build supports.",
      "",
      "One row per protocol: URL schemes, well-known port, implicit-TLS port, the",
      "engine behind the module, and whether this build has the module."
    })
final class PortsCommand extends BaseCommand {
  PortsCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  /** A table printed from memory: no server, no login, no timeout, nothing to trace. */
  @Override
  java.util.List<String> unusedCommonOptions() {
    return java.util.List.of(
        "--user", "--connect-timeout", "--timeout", "--max-time", "--tls", "--cacert",
        "--insecure", "--trace", "--silent", "--verbose");
  }

  @Override
  int execute() {
    Properties engines = engines();
    Table table =
        new Table(
            java.util.List.of("PROTOCOL", "SCHEMES", "PORT", "TLS PORT", "ENGINE", "IN THIS BUILD"),
            false, false, true, true, false, false);
    StringBuilder notes = new StringBuilder();
    for (Protocol p : Protocol.all()) {
      String port = Integer.toString(p.defaultPort());
      if (p.dataPort().isPresent()) {
        port += "*";
        notes.append(
            String.format(
                "* %s: %d is the control port; %d, which the classic socket tutorial's table"
                    + " shows, is the active-mode data port.%n",
                p.name(), p.defaultPort(), p.dataPort().getAsInt()));
      }
      table.row(
          p.name(),
          String.join(", ", p.schemes()),
          port,
          p.tlsPort().isPresent() ? Integer.toString(p.tlsPort().getAsInt()) : "-",
          engines.getProperty(p.name(), "-"),
          catalog.supports(p) ? "yes" : "no");
    }
    table.print(terminal.out());
    terminal.out().print(notes);
    return ExitCode.OK;
  }

  private static Properties engines() {
    Properties engines = new Properties();
    try (InputStream in = PortsCommand.class.getResourceAsStream("engines.properties")) {
      if (in != null) {
        engines.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return engines;
  }
}
