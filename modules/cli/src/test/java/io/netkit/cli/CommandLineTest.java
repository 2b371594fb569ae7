package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.core.Protocol;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a new user meets it: help, mistakes, -u, and the exit-code table. */
class CommandLineTest {
  private static final Path DOCS =
      Path.of(System.getProperty("basedir", "."), "..", "..", "docs").toAbsolutePath().normalize();

  @Test
  void helpSubcommandShowsTheTopLevelAndACommandsHelp() {
    Cli.Result top = Cli.run("help");
    assertEquals(0, top.code(), top::toString);
    assertTrue(top.out().startsWith("Usage: netkit"), top.out());
    Cli.Result get = Cli.run("help", "get");
    assertEquals(0, get.code(), get::toString);
    assertTrue(get.out().startsWith("Usage: netkit get"), get.out());
    assertTrue(get.out().contains("--output"), get.out());
  }

  @Test
  void topLevelHelpListsEachCommandWithAWholeSentence() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.code(), r::toString);
    for (String command : List.of("get", "ls", "put", "serve", "ports", "demo", "help")) {
      String line =
          r.out().lines().filter(l -> l.startsWith("  " + command + " ")).findFirst()
              .orElseThrow(() -> new AssertionError(command + " not listed: " + r.out()));
      assertTrue(line.endsWith("."), "a whole sentence, not cut: '" + line + "'");
      assertFalse(line.contains(": //"), "no broken URL: " + line);
    }
    assertTrue(r.out().contains("78  no such file"), "the exit codes: " + r.out());
    assertTrue(r.out().lines().allMatch(l -> l.length() <= 80), "fits 80 columns:\n" + r.out());
  }

  @Test
  void everyCommandsHelpFitsEightyColumns() {
    for (String command : List.of("get", "ls", "put", "serve", "ports", "demo")) {
      Cli.Result r = Cli.run(command, "--help");
      assertTrue(
          r.out().lines().allMatch(l -> l.length() <= 80), command + " --help:\n" + r.out());
    }
  }

  @Test
  void portsAndDemoDoNotOfferOptionsThatMeanNothingToThem() {
    Cli.Result ports = Cli.run("ports", "--help");
    Cli.Result demo = Cli.run("demo", "--help");
    for (String option : List.of("--user", "--tls", "--cacert", "--insecure")) {
      assertFalse(ports.out().contains(option), "ports: " + option + "\n" + ports.out());
      assertFalse(demo.out().contains(option), "demo: " + option + "\n" + demo.out());
    }
    assertTrue(demo.out().contains("--trace"), demo.out());
    assertEquals(ExitCode.USAGE, Cli.run("ports", "-u", "a:b").code());
  }

  @Test
  void unknownCommandSaysSoAndListsTheCommands() {
    Cli.Result r = Cli.run("frob");
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
    assertEquals(1, r.stderr().lines().count(), r.stderr());
    assertTrue(r.stderr().startsWith("netkit: unknown command 'frob'"), r.stderr());
    for (String command : List.of("get", "ls", "put", "serve", "ports", "demo", "help")) {
      assertTrue(r.stderr().contains(command), command + ": " + r.stderr());
    }
    assertFalse(r.stderr().contains("Unmatched argument"), r.stderr());
  }

  @Test
  void aMisspelledCommandGetsASuggestion() {
    Cli.Result r = Cli.run("gte", "gopher://127.0.0.1:1/");
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
    assertTrue(r.stderr().contains("did you mean 'get'?"), r.stderr());
  }

  @Test
  void commonOptionsAreAcceptedBeforeTheCommand(@TempDir Path dir) throws Exception {
    Protocol protocol = Fixture.protocols().findFirst().orElseThrow();
    try (Fixture f = Fixture.start(protocol, dir)) {
      String url = f.urlOf("hello.txt").toString();
      Cli.Result r =
          Cli.run(
              new ByteArrayInputStream(new byte[0]), true,
              "-s", "-u", Fixture.ACCOUNT.user() + ":" + Fixture.ACCOUNT.password(),
              "--timeout=5", "get", url);
      assertEquals(0, r.code(), r::toString);
      assertEquals(Fixture.TEXT, r.out());
      assertEquals("", r.stderr(), "-s before the command silences the bar too");
    }
  }

  @Test
  void anOptionBeforeACommandThatLacksItIsAUsageError() {
    Cli.Result r = Cli.run("--trace", "ports");
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
    assertEquals(1, r.stderr().lines().count(), r.stderr());
  }

  @Test
  void userWithoutANameIsAUsageError() {
    Cli.Result r = Cli.run("ls", "-u", ":", "gopher://127.0.0.1:1/");
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
    assertTrue(r.stderr().contains("-u needs a user name"), r.stderr());
  }

  @Test
  void userWithoutAPasswordIsAskedForItAtTheTerminal(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    try (Fixture f = Fixture.start(Protocol.FTP, dir)) {
      List<String> prompts = new ArrayList<>();
      Terminal.PasswordPrompt typed =
          prompt -> {
            prompts.add(prompt);
            return Fixture.ACCOUNT.password().toCharArray();
          };
      Cli.Result r =
          run(typed, "ls", "--trace", "-u", Fixture.ACCOUNT.user(), f.rootUrl().toString());
      assertEquals(0, r.code(), r::toString);
      assertEquals(List.of("Enter password for user 'alice': "), prompts);
      assertTrue(r.out().contains("hello.txt"), r.out());
      assertFalse(r.stderr().contains(Fixture.ACCOUNT.password()), "masked in the trace too");
    }
  }

  @Test
  void withoutATerminalNoPasswordIsAskedForAndTheLoginFailsPlainly(@TempDir Path dir)
      throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    try (Fixture f = Fixture.start(Protocol.FTP, dir)) {
      Cli.Result r = Cli.run("ls", "-u", Fixture.ACCOUNT.user(), f.rootUrl().toString());
      assertEquals(ExitCode.AUTHENTICATION, r.code(), r::toString);
    }
  }

  @Test
  void serveDoesNotAskForThePasswordOfTheAccountItServes() {
    List<String> prompts = new ArrayList<>();
    Cli.Result r =
        run(prompt -> { prompts.add(prompt); return null; }, "serve", "nosuchprotocol", "-u", "bob");
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
    assertEquals(List.of(), prompts);
  }

  @Test
  void anAbsurdTimeoutSaysWhatTheLimitIs() {
    Cli.Result r = Cli.run("get", "--timeout", "1e9", "gopher://127.0.0.1:1/");
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
    assertTrue(r.stderr().contains("at most 31536000 seconds"), r.stderr());
  }

  @Test
  void theExitCodeTableInTheDocsIsTheCommandsOwn() throws Exception {
    String doc = Files.readString(DOCS.resolve("cli.md"), StandardCharsets.UTF_8);
    int start = doc.indexOf("## Exit codes");
    assertTrue(start >= 0, "docs/cli.md has an exit codes section");
    int end = doc.indexOf("\n## ", start + 1);
    String section = doc.substring(start, end < 0 ? doc.length() : end);
    Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\| ([^|]+) \\|").matcher(section);
    Set<Integer> documented = new TreeSet<>();
    while (row.find()) {
      int code = Integer.parseInt(row.group(1));
      documented.add(code);
      String meaning = ExitCode.meanings().get(code);
      assertTrue(meaning != null, "docs/cli.md lists " + code + ", which ExitCode has not");
      assertEquals(meaning, row.group(2).strip().replace("\\|", "|"), "meaning of " + code);
    }
    assertEquals(new TreeSet<>(ExitCode.meanings().keySet()), documented, "every code documented");
    for (var field : ExitCode.class.getFields()) {
      int code = field.getInt(null);
      assertTrue(ExitCode.meanings().containsKey(code), field.getName() + " has a meaning");
    }
  }

  @Test
  void theProtocolTableInSocketsMdIsTheOnePortsPrints() throws Exception {
    String doc = Files.readString(DOCS.resolve("sockets.md"), StandardCharsets.UTF_8);
    Matcher row =
        Pattern.compile("(?m)^\\| [^|]+ \\| [^|]+ \\| (\\d+)[^|]* \\| ([^|]+) \\| `Protocol\\.(\\w+)` \\|$")
            .matcher(doc);
    Set<String> seen = new TreeSet<>();
    while (row.find()) {
      Protocol p =
          Protocol.all().stream()
              .filter(x -> x.name().equalsIgnoreCase(row.group(3)))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no protocol " + row.group(3)));
      seen.add(p.name());
      assertEquals(p.defaultPort(), Integer.parseInt(row.group(1)), "port of " + p.name());
      String tls = row.group(2).strip();
      String want = p.tlsPort().isPresent() ? Integer.toString(p.tlsPort().getAsInt()) : "-";
      assertTrue(tls.equals(want) || tls.startsWith(want + " "), p.name() + " TLS port: " + tls);
    }
    assertEquals(Protocol.all().size(), seen.size(), "every protocol in docs/sockets.md: " + seen);
  }

  private static Cli.Result run(Terminal.PasswordPrompt passwords, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal terminal =
        new Terminal(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false,
            false,
            passwords);
    int code = Main.run(args, terminal, Cli.catalog());
    return new Cli.Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }
}
