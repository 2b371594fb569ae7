package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.LocalFileException;
import io.netkit.cli.internal.Units;
import io.netkit.cli.internal.UsageException;
import io.netkit.core.NetOptions;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.InteractiveProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netkit telnet HOST [PORT]}: a conversation with a Telnet server in one of three ways. On
 * a terminal, an interactive session in raw mode ({@link RawTerminalSession}). With standard input
 * piped, its lines are sent and what comes back is printed, until the server closes, or input has
 * ended and the server has been quiet for {@code --quiet} seconds. With {@code --script FILE},
 * send/expect steps; an expect that times out prints what was seen and exits 28.
 *
 * <p>The protocol is found through the catalog as a {@link ClientProvider} that is an {@link
 * InteractiveProvider}; this class names only the command's scheme.
 */
@Command(
    name = "telnet",
    mixinStandardHelpOptions = true,
    description = {
      "Talk to a Telnet server: interactive, piped or scripted.",
      "",
      "On a terminal: raw mode; Ctrl-] then quit leaves. With standard input piped:",
      "its lines are sent and the replies printed, until the server closes or input",
      "has ended and the server has been quiet for --quiet seconds. --script FILE runs",
      "'send TEXT' and 'expect REGEX [SECONDS]' lines (see docs/telnet.md).",
      "-u USER:PASSWORD logs in through the server's login and password prompts."
    })
final class TelnetCommand extends BaseCommand {
  private static final String SCHEME = "telnet";
  private static final Duration POLL = Duration.ofMillis(100);

