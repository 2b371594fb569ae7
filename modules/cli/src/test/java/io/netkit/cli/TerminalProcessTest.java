package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.core.Protocol;
import io.netkit.testkit.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./netkit} on a real terminal: util-linux {@code script} gives the process a
 * pseudo-terminal, as a person's shell would. Binary content stays off it, a password is asked
 * for without echo, and Ctrl-C mid-transfer leaves the cursor on a fresh line.
 */
class TerminalProcessTest {
  private static final Path LAUNCHER =
      Path.of(System.getProperty("basedir", "."), "..", "..", "netkit").toAbsolutePath().normalize();
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  @BeforeAll
  static void needsScript() {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
  }

  /** A process on a pseudo-terminal: what it printed so far, and its keyboard. */
  private static final class OnTerminal implements AutoCloseable {
    private final Process process;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
    private final Thread reader;

    OnTerminal(Path dir, String command) throws IOException {
      ProcessBuilder pb =
          new ProcessBuilder(SCRIPT.toString(), "-qec", command, "/dev/null")
              .directory(dir.toFile())
              .redirectErrorStream(true);
      pb.environment().put("NETKIT_SKIP_REBUILD", "1");
      pb.environment().put("TERM", "dumb");
      process = pb.start();
      reader =
          new Thread(
              () -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = process.getInputStream()) {
                  for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (seen) {
                      seen.write(buffer, 0, n);
                      seen.notifyAll();
                    }
                  }
                } catch (IOException ended) {
                  // The process is gone.
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    String text() {
      synchronized (seen) {
        return seen.toString(StandardCharsets.UTF_8);
      }
    }

    /** Waits (bounded) until the output shows what {@code wanted} looks for. */
    void await(Predicate<String> wanted, String what) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      synchronized (seen) {
        while (!wanted.test(seen.toString(StandardCharsets.UTF_8))) {
          long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
          if (left <= 0) {
            throw new AssertionError("no " + what + " on the terminal:\n" + text());
          }
          seen.wait(left);
        }
      }
    }

    void type(String keys) throws IOException {
      OutputStream keyboard = process.getOutputStream();
      keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
    }

    int exit() throws Exception {
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished:\n" + text());
      reader.join(5000);
      return process.exitValue();
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  @Test
  void binaryContentIsRefusedOnTheTerminal(@TempDir Path dir) throws Exception {
    Protocol protocol = Fixture.protocols().findFirst().orElseThrow();
    try (Fixture f = Fixture.start(protocol, Files.createDirectories(dir.resolve("served")));
        OnTerminal t =
            new OnTerminal(
                dir,
                LAUNCHER + " get " + String.join(" ", f.login()) + " '" + f.urlOf("data.bin") + "'")) {
      assertEquals(ExitCode.LOCAL_FILE, t.exit(), t.text());
      assertTrue(t.text().contains("binary content is not written to the terminal"), t.text());
      assertTrue(t.text().length() < 400, "none of the bytes:\n" + t.text());
    }
  }

  @Test
  void aMissingPasswordIsAskedForWithoutEcho(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    try (Fixture f = Fixture.start(Protocol.FTP, Files.createDirectories(dir.resolve("served")));
        OnTerminal t =
            new OnTerminal(
                dir, LAUNCHER + " ls -u " + Fixture.ACCOUNT.user() + " '" + f.rootUrl() + "'")) {
      t.await(s -> s.contains("Enter password for user 'alice': "), "password prompt");
      t.type(Fixture.ACCOUNT.password() + "\n");
      assertEquals(0, t.exit(), t.text());
      assertTrue(t.text().contains("hello.txt"), t.text());
      assertFalse(t.text().contains(Fixture.ACCOUNT.password()), "not echoed:\n" + t.text());
    }
  }

  @Test
  void ctrlCDuringATransferOfUnknownSizeEndsTheBarsLine(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.GOPHER::equals), "no Gopher module");
    try (Fixture f = Fixture.start(Protocol.GOPHER, Files.createDirectories(dir.resolve("served")))) {
      String url = f.urlOf("data.bin").toString(); // Gopher binary: no size known in advance
      f.server.fault(Fault.DRIP);
      try (OnTerminal t = new OnTerminal(dir, LAUNCHER + " get '" + url + "' -o out.bin")) {
        t.await(s -> s.contains("B/s"), "progress bar");
        t.type("\u0003"); // Ctrl-C: the terminal sends SIGINT
        int code = t.exit();
        assertEquals(130, code, t.text());
        String out = t.text();
        assertTrue(out.endsWith("\n"), "the bar's line is ended: " + out.replace("\r", "\\r"));
        assertFalse(Files.exists(dir.resolve("out.bin")), "no partial file under the name");
      }
    }
  }
}
