package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.core.Protocol;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Progress bars only for people, the masked trace, --insecure's warning, ports, version. */
class OutputAndTraceTest {
  static List<Protocol> protocols() {
    return Fixture.protocols().toList();
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void progressIsDrawnOnlyOnATerminalAndNotWhenSilent(Protocol protocol, @TempDir Path dir)
      throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      String url = f.urlOf("data.bin").toString();
      byte[] none = new byte[0];
      Cli.Result piped = Cli.run(new ByteArrayInputStream(none), false, SchemeCommandsTest.args(f, "get", url));
      Cli.Result terminal = Cli.run(new ByteArrayInputStream(none), true, SchemeCommandsTest.args(f, "get", url));
      Cli.Result silent =
          Cli.run(new ByteArrayInputStream(none), true, SchemeCommandsTest.args(f, "get", "-s", url));
      assertEquals("", piped.stderr(), "no progress when stderr is not a terminal");
      assertEquals("", silent.stderr(), "no progress with -s");
      assertEquals(0, terminal.code(), terminal::toString);
      assertTrue(terminal.stderr().startsWith("\r"), terminal.stderr());
      assertTrue(terminal.stderr().contains("200.0 KiB"), "final byte count: " + terminal.stderr());
      assertTrue(terminal.stderr().endsWith("\n"), "the bar's line is ended");
      assertEquals(Fixture.BINARY.length, terminal.stdout().length, "progress never on stdout");
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void traceShowsTheWireOnStderrWithoutThePassword(Protocol protocol, @TempDir Path dir)
      throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      // A subdirectory, so that even Gopher sends a non-empty line (its selector).
      Cli.Result r = Cli.run(SchemeCommandsTest.args(f, "ls", "--trace", f.urlOf("sub").toString()));
      assertEquals(0, r.code(), r::toString);
      assertTrue(r.stderr().lines().anyMatch(l -> l.contains(" > ")), "sent lines: " + r.stderr());
      assertTrue(r.stderr().lines().anyMatch(l -> l.contains(" < ")), "received lines");
      assertFalse(r.stderr().contains(Fixture.ACCOUNT.password()), "password in trace");
      assertFalse(r.out().contains(" > "), "the trace never goes to stdout");
    }
  }

  @Test
  void ftpTraceMasksThePassCommand(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    try (Fixture f = Fixture.start(Protocol.FTP, dir)) {
      Cli.Result r = Cli.run(SchemeCommandsTest.args(f, "ls", "--trace", f.rootUrl().toString()));
      assertEquals(0, r.code(), r::toString);
      assertTrue(r.stderr().contains("PASS ****"), r.stderr());
      assertFalse(r.stderr().contains(Fixture.ACCOUNT.password()), r.stderr());
    }
  }

  @Test
  void urlUserinfoLogsInAndIsMaskedInTheTrace(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    try (Fixture f = Fixture.start(Protocol.FTP, dir)) {
      String url =
          f.rootUrl().toString().replace("://", "://alice:" + Fixture.ACCOUNT.password() + "@");
      Cli.Result r = Cli.run("ls", "--trace", url);
      assertEquals(0, r.code(), r::toString);
      assertTrue(r.out().contains("hello.txt"), r.out());
      assertTrue(r.stderr().contains("USER alice"), r.stderr());
      assertFalse(r.stderr().contains(Fixture.ACCOUNT.password()), r.stderr());
    }
  }

  @Test
  void insecureWarnsLoudlyWhenTheConnectionUsesTls() {
    Cli.Result r = Cli.run("ls", "-s", "--insecure", "gophers://127.0.0.1:1/");
    assertTrue(r.stderr().contains("WARNING: --insecure"), r.stderr());
  }

  @Test
  void insecureSaysNothingOnAPlainConnection(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    try (Fixture f = Fixture.start(Protocol.FTP, dir)) {
      Cli.Result r = Cli.run(SchemeCommandsTest.args(f, "ls", "-k", f.rootUrl().toString()));
      assertEquals(0, r.code(), r::toString);
      assertEquals("", r.stderr(), "no TLS, nothing to warn about");
    }
  }

  @Test
  void portsListsAllEightProtocolsAndWhatThisBuildSupports() {
    Cli.Result r = Cli.run("ports");
    assertEquals(0, r.code());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("PROTOCOL"), r.out());
    for (Protocol p : Protocol.all()) {
      String row =
          lines.stream().filter(l -> l.startsWith(p.name() + " ")).findFirst().orElseThrow();
      assertTrue(
          row.endsWith(Cli.catalog().supports(p) ? "yes" : "no"), "support column: " + row);
    }
    assertTrue(r.out().contains("20, which the classic socket tutorial's table shows"), r.out());
    assertTrue(lines.stream().anyMatch(l -> l.matches("ftp +ftp, ftps +21\\* +990 .*")), r.out());
  }

  @Test
  void versionNamesTheProtocolsOfThisBuildOnEveryCommand() {
    for (String command : List.of("get", "ls", "put", "serve", "ports", "demo")) {
      Cli.Result r = Cli.run(command, "--version");
      assertEquals(0, r.code());
      assertTrue(r.out().startsWith("netkit 0."), r.out());
      assertTrue(r.out().contains("protocols: "), r.out());
    }
  }

  @Test
  void helpIsOnEveryCommand() {
    for (String command : List.of("get", "ls", "put", "demo")) {
      Cli.Result r = Cli.run(command, "--help");
      assertEquals(0, r.code());
      assertTrue(r.out().startsWith("Usage: netkit " + command), r.out());
      assertTrue(r.out().contains("--max-time"), r.out());
    }
    for (String command : List.of("serve", "ports")) {
      Cli.Result r = Cli.run(command, "--help");
      assertEquals(0, r.code());
      assertTrue(r.out().startsWith("Usage: netkit " + command), r.out());
      assertFalse(r.out().contains("--max-time"), "means nothing to " + command + ": " + r.out());
    }
  }
}