  @Parameters(index = "0", paramLabel = "HOST", description = "The server, or a telnet:// URL.")
  String host;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "PORT",
      description = "The port (default 23).")
  String port;

  @Option(
      names = "--script",
      paramLabel = "FILE",
      description = "Run the send/expect steps in FILE instead of reading standard input.")
  Path script;

  @Option(
      names = "--quiet",
      paramLabel = "SECONDS",
      description = "With piped input: how long the server must be quiet after input ends (1).")
  String quiet;

  @Option(
      names = "--expect-timeout",
      paramLabel = "SECONDS",
      description = "The wait of a script's expect without SECONDS (default 10).")
  String expectTimeout;

  TelnetCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  @Override
  int execute() throws IOException {
    URI uri = url(target());
    ClientProvider provider = catalog.clientForScheme(uri.getScheme());
    if (!(provider instanceof InteractiveProvider interactive)) {
      throw new UsageException(uri.getScheme() + " has no interactive sessions in this build");
    }
    NetOptions options = provider.options(uri, common.netOptions(terminal, secrets(uri)));
    if (script != null) {
      List<Step> steps = Step.parse(script, seconds("--expect-timeout", expectTimeout, 10));
      return runScript(interactive, uri, options, steps);
    }
    if (RawTerminalSession.standardInputIsTerminal(terminal)) {
      return runInteractive(interactive, uri, options);
    }
    return runPiped(interactive, uri, options, seconds("--quiet", quiet, 1));
  }

  /** The URL for the arguments: HOST [PORT], or a telnet:// URL given as HOST. */
  private String target() {
    if (host.contains("://")) {
      if (port != null) {
        throw new UsageException("give the port in the URL or as PORT, not both");
      }
      return host;
    }
    if (port != null && !port.matches("\\d{1,5}")) {
      throw new UsageException("PORT must be a number: '" + port + "'");
    }
    String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    return SCHEME + "://" + h + (port == null ? "" : ":" + port);
  }

  private int runInteractive(InteractiveProvider provider, URI uri, NetOptions options)
      throws IOException {
    return RawTerminalSession.onThisTerminal(provider, uri, options, this::whenAbandoned);
  }

  /** Interactive mode on a given JLine terminal (tests use a dumb one). */
  static void interactive(
      InteractiveProvider provider, URI uri, NetOptions options, org.jline.terminal.Terminal tty)
      throws IOException {
    InteractiveProvider.Session session =
        provider.open(uri, options, new InteractiveProvider.TerminalInfo("dumb", 80, 24));
    new RawTerminalSession(tty, session).run();
  }

  private int runPiped(InteractiveProvider provider, URI uri, NetOptions options, Duration quietFor)
      throws IOException {
    try (InteractiveProvider.Session session = provider.open(uri, options, terminalInfo())) {
      whenAbandoned(session::close);
      PipedInput input = new PipedInput(session);
      input.start();
      byte[] buffer = new byte[8192];
      long lastHeard = System.nanoTime();
      while (true) {
        input.rethrow();
        int n = session.read(buffer, 0, buffer.length, POLL);
        if (n < 0) {
          break; // the server closed
        }
        if (n > 0) {
          terminal.out().write(buffer, 0, n);
          terminal.out().flush();
          lastHeard = System.nanoTime();
        } else if (input.endedAt() != 0) {
          long since = System.nanoTime() - Math.max(lastHeard, input.endedAt());
          if (since >= quietFor.toNanos()) {
            break;
          }
        }
      }
      input.rethrow();
    }
    return ExitCode.OK;
  }

  private int runScript(
      InteractiveProvider provider, URI uri, NetOptions options, List<Step> steps)
      throws IOException {
    try (InteractiveProvider.Session session = provider.open(uri, options, terminalInfo())) {
      whenAbandoned(session::close);
      for (Step step : steps) {
        if (step.send() != null) {
          session.sendLine(step.send());
          continue;
        }
        try {
          terminal.out().print(session.expect(step.pattern(), step.timeout()));
          terminal.out().flush();
        } catch (IOException e) {
          if (e instanceof InteractiveProvider.Seen seen) {
            terminal.out().print(seen.seen());
            terminal.out().println();
            terminal.out().flush();
          }
          throw e;
        }
      }
    }
    return ExitCode.OK;
  }

  private static InteractiveProvider.TerminalInfo terminalInfo() {
    String term = System.getenv("TERM");
    return new InteractiveProvider.TerminalInfo(
        term == null || term.isBlank() ? "dumb" : term, 80, 24);
  }

  private static Duration seconds(String option, String value, int otherwise) {
    return value == null ? Duration.ofSeconds(otherwise) : Units.seconds(option, value);
  }

  /** Sends standard input's lines on a thread of its own, so the replies flow meanwhile. */
  private final class PipedInput extends Thread {
    private final InteractiveProvider.Session session;
    private volatile long endedAt;
    private volatile IOException failure;

    PipedInput(InteractiveProvider.Session session) {
      super("netkit-telnet-stdin");
      setDaemon(true); // a stdin that never ends must not keep the JVM alive
      this.session = session;
    }

    @Override
    public void run() {
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          session.sendLine(line);
        }
      } catch (IOException e) {
        failure = e;
      } catch (RuntimeException closed) {
        // the session closed under us: the read loop reports why
      } finally {
        endedAt = System.nanoTime();
      }
    }

    long endedAt() {
      return endedAt;
    }

    void rethrow() throws IOException {
      IOException e = failure;
      if (e != null) {
        throw e;
      }
    }
  }

  /** One script line: send a line, or expect a pattern within a timeout. */
  record Step(String send, Pattern pattern, Duration timeout) {
    private static final Pattern SECONDS = Pattern.compile("(.*\\S)\\s+(\\d+(?:\\.\\d+)?)");

    static List<Step> parse(Path file, Duration defaultTimeout) throws IOException {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (java.nio.charset.CharacterCodingException e) {
        // Found by fuzzing: the decoder's own message ("Input length = 1") says nothing useful.
        throw new UsageException("--script " + file + " is not UTF-8 text");
      } catch (IOException e) {
        throw LocalFileException.reading("cannot read --script " + file + ": " + e.getMessage(), e);
      }
      List<Step> steps = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String where = file + " line " + (i + 1);
        int space = line.indexOf(' ');
        String word = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : lines.get(i).stripLeading().substring(space + 1);
        switch (word) {
          case "send" -> steps.add(new Step(rest, null, null));
          case "expect" -> steps.add(expect(rest.strip(), defaultTimeout, where));
          default ->
              throw new UsageException(
                  where + ": expected 'send TEXT' or 'expect REGEX [SECONDS]'");
        }
      }
      return steps;
    }

    private static Step expect(String rest, Duration defaultTimeout, String where) {
      if (rest.isEmpty()) {
        throw new UsageException(where + ": expect needs a pattern");
      }
      String regex = rest;
      Duration timeout = defaultTimeout;
      var m = SECONDS.matcher(rest);
      if (m.matches()) {
        regex = m.group(1);
        timeout = Units.seconds("expect", m.group(2));
      }
      try {
        return new Step(null, Pattern.compile(regex), timeout);
      } catch (PatternSyntaxException e) {
        throw new UsageException(where + ": bad pattern: " + e.getDescription());
      }
    }
  }
}
