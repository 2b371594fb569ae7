package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a transfer does around the bytes: the terminal (no bar in the content, no binary dumped on
 * it), the trace of a binary payload, the downloaded file's mode, curl's exit codes for missing
 * things and refused uploads, and where {@code put} into a directory URL stores.
 */
class TransferDetailsTest {
  static List<Protocol> protocols() {
    return Fixture.protocols().toList();
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void binaryContentIsNotWrittenToATerminal(Protocol protocol, @TempDir Path dir) throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      Cli.Result r = onTerminal(SchemeCommandsTest.args(f, "get", f.urlOf("data.bin").toString()));
      assertEquals(ExitCode.LOCAL_FILE, r.code(), r::toString);
      assertEquals(0, r.stdout().length, "not one byte of it on the terminal");
      assertEquals(1, r.stderr().lines().count(), r.stderr());
      assertTrue(r.stderr().contains("use -o FILE or redirect"), r.stderr());
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void dashOWritesBinaryToTheTerminalAnywayWithoutABar(Protocol protocol, @TempDir Path dir)
      throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      Cli.Result r =
          onTerminal(SchemeCommandsTest.args(f, "get", "-o", "-", f.urlOf("data.bin").toString()));
      assertEquals(0, r.code(), r::toString);
      assertArrayEquals(Fixture.BINARY, r.stdout());
      assertEquals("", r.stderr(), "no progress bar drawn into what the terminal shows");
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void textGoesToTheTerminalWithoutABar(Protocol protocol, @TempDir Path dir) throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      Cli.Result r = onTerminal(SchemeCommandsTest.args(f, "get", f.urlOf("hello.txt").toString()));
      assertEquals(0, r.code(), r::toString);
      assertEquals(Fixture.TEXT, r.out());
      assertEquals("", r.stderr());
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void traceOfABinaryTransferIsASummaryNotTheBytes(Protocol protocol, @TempDir Path dir)
      throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      Path target = dir.resolve("copy.bin");
      Cli.Result r =
          Cli.run(
              SchemeCommandsTest.args(
                  f, "get", "--trace", f.urlOf("data.bin").toString(), "-o", target.toString()));
      assertEquals(0, r.code(), r::toString);
      assertArrayEquals(Fixture.BINARY, Files.readAllBytes(target));
      assertTrue(
          r.stderr().lines().anyMatch(l -> l.endsWith("< <<< " + Fixture.BINARY.length + " bytes of data >>>")),
          r.stderr());
      assertTrue(r.stderr().lines().count() < 40, "a few lines, not the bytes:\n" + r.stderr());
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void aReplacedFileKeepsItsModeAndANewOneGetsTheUmasks(Protocol protocol, @TempDir Path dir)
      throws Exception {
    Path served = Files.createDirectories(dir.resolve("served"));
    try (Fixture f = Fixture.start(protocol, served)) {
      String url = f.urlOf("hello.txt").toString();
      Path existing = Files.writeString(dir.resolve("existing.txt"), "old\n");
      Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));
      Cli.Result r = Cli.run(SchemeCommandsTest.args(f, "get", url, "-o", existing.toString()));
      assertEquals(0, r.code(), r::toString);
      assertEquals(Fixture.TEXT, Files.readString(existing));
      assertEquals("rw-r-----", mode(existing), "an existing file's mode is kept");

      Path fresh = dir.resolve("fresh.txt");
      Path reference = dir.resolve("reference.txt");
      Files.newOutputStream(reference).close(); // what the umask gives a new file
      r = Cli.run(SchemeCommandsTest.args(f, "get", url, "-o", fresh.toString()));
      assertEquals(0, r.code(), r::toString);
      assertEquals(mode(reference), mode(fresh), "a new file gets what the umask gives");
      assertFalse(mode(fresh).equals("rw-------") && !mode(reference).equals("rw-------"));
    }
  }

  @Test
  void aDirectoryThatTakesNoFilesIsNotCalledMissing() {
    assumeTrue(Files.isDirectory(Path.of("/proc")), "no /proc here");
    Cli.Result r = Cli.run("get", "gopher://127.0.0.1:1/0/x", "-o", "/proc/version");
    assertEquals(ExitCode.LOCAL_FILE, r.code(), r::toString);
    assertFalse(r.stderr().contains("no such directory"), r.stderr());
    assertTrue(r.stderr().contains("/proc/version"), r.stderr());
  }

  @Test
  void missingDirectoryGivesCurlsAccessDeniedCode(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    try (Fixture f = Fixture.start(Protocol.FTP, dir)) {
      String url = f.rootUrl().resolve("no-such-dir/").toString();
      Cli.Result r = Cli.run(SchemeCommandsTest.args(f, "ls", url));
      assertEquals(ExitCode.REMOTE_ACCESS_DENIED, r.code(), r::toString);
      assertEquals(1, r.stderr().lines().count(), r.stderr());
    }
  }

  @Test
  void putIntoADirectoryUrlAppendsTheFilesName(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    Path served = Files.createDirectories(dir.resolve("served"));
    Path upload = Files.writeString(dir.resolve("notes for you.txt"), "put into sub/\n");
    try (Fixture f = Fixture.start(Protocol.FTP, served)) {
      String url = f.rootUrl().resolve("sub/").toString();
      Cli.Result r = Cli.run(SchemeCommandsTest.args(f, "put", url, upload.toString()));
      assertEquals(0, r.code(), r::toString);
      assertEquals("put into sub/\n", Files.readString(served.resolve("sub/notes for you.txt")));
    }
  }

  @Test
  void refusedUploadGivesCurlsUploadFailedCode(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    Path served = Files.createDirectories(dir.resolve("served"));
    Path upload = Files.writeString(dir.resolve("up.txt"), "x\n");
    try (var server =
        Cli.catalog().server(Protocol.FTP).orElseThrow().newServer(served, java.util.Optional.empty())) {
      server.start(0);
      // Anonymous may only read on a served directory (unless serve --writable).
      Cli.Result r = Cli.run("put", server.url().resolve("up.txt").toString(), upload.toString());
      assertEquals(ExitCode.UPLOAD_FAILED, r.code(), r::toString);
      assertTrue(r.stderr().contains("550"), r.stderr());
      assertFalse(Files.exists(served.resolve("up.txt")));
    }
  }

  private static String mode(Path file) throws Exception {
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
    return PosixFilePermissions.toString(mode);
  }

  /** Runs with standard output and standard error on a terminal. */
  static Cli.Result onTerminal(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal terminal =
        new Terminal(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            true,
            true,
            null);
    int code = Main.run(args, terminal, Cli.catalog());
    return new Cli.Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }
}
