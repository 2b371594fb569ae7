package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code netkit} command: only dispatches to its subcommands. */
@Command(
    name = "netkit",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Talk to the classic internet services by URL, and run their test servers.",
      "Exit codes: 0 ok, 1 other failure, 2 usage, 6 cannot resolve, 7 cannot connect,",
      "8 protocol error, 22 server refused, 23 local file, 28 timeout, 35 TLS, 67 login."
    })
final class NetkitCommand implements Runnable {
  @Spec CommandSpec spec;

  private final Terminal terminal;

  private NetkitCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public void run() {
    // `netkit` alone: say what exists, as curl does, and fail as a usage error.
    spec.commandLine().usage(terminal.err());
    throw new CommandLine.ParameterException(spec.commandLine(), "missing COMMAND");
  }

  /** The whole command tree, writing to {@code terminal}, knowing the protocols of {@code catalog}. */
  static CommandLine commandLine(Terminal terminal, Catalog catalog) {
    CommandLine cl = new CommandLine(new NetkitCommand(terminal));
    cl.addSubcommand(new GetCommand(terminal, catalog));
    cl.addSubcommand(new LsCommand(terminal, catalog));
    cl.addSubcommand(new PutCommand(terminal, catalog));
    cl.addSubcommand(new ServeCommand(terminal, catalog));
    cl.addSubcommand(new PortsCommand(terminal, catalog));
    cl.addSubcommand(new DemoCommand(terminal, catalog));
    String[] version = version(catalog);
    cl.getCommandSpec().version(version);
    cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(version));
    // After the subcommands exist: these settings apply to the whole tree.
    cl.setOut(new PrintWriter(terminal.out(), true));
    cl.setErr(new PrintWriter(terminal.err(), true));
    cl.setParameterExceptionHandler(
        (e, args) -> {
          // One line, curl style, instead of the whole usage text.
          String name = e.getCommandLine().getCommandSpec().qualifiedName();
          terminal.err().println("netkit: " + e.getMessage() + " (try '" + name + " --help')");
          terminal.err().flush();
          return ExitCode.USAGE;
        });
    return cl;
  }

  private static String[] version(Catalog catalog) {
    Properties p = new Properties();
    try (InputStream in = NetkitCommand.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException ignored) {
      // Unknown version below.
    }
    String protocols =
        catalog.clients().stream()
            .map(c -> c.protocol().name())
            .collect(Collectors.joining(", "));
    return new String[] {
      "netkit " + p.getProperty("version", "(unknown version)"),
      "protocols: " + (protocols.isEmpty() ? "none" : protocols),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
