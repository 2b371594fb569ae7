package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.core.Protocol;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code serve} serves a real directory: uploads land in it; anonymous reads unless told. */
class ServeTest {
  static List<Protocol> protocols() {
    return Fixture.protocols().toList();
  }

  @Test
  void ftpUploadsByTheServedAccountLandInTheDirectory(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    Path root = Files.createDirectories(dir.resolve("site/in"));
    root = root.getParent();
    Path upload = Files.writeString(dir.resolve("notes.txt"), "stored on disk\n");
    try (Serving s = Serving.start("ftp", "--root", root.toString(), "-u", "alice:pw-1")) {
      Cli.Result put =
          Cli.run("put", "-u", "alice:pw-1", s.url + "in/notes.txt", upload.toString());
      assertEquals(0, put.code(), put::toString);
      assertEquals("stored on disk\n", Files.readString(root.resolve("in/notes.txt")));
      Cli.Result back = Cli.run("get", "-u", "alice:pw-1", s.url + "in/notes.txt");
      assertEquals("stored on disk\n", back.out(), back::toString);
    }
  }

  @Test
  void ftpAnonymousMayOnlyReadUnlessWritable(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    Path root = Files.createDirectories(dir.resolve("site"));
    Files.writeString(root.resolve("hello.txt"), "hello\n");
    Path upload = Files.writeString(dir.resolve("up.txt"), "anonymous upload\n");
    try (Serving s = Serving.start("ftp", "--root", root.toString())) {
      assertEquals("hello\n", Cli.run("get", s.url + "hello.txt").out());
      Cli.Result put = Cli.run("put", s.url + "up.txt", upload.toString());
      assertEquals(ExitCode.UPLOAD_FAILED, put.code(), put::toString);
      assertFalse(Files.exists(root.resolve("up.txt")));
    }
    try (Serving s = Serving.start("ftp", "--root", root.toString(), "--writable")) {
      Cli.Result put = Cli.run("put", s.url + "up.txt", upload.toString());
      assertEquals(0, put.code(), put::toString);
      assertEquals("anonymous upload\n", Files.readString(root.resolve("up.txt")));
      assertTrue(s.err().contains("anonymous may write"), s.err());
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void aPortInUseIsOnePlainSentence(Protocol protocol, @TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Cli.Result r =
          Cli.run("serve", protocol.name(), "--root", dir.toString(), "--port", "" + port);
      assertEquals(ExitCode.FAILURE, r.code(), r::toString);
      assertEquals(1, r.stderr().lines().count(), r.stderr());
      assertEquals(
          "netkit: cannot listen on 127.0.0.1:" + port + ": the port is in use (another server"
              + " is running there; pick another --port, or --port 0 for a free one)",
          r.stderr().strip());
    }
  }

  /** {@code netkit serve ...} running in process until closed. */
  private static final class Serving implements AutoCloseable {
    final String url;
    private final Thread thread;
    private final ByteArrayOutputStream err;
    private final AtomicInteger code;

    private Serving(String url, Thread thread, ByteArrayOutputStream err, AtomicInteger code) {
      this.url = url;
      this.thread = thread;
      this.err = err;
      this.code = code;
    }

    static Serving start(String... args) throws Exception {
      PipedInputStream lines = new PipedInputStream();
      PrintStream out = new PrintStream(new PipedOutputStream(lines), true, StandardCharsets.UTF_8);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Terminal terminal =
          new Terminal(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true), false);
      AtomicInteger code = new AtomicInteger(-1);
      List<String> all = new ArrayList<>(List.of("serve"));
      all.addAll(List.of(args));
      Thread thread =
          new Thread(() -> code.set(Main.run(all.toArray(new String[0]), terminal, Cli.catalog())));
      thread.start();
      String url =
          new BufferedReader(new InputStreamReader(lines, StandardCharsets.UTF_8)).readLine();
      assertTrue(url != null && url.matches("[a-z]+://127\\.0\\.0\\.1:\\d+/"), url + " " + err);
      return new Serving(url, thread, err, code);
    }

    String err() {
      return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
      thread.interrupt();
      thread.join(10_000);
      assertFalse(thread.isAlive(), "serve stops when interrupted");
      assertEquals(0, code.get(), err());
    }
  }
}
