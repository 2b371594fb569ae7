package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompletionCommandTest {
  @TempDir Path dir;

  @Test
  void bashScriptNamesEverySubcommandAndItsOptions() {
    Cli.Result r = Cli.run("completion", "bash");
    assertEquals(0, r.code(), r::toString);
    String script = r.out();
    CommandLine tree = NetkitCommand.commandLine(Terminal.system(), Cli.catalog());
    String commands = "local commands=\"" + String.join(" ", tree.getSubcommands().keySet()) + "\"";
    assertTrue(script.contains(commands), "the top level completes every command: " + commands);
    assertTrue(tree.getSubcommands().containsKey("completion"));
    assertTrue(script.contains("--max-time"), "a common option of get");
    assertTrue(script.contains("complete -F _complete_netkit"), "registered for the netkit command");
    assertEquals("", r.stderr());
  }

  @Test
  void bashAcceptsTheBashScript() throws Exception {
    assertParses("bash", Cli.run("completion", "bash"));
  }

  @Test
  void zshScriptIsTheBashScriptBehindAZshHeader() throws Exception {
    Cli.Result bash = Cli.run("completion", "bash");
    Cli.Result zsh = Cli.run("completion", "zsh");
    assertEquals(0, zsh.code(), zsh::toString);
    assertEquals(CompletionCommand.ZSH_HEADER + bash.out(), zsh.out());
    assertTrue(zsh.out().contains("bashcompinit"), "loads zsh's bash completion layer");
    // zsh is not on every machine; bash parses the same text.
    assertParses("bash", zsh);
  }

  @Test
  void otherShellsAreAUsageErrorOnOneLine() {
    Cli.Result r = Cli.run("completion", "fish");
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
    assertEquals(0, r.stdout().length);
    assertEquals(1, r.stderr().strip().lines().count(), r::toString);
    assertTrue(r.stderr().contains("bash, zsh"), r::toString);
    assertFalse(r.stderr().contains("Exception"), r::toString);
  }

  /** {@code bash -n}: the script parses (nothing runs). */
  private void assertParses(String shell, Cli.Result result) throws IOException, InterruptedException {
    Path script = dir.resolve("netkit-completion");
    Files.write(script, result.stdout());
    Process p =
        new ProcessBuilder(shell, "-n", script.toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), shell + " -n ends");
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), shell + " -n: " + output);
    assertEquals("", output);
  }
}
