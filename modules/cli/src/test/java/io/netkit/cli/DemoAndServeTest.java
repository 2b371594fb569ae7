package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.cli.internal.Catalog;
import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.DemoResult;
import io.netkit.testkit.spi.DemoScenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** demo passes for every protocol of this build, fails honestly, and serve answers curl. */
class DemoAndServeTest {
  static List<Protocol> protocols() {
    return Fixture.protocols().toList();
  }

  @Test
  void demoPassesForEveryProtocolOfThisBuild() {
    Cli.Result r = Cli.run("demo");
    assertEquals(0, r.code(), r::toString);
    List<String> rows = r.out().lines().skip(1).toList();
    for (Protocol p : Fixture.protocols().toList()) {
      String row = rows.stream().filter(l -> l.startsWith(p.name() + " ")).findFirst().orElseThrow();
      assertTrue(row.endsWith("OK"), row);
      assertTrue(row.contains("compare ok") || !row.contains("compare"), row);
    }
  }

  @Test
  void demoFailsWhenASessionFails() {
    Protocol protocol = Fixture.protocols().findFirst().orElseThrow();
    DemoScenario broken =
        new DemoScenario() {
          @Override
          public Protocol protocol() {
            return protocol;
          }

          @Override
          public void prepare(Path root) throws IOException {
            Files.writeString(root.resolve("a.txt"), "a\n");
          }

          @Override
          public DemoResult run(MockServer server, NetOptions options) throws IOException {
            throw new IOException("content differs");
          }
        };
    Catalog catalog =
        new Catalog(Cli.catalog().clients(), Cli.catalog().servers(), List.of(broken));
    Cli.Result r = Cli.run(catalog, new ByteArrayInputStream(new byte[0]), false, "demo");
    assertEquals(ExitCode.FAILURE, r.code(), r::toString);
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith(protocol.name()) && l.endsWith("FAIL")));
    assertTrue(r.stderr().contains(protocol.name() + ": IOException: content differs"), r.stderr());
  }

  @Test
  void demoUsesAProtocolsOwnScenarioAndMasksItsAccountInTheTrace() {
    Protocol protocol = Fixture.protocols().findFirst().orElseThrow();
    AtomicInteger ran = new AtomicInteger();
    Credentials account = new Credentials("demo", "scenario-secret-77");
    DemoScenario own =
        new DemoScenario() {
          @Override
          public Protocol protocol() {
            return protocol;
          }

          @Override
          public Optional<Credentials> account() {
            return Optional.of(account);
          }

          @Override
          public void prepare(Path root) throws IOException {
            Files.writeString(root.resolve("a.txt"), "a\n");
          }

          @Override
          public DemoResult run(MockServer server, NetOptions options) {
            ran.incrementAndGet();
            options.trace().orElseThrow().record(
                new io.netkit.core.trace.TraceEvent(
                    java.time.Instant.now(), "x", io.netkit.core.trace.Direction.SENT,
                    "LOGIN demo scenario-secret-77"));
            return new DemoResult("custom session", 7);
          }
        };
    Catalog catalog =
        new Catalog(Cli.catalog().clients(), Cli.catalog().servers(), List.of(own));
    Cli.Result r = Cli.run(catalog, new ByteArrayInputStream(new byte[0]), false, "demo", "--trace");
    assertEquals(1, ran.get());
    assertTrue(r.out().contains("custom session"), r.out());
    assertFalse(r.stderr().contains("scenario-secret-77"), r.stderr());
    assertTrue(r.stderr().contains("LOGIN demo ****"), r.stderr());
  }

  @Test
  void serveWithoutATestkitServerIsAUsageError() {
    Catalog none = new Catalog(Cli.catalog().clients(), List.of(), List.of());
    Cli.Result r = Cli.run(none, new ByteArrayInputStream(new byte[0]), false, "serve", "gopher");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.stderr().contains("no testkit server for gopher"), r.stderr());
    assertEquals(ExitCode.USAGE, Cli.run("serve", "finger").code());
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void serveAnswersCurlUntilInterrupted(Protocol protocol, @TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
    Files.writeString(dir.resolve("hello.txt"), "served to curl\n");
    PipedInputStream lines = new PipedInputStream();
    PrintStream out = new PrintStream(new PipedOutputStream(lines), true, StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal terminal =
        new Terminal(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true), false);
    AtomicInteger code = new AtomicInteger(-1);
    Thread serve =
        new Thread(
            () ->
                code.set(
                    Main.run(
                        new String[] {
                          "serve", protocol.name(), "--root", dir.toString(), "-u", "bob:pw-for-curl"
                        },
                        terminal,
                        Cli.catalog())));
    serve.start();
    try {
      String url =
          new java.io.BufferedReader(new java.io.InputStreamReader(lines, StandardCharsets.UTF_8))
              .readLine();
      assertTrue(url.matches("[a-z]+://127\\.0\\.0\\.1:\\d+/"), url);
      String listing = curl(url.replace("://", "://bob:pw-for-curl@"));
      assertTrue(listing.contains("hello.txt"), listing);
      assertTrue(err.toString().contains("serving " + dir.toAbsolutePath()), err.toString());
    } finally {
      serve.interrupt();
      serve.join(5000);
    }
    assertFalse(serve.isAlive());
    assertEquals(0, code.get());
  }

  static String curl(String url) throws Exception {
    Process curl =
        new ProcessBuilder("curl", "-s", "-S", "--max-time", "10", url)
            .redirectErrorStream(true)
            .start();
    byte[] body = curl.getInputStream().readAllBytes();
    assertTrue(curl.waitFor(15, TimeUnit.SECONDS));
    String text = new String(body, StandardCharsets.UTF_8);
    assertEquals(0, curl.exitValue(), "curl " + url + ": " + text);
    return text;
  }
}
