package io.netkit.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The command's own parsing on arbitrary input (in this package: the script's parser is
 * package-private). A Telnet {@code --script} may be refused only with UsageException (a one-line
 * message naming the file and line); argument vectors only with picocli's ParameterException,
 * which Main turns into a usage error. Parsing only: nothing is executed or connected.
 */
class CliParsingFuzzTest {
  private static final Path SCRIPT = temporaryScript();
  /** Built once: picocli resets every option before each parseArgs. */
  private static final CommandLine COMMAND =
      NetkitCommand.commandLine(Terminal.system(), Catalog.fromClassPath());

  @FuzzTest
  void telnetScriptRefusesOnlyWithUsageException(byte[] script) throws IOException {
    Files.write(SCRIPT, script);
    try {
      for (TelnetCommand.Step step : TelnetCommand.Step.parse(SCRIPT, Duration.ofSeconds(10))) {
        if (step.send() == null) {
          check(step.pattern() != null && step.timeout() != null, "an expect without pattern");
        }
      }
    } catch (UsageException expected) {
      check(expected.getMessage().indexOf('\n') < 0, "a multi-line usage message");
    }
  }

  @FuzzTest
  void argumentsRefuseOnlyWithParameterException(FuzzedDataProvider data) {
    List<String> args = new ArrayList<>();
    int count = data.consumeInt(0, 8);
    for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
      args.add(data.consumeString(64));
    }
    try {
      COMMAND.parseArgs(NetkitCommand.hoist(COMMAND, args.toArray(String[]::new)));
    } catch (CommandLine.ParameterException expected) {
      // documented: Main prints it as one usage line and exits 2
    }
  }

  private static Path temporaryScript() {
    try {
      Path file = Files.createTempFile("netkit-fuzz-script", ".txt");
      file.toFile().deleteOnExit();
      Files.writeString(file, "", StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
