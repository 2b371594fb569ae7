package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.core.Protocol;
import io.netkit.testkit.Fault;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each failure class has its own exit code and one line on stderr, without a stack trace. */
class ExitCodesTest {
  static List<Protocol> protocols() {
    return Fixture.protocols().toList();
  }

  private static String anyScheme() {
    Protocol p = Fixture.protocols().findFirst().orElseThrow();
    return p.schemes().get(0);
  }

  @Test
  void refusedPortGivesTheConnectCode() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Cli.Result r = Cli.run("get", anyScheme() + "://127.0.0.1:" + closed + "/");
    assertEquals(ExitCode.CANNOT_CONNECT, r.code(), r::toString);
    assertOneLine(r);
    assertTrue(r.stderr().contains("127.0.0.1:" + closed), r.stderr());
  }

  @Test
  void unknownHostGivesTheResolveCode() {
    Cli.Result r =
        Cli.run("get", "--connect-timeout", "3", anyScheme() + "://no-such-host.invalid/");
    assertEquals(ExitCode.CANNOT_RESOLVE, r.code(), r::toString);
    assertOneLine(r);
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void stalledServerGivesTheTimeoutCodeWithinTheIdleTimeout(Protocol protocol, @TempDir Path dir)
      throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      f.server.fault(Fault.STALL);
      long start = System.nanoTime();
      Cli.Result r = Cli.run(
              SchemeCommandsTest.args(
                  f, "ls", "--connect-timeout", "1", "--timeout", "0.4", f.rootUrl().toString()));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(ExitCode.TIMEOUT, r.code(), r::toString);
      assertOneLine(r);
      assertTrue(took.toMillis() < 3000, "took " + took);
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void maxTimeBoundsTheWholeOperation(Protocol protocol, @TempDir Path dir) throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      f.server.fault(Fault.STALL);
      long start = System.nanoTime();
      Cli.Result r =
          Cli.run(
              SchemeCommandsTest.args(
                  f, "ls", "--timeout", "20", "--max-time", "0.5", f.rootUrl().toString()));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(ExitCode.TIMEOUT, r.code(), r::toString);
      assertTrue(took.toMillis() < 5000, "took " + took);
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void downloadFailingPartWayLeavesNoFileThatLooksComplete(Protocol protocol, @TempDir Path dir)
      throws Exception {
    Path served = Files.createDirectories(dir.resolve("served"));
    Path target = dir.resolve("data.bin");
    try (Fixture f = Fixture.start(protocol, served)) {
      String url = f.urlOf("data.bin").toString();
      f.server.fault(Fault.DRIP);
      Cli.Result r =
          Cli.run(SchemeCommandsTest.args(f, "get", "--max-time", "0.6", url, "-o", target.toString()));
      assertEquals(ExitCode.TIMEOUT, r.code(), r::toString);
      assertFalse(Files.exists(target), "no file under the final name");
      try (Stream<Path> left = Files.list(dir)) {
        assertEquals(List.of(served), left.toList(), "no part file left either");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void missingFileGivesCurlsNotFoundCodeAndTheReply(Protocol protocol, @TempDir Path dir)
      throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      Cli.Result r = Cli.run(SchemeCommandsTest.args(f, "get", f.missing("hello.txt").toString()));
      // curl's codes: 78 "remote file not found", except HTTP, where a 404 is curl --fail's 22.
      int expected = protocol.equals(Protocol.HTTP) ? ExitCode.SERVER_REFUSED : ExitCode.NOT_FOUND;
      assertEquals(expected, r.code(), r::toString);
      assertOneLine(r);
      assertTrue(r.stderr().contains("no-such-file"), r.stderr());
    }
  }

  @Test
  void badPasswordGivesTheAuthenticationCode(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    try (Fixture f = Fixture.start(Protocol.FTP, dir)) {
      Cli.Result r = Cli.run("ls", "-u", "alice:wrong-password", f.rootUrl().toString());
      assertEquals(ExitCode.AUTHENTICATION, r.code(), r::toString);
      assertOneLine(r);
      assertFalse(r.stderr().contains("wrong-password"), "never print the password");
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void usageErrorsAboutTheUrlNeverShowThePasswordGivenWithU(Protocol protocol, @TempDir Path dir)
      throws Exception {
    Path upload = Files.writeString(dir.resolve("up.txt"), "x\n");
    try (Fixture f = Fixture.start(protocol, Files.createDirectories(dir.resolve("served")))) {
      // Standard input cannot be uploaded to a directory URL (nor can anything, for a read-only
      // protocol): modules quote the URL, which carries the -u credentials.
      String url = f.rootUrl().resolve("sub/").toString();
      Cli.Result r = Cli.run(SchemeCommandsTest.args(f, "put", url, "-"));
      assertEquals(ExitCode.USAGE, r.code(), r::toString);
      assertOneLine(r);
      assertFalse(r.stderr().contains(Fixture.ACCOUNT.password()), r.stderr());
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void unwritableOutputGivesTheLocalFileCodeBeforeConnecting(Protocol protocol, @TempDir Path dir)
      throws Exception {
    try (Fixture f = Fixture.start(protocol, Files.createDirectories(dir.resolve("served")))) {
      String target = dir.resolve("no/such/dir/out.txt").toString();
      Cli.Result r =
          Cli.run(SchemeCommandsTest.args(f, "get", f.rootUrl().toString(), "-o", target));
      assertEquals(ExitCode.LOCAL_FILE, r.code(), r::toString);
      assertOneLine(r);
      assertTrue(r.stderr().contains(target), r.stderr());
    }
  }

  @Test
  void missingLocalFileForPutGivesCurlsReadErrorCode(@TempDir Path dir) {
    Cli.Result r =
        Cli.run("put", anyScheme() + "://127.0.0.1:1/x", dir.resolve("absent.txt").toString());
    assertEquals(ExitCode.READ_ERROR, r.code(), r::toString);
    assertTrue(r.stderr().contains("no such file"), r.stderr());
  }

  @Test
  void missingCaCertFileGivesCurlsCaCertCodeAndSaysSo(@TempDir Path dir) {
    Path absent = dir.resolve("absent-ca.pem");
    Cli.Result r =
        Cli.run("ls", "--cacert", absent.toString(), anyScheme() + "://127.0.0.1:1/");
    assertEquals(ExitCode.CACERT_FILE, r.code(), r::toString);
    assertOneLine(r);
    assertTrue(r.stderr().contains(absent + ": no such file"), r.stderr());
  }

  @Test
  void tlsRequiredButNotOfferedGivesTheRequiredTlsCode(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    try (Fixture f = Fixture.start(Protocol.FTP, dir)) {
      // The testkit FTP server does not offer AUTH TLS: required TLS must not fall back.
      Cli.Result r =
          Cli.run(SchemeCommandsTest.args(f, "ls", "--tls", "required", f.rootUrl().toString()));
      assertEquals(ExitCode.TLS_REQUIRED, r.code(), r::toString);
      assertOneLine(r);
      assertEquals(0, r.stdout().length, "nothing listed over plain text");
    }
  }

  @Test
  void implicitTlsSchemeAgainstAPlainServerGivesTheTlsCode(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    try (Fixture f = Fixture.start(Protocol.FTP, dir)) {
      // The plain server greets in clear text where the client expects a TLS handshake.
      String url = f.rootUrl().toString().replaceFirst("^ftp:", "ftps:");
      Cli.Result r = Cli.run(SchemeCommandsTest.args(f, "ls", "--connect-timeout", "2", url));
      assertEquals(ExitCode.TLS, r.code(), r::toString);
      assertOneLine(r);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not a url",
        "no-scheme.example/x",
        "gopher:///no-host",
        "gopher://127.0.0.1:7070/0/a%0D%0AQUIT"
      })
  void malformedUrlGivesCurlsUrlCode(String url) {
    Cli.Result r = Cli.run("get", url);
    assertEquals(ExitCode.BAD_URL, r.code(), r::toString);
    assertOneLine(r);
  }

  @Test
  void unknownSchemeGivesCurlsUnsupportedProtocolCode() {
    Cli.Result r = Cli.run("get", "nosuchscheme://127.0.0.1/");
    assertEquals(ExitCode.FAILURE, r.code(), r::toString);
    assertOneLine(r);
    assertTrue(r.stderr().contains("unknown URL scheme 'nosuchscheme'"), r.stderr());
  }

  @Test
  void badOptionValuesGiveTheUsageCode() {
    assertEquals(ExitCode.USAGE, Cli.run("get", "--timeout", "soon", "gopher://h/").code());
    assertEquals(ExitCode.USAGE, Cli.run("get", "--timeout", "-1", "gopher://h/").code());
    assertEquals(ExitCode.USAGE, Cli.run("get", "--tls", "maybe", "gopher://h/").code());
    assertEquals(ExitCode.USAGE, Cli.run("get", "--no-such-option", "gopher://h/").code());
    assertEquals(ExitCode.USAGE, Cli.run("get").code());
    assertEquals(ExitCode.USAGE, Cli.run().code());
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Cli.Result r = Cli.run("get", "-v", anyScheme() + "://127.0.0.1:" + closed + "/");
    assertEquals(ExitCode.CANNOT_CONNECT, r.code());
    assertTrue(r.stderr().contains("\tat "), r.stderr());
  }

  private static void assertOneLine(Cli.Result r) {
    assertEquals(1, r.stderr().lines().count(), "one line on stderr:\n" + r.stderr());
    assertTrue(r.stderr().startsWith("netkit: "), r.stderr());
    assertFalse(r.stderr().contains("\tat "), "no stack trace without -v");
  }
}
