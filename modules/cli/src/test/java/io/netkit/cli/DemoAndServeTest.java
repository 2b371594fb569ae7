package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.cli.internal.Catalog;
import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.DemoResult;
import io.netkit.testkit.spi.DemoScenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
  void genericDemoIgnoresListedEntriesOfKindsItDoesNotKnow() {
    // A later protocol lists containers of its own kinds (a mailbox, a newsgroup): the generic
    // session compares the files it served and must not need to know those kinds.
    ClientProvider real =
        Cli.catalog().client(Fixture.protocols().findFirst().orElseThrow()).orElseThrow();
    ClientProvider withMailbox =
        new ClientProvider() {
          @Override
          public Protocol protocol() {
            return real.protocol();
          }

          @Override
          public io.netkit.core.NetClient<?, ?> newClient(NetOptions options) {
            return real.newClient(options);
          }

          @Override
          public void fetch(
              URI url, NetOptions options, OutputStream out, TransferListener progress)
              throws IOException {
            real.fetch(url, options, out, progress);
          }

          @Override
          public List<ListEntry> list(URI url, NetOptions options) throws IOException {
            List<ListEntry> entries = new ArrayList<>(real.list(url, options));
            entries.add(new ListEntry("mailbox", "INBOX", -1, null, url));
            return entries;
          }

          @Override
          public void store(
              URI url, NetOptions options, InputStream in, long size, TransferListener progress)
              throws IOException {
            real.store(url, options, in, size, progress);
          }
        };
    Catalog catalog =
        new Catalog(
            List.of(withMailbox),
            List.of(Cli.catalog().server(real.protocol()).orElseThrow()),
            List.of());
    Cli.Result r = Cli.run(catalog, new ByteArrayInputStream(new byte[0]), false, "demo");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("compare ok"), r.out());
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
