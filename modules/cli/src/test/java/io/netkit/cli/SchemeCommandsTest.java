package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Protocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** get and ls for every scheme this build supports, against its testkit server, in process. */
class SchemeCommandsTest {
  /** KIND SIZE MODIFIED URL NAME: the URL is one token, the name the rest of the line. */
  private static final Pattern LS_LINE =
      Pattern.compile(
          "^(\\S+) +(\\d+|-) (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ|-) +(\\S+) +(.+)$");

  static List<Protocol> protocols() {
    return Fixture.protocols().toList();
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void getWritesATextFileToStdoutUnchanged(Protocol protocol, @TempDir Path dir) throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      Cli.Result r = Cli.run(args(f, "get", f.urlOf("hello.txt").toString()));
      assertEquals(0, r.code(), r::toString);
      assertEquals(Fixture.TEXT, r.out());
      assertEquals("", r.stderr(), "no progress, no noise when stderr is not a terminal");
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void getWithOutputWritesABinaryFileByteForByte(Protocol protocol, @TempDir Path dir)
      throws Exception {
    Path served = Files.createDirectories(dir.resolve("served"));
    Path target = dir.resolve("copy.bin");
    try (Fixture f = Fixture.start(protocol, served)) {
      Cli.Result r =
          Cli.run(args(f, "get", f.urlOf("data.bin").toString(), "-o", target.toString()));
      assertEquals(0, r.code(), r::toString);
      assertArrayEquals(Fixture.BINARY, Files.readAllBytes(target));
      assertEquals(0, r.stdout().length);
      try (var left = Files.list(dir)) {
        assertTrue(left.noneMatch(p -> p.toString().endsWith(".part")), "no part file left");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void lsPrintsOneEntryPerLineInStableColumns(Protocol protocol, @TempDir Path dir)
      throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      Cli.Result r = Cli.run(args(f, "ls", f.rootUrl().toString()));
      assertEquals(0, r.code(), r::toString);
      List<String> lines = r.out().lines().toList();
      for (String line : lines) {
        assertTrue(LS_LINE.matcher(line).matches(), "stable columns: '" + line + "'");
      }
      assertTrue(lines.stream().anyMatch(l -> l.endsWith(" hello.txt") || l.contains("hello.txt")));
      assertTrue(lines.stream().anyMatch(l -> l.contains("data.bin")));
      assertTrue(lines.stream().anyMatch(l -> l.contains("sub")));
      Matcher first = LS_LINE.matcher(lines.get(0));
      assertTrue(first.matches());
      assertEquals(43, lines.get(0).indexOf(first.group(4)), "the URL starts in column 44");
      int nameColumn = lines.get(0).length() - first.group(5).length();
      for (String line : lines) {
        Matcher m = LS_LINE.matcher(line);
        assertTrue(m.matches());
        assertEquals(nameColumn, line.length() - m.group(5).length(), "names aligned: " + lines);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void lsShowsTheUrlThatTheNextGetTakes(Protocol protocol, @TempDir Path dir) throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      Cli.Result r = Cli.run(args(f, "ls", f.rootUrl().toString()));
      assertEquals(0, r.code(), r::toString);
      String line =
          r.out().lines().filter(l -> l.endsWith("hello.txt")).findFirst().orElseThrow(() -> new AssertionError(r.toString()));
      Matcher m = LS_LINE.matcher(line);
      assertTrue(m.matches(), line);
      assertTrue(m.group(4).startsWith(f.rootUrl().toString()), "an absolute URL: " + line);
      assertFalse(line.contains(Fixture.ACCOUNT.password()), "no password in a listing");
      Cli.Result next = Cli.run(args(f, "get", m.group(4)));
      assertEquals(Fixture.TEXT, next.out(), next::toString);
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void getOfTheRootRendersTheListingAsText(Protocol protocol, @TempDir Path dir) throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      Cli.Result r = Cli.run(args(f, "get", f.rootUrl().toString()));
      assertEquals(0, r.code(), r::toString);
      String listing = new String(r.stdout(), StandardCharsets.UTF_8);
      assertTrue(listing.contains("hello.txt") && listing.contains("data.bin"), listing);
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void putUploadsAFileOrSaysTheProtocolCannot(Protocol protocol, @TempDir Path dir)
      throws Exception {
    Path served = Files.createDirectories(dir.resolve("served"));
    Path upload = Files.writeString(dir.resolve("up.txt"), "uploaded by netkit put\n");
    try (Fixture f = Fixture.start(protocol, served)) {
      String url = f.rootUrl().resolve("up.txt").toString();
      Cli.Result put = Cli.run(args(f, "put", url, upload.toString()));
      if (put.code() == ExitCode.USAGE) {
        assertTrue(put.stderr().contains("no upload"), put::toString);
        return; // a read-only protocol (gopher): refusing clearly is the behaviour
      }
      assertEquals(0, put.code(), put::toString);
      Cli.Result back = Cli.run(args(f, "get", f.urlOf("up.txt").toString()));
      assertEquals("uploaded by netkit put\n", back.out(), back::toString);
    }
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void putUploadsStandardInputOfUnknownSize(Protocol protocol, @TempDir Path dir)
      throws Exception {
    try (Fixture f = Fixture.start(protocol, dir)) {
      String url = f.rootUrl().resolve("piped.bin").toString();
      Cli.Result put =
          Cli.run(
              new java.io.ByteArrayInputStream(Fixture.BINARY), false, args(f, "put", url, "-"));
      if (put.code() == ExitCode.USAGE) {
        assertTrue(put.stderr().contains("no upload"), put::toString);
        return; // a read-only protocol
      }
      assertEquals(0, put.code(), put::toString);
      Cli.Result back = Cli.run(args(f, "get", f.urlOf("piped.bin").toString()));
      assertArrayEquals(Fixture.BINARY, back.stdout(), back::toString);
    }
  }

  static String[] args(Fixture f, String... rest) {
    String[] login = f.login();
    String[] all = new String[rest.length + login.length];
    System.arraycopy(rest, 0, all, 0, rest.length);
    System.arraycopy(login, 0, all, rest.length, login.length);
    return all;
  }
}
