package io.netkit.cli;

import io.netkit.cli.internal.Catalog;

/**
 * Entry point of the {@code netkit} command (the runnable jar's main class). Protocols come from
 * the modules on the class path, through the core's {@code ClientProvider} and testkit's
 * {@code MockServerProvider} and {@code DemoScenario} service interfaces.
 */
public final class Main {
  private Main() {}

  /** Runs the command and exits with its {@link ExitCode}. */
  public static void main(String[] args) {
    int code = run(args, Terminal.system());
    System.exit(code);
  }

  /**
   * Runs the command with the given streams and returns its {@link ExitCode} instead of exiting,
   * for embedding and tests.
   */
  public static int run(String[] args, Terminal terminal) {
    return run(args, terminal, Catalog.fromClassPath());
  }

  static int run(String[] args, Terminal terminal, Catalog catalog) {
    try {
      picocli.CommandLine command = NetkitCommand.commandLine(terminal, catalog);
      return command.execute(NetkitCommand.hoist(command, args));
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }
}
