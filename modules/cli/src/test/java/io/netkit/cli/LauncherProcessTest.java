package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./netkit} launcher rebuilds the jar when it is missing or older than any source,
 * resource or pom, and otherwise starts it without Maven. Run on a copy of the launcher in a
 * scratch tree, with stand-ins for {@code mvn} (records that it ran, makes the jar) and {@code
 * java} (says what it was given), so nothing here builds or touches the real tree.
 */
class LauncherProcessTest {
  private static final Path LAUNCHER =
      Path.of(System.getProperty("basedir", "."), "..", "..", "netkit").toAbsolutePath().normalize();
  private static final Instant LONG_AGO = Instant.now().minusSeconds(3600);

  @TempDir Path tree;
  private Path jar;
  private Path mvnLog;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void scratchTree() throws Exception {
    Files.copy(LAUNCHER, tree.resolve("netkit"));
    executable(tree.resolve("netkit"));
    old(Files.writeString(tree.resolve("pom.xml"), "<project/>\n"));
    Path source = tree.resolve("modules/core/src/main/java/io/netkit/core/A.java");
    Files.createDirectories(source.getParent());
    old(Files.writeString(source, "class A {}\n"));
    Path resource = tree.resolve("modules/cli/src/main/resources/io/netkit/cli/engines.properties");
    Files.createDirectories(resource.getParent());
    old(Files.writeString(resource, "ftp=x\n"));
    old(Files.writeString(tree.resolve("modules/core/pom.xml"), "<project/>\n"));
    jar = tree.resolve("modules/cli/target/netkit.jar");
    Files.createDirectories(jar.getParent());
    mvnLog = tree.resolve("mvn.log");
    Path bin = Files.createDirectories(tree.resolve("bin"));
    Files.writeString(
        bin.resolve("mvn"),
        "#!/usr/bin/env bash\necho \"mvn $*\" >> '" + mvnLog + "'\n"
            + "mkdir -p '" + jar.getParent() + "' && echo jar > '" + jar + "'\n");
    executable(bin.resolve("mvn"));
    Path java = Files.createDirectories(tree.resolve("jdk/bin")).resolve("java");
    Files.writeString(java, "#!/usr/bin/env bash\necho \"java $*\"\n");
    executable(java);
  }

  @Test
  void aMissingJarIsBuiltOnce() throws Exception {
    Run r = launch("--version");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.err().contains("building the command once"), r.err());
    assertEquals(1, mavenRuns(), "Maven ran once");
    assertTrue(r.out().contains("-jar " + jar + " --version"), r.out());
  }

  @Test
  void anUpToDateJarStartsWithoutMaven() throws Exception {
    fresh(jar);
    Run r = launch("ports");
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.err(), "no notice");
    assertEquals(0, mavenRuns(), "no Maven when nothing changed");
  }

  @Test
  void aChangedSourceRebuildsAndSaysWhich() throws Exception {
    fresh(jar);
    Path source = tree.resolve("modules/core/src/main/java/io/netkit/core/A.java");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
    Run r = launch("ports");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.err().contains("building the command again"), r.err());
    assertTrue(r.err().contains("modules/core/src/main/java/io/netkit/core/A.java changed"), r.err());
    assertEquals(1, mavenRuns());
    // Built now: the next start needs no Maven.
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(10)));
    launch("ports");
    assertEquals(1, mavenRuns());
  }

  @Test
  void aChangedPomOrResourceRebuildsToo() throws Exception {
    for (String changed :
        List.of("pom.xml", "modules/core/pom.xml",
            "modules/cli/src/main/resources/io/netkit/cli/engines.properties")) {
      fresh(jar);
      Files.setLastModifiedTime(tree.resolve(changed), FileTime.from(Instant.now().plusSeconds(5)));
      int before = mavenRuns();
      Run r = launch("ports");
      assertEquals(before + 1, mavenRuns(), changed + ": " + r.err());
      old(tree.resolve(changed));
    }
  }

  @Test
  void buildOutputNewerThanTheJarIsNotAChange() throws Exception {
    fresh(jar);
    Path output = tree.resolve("modules/core/target/classes/io/netkit/core/A.java");
    Files.createDirectories(output.getParent());
    Files.writeString(output, "copied by a build\n");
    Files.setLastModifiedTime(output, FileTime.from(Instant.now().plusSeconds(5)));
    launch("ports");
    assertEquals(0, mavenRuns());
  }

  private Run launch(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(tree.resolve("netkit").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tree.toFile());
    pb.environment().put("PATH", tree.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().put("JAVA_HOME", tree.resolve("jdk").toString());
    pb.environment().remove("NETKIT_SKIP_REBUILD");
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher finished");
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  private int mavenRuns() throws Exception {
    return Files.exists(mvnLog) ? Files.readAllLines(mvnLog).size() : 0;
  }

  private static Path old(Path file) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));
    return file;
  }

  private static void fresh(Path jar) throws Exception {
    Files.writeString(jar, "jar\n");
    Files.setLastModifiedTime(jar, FileTime.from(LONG_AGO.plusSeconds(60)));
  }

  private static void executable(Path file) throws Exception {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
