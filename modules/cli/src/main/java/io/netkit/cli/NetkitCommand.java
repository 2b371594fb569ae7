package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code netkit} command: only dispatches to its subcommands. The common options
 * belong to each subcommand (so {@code ports} can leave out what means nothing to it), and are
 * accepted before the subcommand's name too ({@code netkit -s get URL}): {@link #hoist} moves them
 * after it before picocli parses.
 */
@Command(
    name = "netkit",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Talk to the classic internet services by URL, and run their test servers.",
      "",
      "Common options (-u, --trace, -s, --max-time, ...) go before or after COMMAND.",
      "'netkit help COMMAND' or 'netkit COMMAND --help' shows a command's options."
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
    cl.addSubcommand(new SendCommand(terminal, catalog));
    cl.addSubcommand(new RmCommand(terminal, catalog));
    cl.addSubcommand(new ProbeCommand(terminal, catalog));
    cl.addSubcommand(new WatchCommand(terminal, catalog));
    cl.addSubcommand(new ServeCommand(terminal, catalog));
    cl.addSubcommand(new PortsCommand(terminal, catalog));
    cl.addSubcommand(new DemoCommand(terminal, catalog));
    cl.addSubcommand(new TelnetCommand(terminal, catalog));
    cl.addSubcommand(new XmlRpcCommand(terminal, catalog));
    cl.addSubcommand(new CompletionCommand(terminal));
    cl.addSubcommand(new CommandLine.HelpCommand());
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommand() instanceof BaseCommand command) {
        CommandSpec spec = sub.getCommandSpec();
        for (String name : command.unusedCommonOptions()) {
          if (spec.findOption(name) != null) {
            spec.remove(spec.findOption(name));
          }
        }
      }
    }
    cl.getCommandSpec().usageMessage().footer(exitCodes());
    // Room for --connect-timeout=SECONDS beside its description: even columns, not ragged ones.
    cl.setUsageHelpLongOptionsMaxWidth(25);
    String[] version = version(catalog);
    cl.getCommandSpec().version(version);
    cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(version));
    // After the subcommands exist: these settings apply to the whole tree.
    // curl's -d @FILE and --data-binary @FILE name files for the command, not argument files.
    cl.setExpandAtFiles(false);
    cl.setOut(new PrintWriter(terminal.out(), true));
    cl.setErr(new PrintWriter(terminal.err(), true));
    cl.setParameterExceptionHandler(
        (e, args) -> {
          // One line, curl style, instead of the whole usage text.
          String name = e.getCommandLine().getCommandSpec().qualifiedName();
          String message = unknownCommand(e, cl).orElse(e.getMessage());
          terminal.err().println("netkit: " + message + " (try '" + name + " --help')");
          terminal.err().flush();
          return ExitCode.USAGE;
        });
    return cl;
  }

  /** "unknown command 'frob'; the commands are ..." for a first argument that names none. */
  private static Optional<String> unknownCommand(ParameterException e, CommandLine top) {
    if (!(e instanceof UnmatchedArgumentException unmatched)
        || e.getCommandLine() != top
        || unmatched.getUnmatched().isEmpty()
        || unmatched.getUnmatched().get(0).startsWith("-")) {
      return Optional.empty();
    }
    String word = unmatched.getUnmatched().get(0);
    String commands = String.join(", ", top.getSubcommands().keySet());
    String close = closest(word, top.getSubcommands().keySet());
    String hint = close == null ? "" : "; did you mean '" + close + "'?";
    return Optional.of("unknown command '" + word + "'" + hint + "; the commands are " + commands);
  }

  /** The command within two edits of {@code word} (a typo), or null. */
  private static String closest(String word, java.util.Collection<String> commands) {
    String best = null;
    int bestDistance = 3;
    for (String command : commands) {
      int d = distance(word, command);
      if (d < bestDistance) {
        best = command;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Edit distance, with a swap of neighbours counting as one edit ("gte" is one from "get"). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /**
   * The arguments with common options given before the subcommand's name moved after it, where
   * picocli looks for them: {@code -s get URL} becomes {@code get -s URL}. Only options the named
   * subcommand takes are moved; anything else is left for picocli to report.
   */
  static String[] hoist(CommandLine top, String[] args) {
    int i = 0;
    List<String> leading = new ArrayList<>();
    CommandSpec reference = top.getSubcommands().get("get").getCommandSpec();
    while (i < args.length && args[i].startsWith("-") && !args[i].equals("--")) {
      String name = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
      OptionSpec option = reference.findOption(name);
      if (option == null || option.usageHelp() || option.versionHelp()) {
        return args; // -h, -V, or not a common option: picocli answers
      }
      leading.add(args[i]);
      boolean takesValue = option.arity().max() > 0 && !args[i].contains("=");
      if (takesValue && i + 1 < args.length) {
        leading.add(args[++i]);
      }
      i++;
    }
    if (leading.isEmpty() || i >= args.length) {
      return args;
    }
    CommandLine sub = top.getSubcommands().get(args[i]);
    if (sub == null) {
      return args;
    }
    for (String arg : leading) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (arg.startsWith("-") && reference.findOption(name) != null
          && sub.getCommandSpec().findOption(name) == null) {
        return args; // e.g. -u before ports: picocli says it is unknown
      }
    }
    List<String> moved = new ArrayList<>();
    moved.add(args[i]);
    moved.addAll(leading);
    moved.addAll(Arrays.asList(args).subList(i + 1, args.length));
    return moved.toArray(new String[0]);
  }

  /** The exit codes, for the help's footer. */
  private static String[] exitCodes() {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Exit codes (curl's numbers where curl has the same failure):");
    ExitCode.meanings().forEach((code, meaning) -> lines.add(String.format("  %2d  %s", code, meaning)));
    return lines.toArray(new String[0]);
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
