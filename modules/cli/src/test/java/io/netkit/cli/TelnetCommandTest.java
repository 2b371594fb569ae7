package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.spi.InteractiveProvider;
import io.netkit.testkit.Fault;
import io.netkit.testkit.telnet.TelnetMockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelnetCommandTest {
  private static final Credentials ACCOUNT = new Credentials("alice", "pw-telnet");
  private static final Duration GENEROUS = Duration.ofSeconds(30);

  private final TelnetMockServer server = new TelnetMockServer(ACCOUNT);

  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.stop();
  }

  private static ByteArrayInputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private String port() {
    return Integer.toString(server.port());
  }

  @Test
  void pipedInputIsSentAndTheRepliesPrintedUntilTheServerCloses() throws Exception {
    server.start();
    Cli.Result r =
        assertTimeoutPreemptively(
            GENEROUS,
            () ->
                Cli.run(stdin("hello pipe\nquit\n"), false,
                    "telnet", "-u", "alice:pw-telnet", "127.0.0.1", port()));
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("hello pipe\r\nhello pipe\r\n$ "), r.out());
    assertTrue(r.out().endsWith("bye\r\n"), r.out());
    assertEquals(java.util.List.of("alice", "pw-telnet", "hello pipe", "quit"), server.lines());
  }

  @Test
  void pipedInputEndsOnceInputHasEndedAndTheServerIsQuiet() throws Exception {
    server.start();
    long start = System.nanoTime();
    Cli.Result r =
        assertTimeoutPreemptively(
            GENEROUS,
            () ->
                Cli.run(stdin("still here\n"), false,
                    "telnet", "--quiet", "0.3", "-u", "alice:pw-telnet", "127.0.0.1", port()));
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("still here\r\nstill here\r\n$ "), r.out());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(GENEROUS) < 0);
  }

  @Test
  void aUrlWorksAsTheHostAndThePasswordStaysOutOfTheTrace() throws Exception {
    server.start();
    Cli.Result r =
        Cli.run(stdin("quit\n"), false,
            "telnet", "--trace", "telnet://alice:pw-telnet@127.0.0.1:" + port());
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.stderr().contains("login:"), r.stderr());
    assertTrue(!r.stderr().contains("pw-telnet"), r.stderr());
  }

  @Test
  void aScriptRunsItsSendAndExpectSteps() throws Exception {
    server.start();
    Path script = dir.resolve("login.script");
    Files.writeString(
        script,
        String.join(
            "\n",
            "# log in, talk, leave",
            "expect login: $ 5",
            "send alice",
            "expect (?i)password: $",
            "send pw-telnet",
            "expect \\$ $",
            "send scripted line",
            "expect scripted line\\r\\n\\$ $ 5",
            "send quit",
            "expect bye",
            ""));
    Cli.Result r =
        assertTimeoutPreemptively(
            GENEROUS,
            () -> Cli.run("telnet", "--script", script.toString(), "127.0.0.1", port()));
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("scripted line\r\nscripted line\r\n$ "), r.out());
    assertTrue(r.out().endsWith("bye"), r.out());
  }

  @Test
  void anExpectThatTimesOutExitsWithTheTimeoutCodeAndShowsWhatWasSeen() throws Exception {
    server.start();
    Path script = dir.resolve("wrong.script");
    Files.writeString(script, "expect login: $\nexpect never appears 0.5\n");
    Cli.Result r = Cli.run("telnet", "--script", script.toString(), "127.0.0.1", port());
    assertEquals(ExitCode.TIMEOUT, r.code(), r::toString);
    assertTrue(r.stderr().contains("timed out waiting for /never appears/"), r.stderr());
    assertTrue(r.out().contains(TelnetMockServer.BANNER), r.out());
    assertEquals(1, r.stderr().lines().count(), r.stderr());
  }

  @Test
  void aScriptWithAnUnknownStepIsAUsageError() throws Exception {
    server.start();
    Path script = dir.resolve("bad.script");
    Files.writeString(script, "send x\nfrobnicate y\n");
    Cli.Result r = Cli.run("telnet", "--script", script.toString(), "127.0.0.1", port());
    assertEquals(ExitCode.USAGE, r.code(), r::toString);
    assertTrue(r.stderr().contains("line 2"), r.stderr());
    assertEquals(0, server.acceptedCount(), "nothing is sent for a bad script");
  }

  @Test
  void maxTimeEndsASessionWithAStalledServerAndStdinThatNeverEnds() throws Exception {
    server.fault(Fault.STALL);
    server.start();
    PipedInputStream never = new PipedInputStream(new PipedOutputStream());
    Cli.Result r =
        assertTimeoutPreemptively(
            GENEROUS,
            () -> Cli.run(never, false, "telnet", "--max-time", "1", "127.0.0.1", port()));
    assertEquals(ExitCode.TIMEOUT, r.code(), r::toString);
  }

  @Test
  void theInteractiveModeRunsInRawModeAndCtrlBracketQuitLeaves() throws Exception {
    server.start();
    PipedOutputStream keys = new PipedOutputStream();
    PipedInputStream keyboard = new PipedInputStream(keys, 4096);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    java.io.OutputStream synced =
        new java.io.OutputStream() {
          @Override
          public void write(int b) {
            synchronized (screen) {
              screen.write(b);
            }
          }
        };
    DumbTerminal tty = new DumbTerminal("test", "dumb", keyboard, synced, StandardCharsets.UTF_8);
    InteractiveProvider provider = (InteractiveProvider) Cli.catalog().clientForScheme("telnet");
    URI url = URI.create("telnet://alice:pw-telnet@127.0.0.1:" + port());
    CompletableFuture<Void> session =
        CompletableFuture.runAsync(
            () -> {
              try {
                TelnetCommand.interactive(provider, url, NetOptions.defaults(), tty);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    org.jline.terminal.Attributes before = tty.getAttributes();
    keys.write("typed\r".getBytes(StandardCharsets.US_ASCII));
    keys.flush();
    waitFor(screen, "typed\r\ntyped\r\n$ ");
    keys.write(new byte[] {RawTerminalSession.ESCAPE});
    keys.write("quit\r".getBytes(StandardCharsets.US_ASCII));
    keys.flush();
    session.get(20, TimeUnit.SECONDS);
    assertTrue(text(screen).contains("telnet> quit"), text(screen));
    assertEquals(
        before.getLocalFlags(), tty.getAttributes().getLocalFlags(), "the terminal is restored");
    assertTrue(server.lines().contains("typed"), server.lines().toString());
  }

  @Test
  void serveTelnetRunsTheScriptedServerThatTheCommandTalksTo() throws Exception {
    PipedInputStream lines = new PipedInputStream();
    java.io.PrintStream out =
        new java.io.PrintStream(new PipedOutputStream(lines), true, StandardCharsets.UTF_8);
    Terminal terminal =
        new Terminal(stdin(""), out, new java.io.PrintStream(new ByteArrayOutputStream()), false);
    java.util.concurrent.atomic.AtomicInteger code = new java.util.concurrent.atomic.AtomicInteger(-1);
    Thread serve =
        new Thread(
            () ->
                code.set(
                    Main.run(
                        new String[] {"serve", "telnet", "-u", "bob:pw-serve"},
                        terminal,
                        Cli.catalog())));
    serve.start();
    try {
      String url =
          new java.io.BufferedReader(new java.io.InputStreamReader(lines, StandardCharsets.UTF_8))
              .readLine();
      assertTrue(url.matches("telnet://127\\.0\\.0\\.1:\\d+/"), url);
      String port = url.replaceAll(".*:(\\d+)/$", "$1");
      Cli.Result r =
          Cli.run(stdin("served\nquit\n"), false, "telnet", "-u", "bob:pw-serve", "127.0.0.1", port);
      assertEquals(0, r.code(), r::toString);
      assertTrue(r.out().contains("served\r\nserved\r\n$ "), r.out());
    } finally {
      serve.interrupt();
      serve.join(5000);
    }
    assertEquals(0, code.get());
  }

  private static String text(ByteArrayOutputStream screen) {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8);
    }
  }

  private static void waitFor(ByteArrayOutputStream screen, String expected) throws Exception {
    long until = System.nanoTime() + GENEROUS.toNanos();
    while (!text(screen).contains(expected)) {
      if (System.nanoTime() > until) {
        throw new AssertionError("never saw " + expected + " in " + text(screen));
      }
      Thread.sleep(20);
    }
  }
}
