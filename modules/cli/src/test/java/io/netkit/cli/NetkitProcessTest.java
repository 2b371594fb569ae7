package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.core.Protocol;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as users run it: the {@code ./netkit} launcher at the repository root, started as
 * a real process from another directory. Runs after {@code package} (the runnable jar must
 * exist). Kept few: each JVM start costs about half a second.
 */
class NetkitProcessTest {
  private static final Path LAUNCHER =
      Path.of(System.getProperty("basedir", "."), "..", "..", "netkit").toAbsolutePath().normalize();

  record Run(int code, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out() + "\n--- stderr\n" + stderr;
    }
  }

  static Run netkit(Path cwd, String... args) throws Exception {
    return netkit(cwd, java.util.Map.of(), args);
  }

  static Run netkit(Path cwd, java.util.Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().putAll(env);
    pb.environment().put("NETKIT_SKIP_REBUILD", "1"); // the jar was just packaged
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("netkit " + args[0] + " did not finish");
    }
    return new Run(p.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void launcherRunsFromAnyDirectory(@TempDir Path elsewhere) throws Exception {
    Run r = netkit(elsewhere, "--version");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().startsWith("netkit 0."), r.out());
    assertEquals("", r.stderr(), "the jar exists: no build notice");
  }

  @Test
  void getThroughTheLauncherWritesTheFileAndNoProgressToAPipe(@TempDir Path dir) throws Exception {
    Protocol protocol = Fixture.protocols().findFirst().orElseThrow();
    try (Fixture f = Fixture.start(protocol, Files.createDirectories(dir.resolve("served")))) {
      String[] args = SchemeCommandsTest.args(f, "get", f.urlOf("data.bin").toString());
      Run r = netkit(dir, args);
      assertEquals(0, r.code(), r::toString);
      assertArrayEquals(Fixture.BINARY, r.stdout());
      assertEquals("", r.stderr(), "stderr is a pipe: no progress bar");
    }
  }

  @Test
  void refusedPortExitsWithTheConnectCode(@TempDir Path dir) throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String scheme = Fixture.protocols().findFirst().orElseThrow().schemes().get(0);
    Run r = netkit(dir, "ls", scheme + "://127.0.0.1:" + closed + "/");
    assertEquals(ExitCode.CANNOT_CONNECT, r.code(), r::toString);
    assertEquals(1, r.stderr().lines().count(), r.stderr());
  }

  @Test
  void aHostlessNewsUrlIsFetchedFromTheServerNntpserverNames(@TempDir Path dir) throws Exception {
    assumeTrue(Cli.catalog().supports(Protocol.NNTP), "no NNTP module in this build");
    String article =
        "From: a@example.com\r\nNewsgroups: netkit.test\r\nSubject: hostless\r\n"
            + "Message-ID: <hostless@example.com>\r\n\r\nFound.\r\n";
    io.netkit.testkit.nntp.NntpMockServer server =
        io.netkit.testkit.nntp.NntpMockServer.of(
            new io.netkit.testkit.nntp.NewsSpool().group("netkit.test", "tests").article("netkit.test", article));
    server.start();
    try {
      Run r =
          netkit(
              dir,
              java.util.Map.of("NNTPSERVER", "127.0.0.1:" + server.port()),
              "get", "news:hostless@example.com");
      assertEquals(0, r.code(), r::toString);
      assertEquals(article, r.out());
    } finally {
      server.stop();
    }
  }

  @Test
  void demoPasses(@TempDir Path dir) throws Exception {
    Run r = netkit(dir, "demo");
    assumeFalse(
        r.out().lines().skip(1).allMatch(l -> l.endsWith("SKIP")),
        "no protocol module of this build registers a testkit MockServerProvider yet");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().lines().skip(1).noneMatch(l -> l.endsWith("FAIL")), r.out());
    assertEquals("", r.stderr(), "nothing on stderr (no library logging noise)");
  }

  @Test
  void serveAnswersCurlAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
    for (Protocol protocol : Fixture.protocols().toList()) {
      Files.writeString(dir.resolve("hello.txt"), "served to curl\n");
      ProcessBuilder pb =
          new ProcessBuilder(
                  LAUNCHER.toString(), "serve", protocol.name(), "-u", "bob:pw-for-curl")
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("NETKIT_SKIP_REBUILD", "1");
      Process p = pb.start();
      try {
        String url =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (url == null) {
          assertTrue(p.waitFor(10, TimeUnit.SECONDS));
          assumeTrue(
              p.exitValue() != ExitCode.USAGE,
              "the runnable jar has no testkit server for " + protocol.name() + " yet");
          throw new AssertionError("serve " + protocol.name() + " exited " + p.exitValue());
        }
        String listing = DemoAndServeTest.curl(url.replace("://", "://bob:pw-for-curl@"));
        assertTrue(listing.contains("hello.txt"), listing);
      } finally {
        p.destroy(); // SIGTERM: the shutdown hook stops the server
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "serve stops on SIGTERM");
      }
    }
  }

  @Test
  void commonOptionsWorkBeforeTheCommand(@TempDir Path dir) throws Exception {
    Protocol protocol = Fixture.protocols().findFirst().orElseThrow();
    try (Fixture f = Fixture.start(protocol, Files.createDirectories(dir.resolve("served")))) {
      List<String> args = new ArrayList<>(List.of("-s"));
      args.addAll(List.of(f.login()));
      args.addAll(List.of("get", f.urlOf("hello.txt").toString()));
      Run r = netkit(dir, args.toArray(new String[0]));
      assertEquals(0, r.code(), r::toString);
      assertEquals(Fixture.TEXT, r.out());
    }
  }

  @Test
  void anUnknownCommandListsTheCommandsAndHelpWorks(@TempDir Path dir) throws Exception {
    Run frob = netkit(dir, "frob");
    assertEquals(ExitCode.USAGE, frob.code(), frob::toString);
    assertTrue(frob.stderr().startsWith("netkit: unknown command 'frob'"), frob.stderr());
    Run help = netkit(dir, "help", "get");
    assertEquals(0, help.code(), help::toString);
    assertTrue(help.out().startsWith("Usage: netkit get"), help.out());
  }

  @Test
  void aDownloadedFileGetsTheUmasksMode(@TempDir Path dir) throws Exception {
    Protocol protocol = Fixture.protocols().findFirst().orElseThrow();
    try (Fixture f = Fixture.start(protocol, Files.createDirectories(dir.resolve("served")))) {
      String url = f.urlOf("hello.txt").toString();
      String login = String.join(" ", f.login());
      ProcessBuilder pb =
          new ProcessBuilder(
                  "bash", "-c",
                  "umask 022 && '" + LAUNCHER + "' get " + login + " '" + url + "' -o new.txt"
                      + " && umask 077 && '" + LAUNCHER + "' get " + login + " '" + url
                      + "' -o new.txt && stat -c %a new.txt")
              .directory(dir.toFile())
              .redirectErrorStream(true);
      pb.environment().put("NETKIT_SKIP_REBUILD", "1");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
      assertEquals("644", out.strip(), "0644 under umask 022, and kept when replaced");
    }
  }
}
