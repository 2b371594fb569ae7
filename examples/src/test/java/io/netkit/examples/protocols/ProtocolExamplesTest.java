package io.netkit.examples.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.examples.ftp.FtpListAndDownload;
import io.netkit.examples.gopher.GopherBrowse;
import io.netkit.testkit.ftp.FtpMockServer;
import io.netkit.testkit.gopher.GopherMockServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each protocol example, run as its own process as the examples README says, against a mock. */
class ProtocolExamplesTest {
  private static String run(Class<?> main, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "example did not finish");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), text);
    return text;
  }

  @Test
  void gopherBrowsePrintsTheMenuAndTheFirstTextItem(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("hello.txt"), "Hello from the gopher hole.\n");
    Files.write(root.resolve("data.bin"), new byte[] {1, 2, 3});
    try (GopherMockServer server = GopherMockServer.serving(root)) {
      server.start();
      String output = run(GopherBrowse.class, "127.0.0.1", String.valueOf(server.port()));
      assertTrue(output.contains("hello.txt"), output);
      assertTrue(output.contains("Hello from the gopher hole."), output);
    }
  }

  @Test
  void ftpListAndDownloadListsAndFetchesAFile(@TempDir Path dir) throws Exception {
    try (FtpMockServer server =
        new FtpMockServer().user("alice", "secret", "/home/alice").file("/home/alice/notes.txt", "remember the milk\n")) {
      server.start();
      Path local = dir.resolve("notes.txt");
      String output =
          run(FtpListAndDownload.class, "127.0.0.1:" + server.port(), "", "notes.txt", local.toString(), "--user", "alice:secret");
      assertTrue(output.contains("notes.txt"), output);
      assertTrue(output.contains("downloaded 18 bytes"), output);
      assertEquals("remember the milk\n", Files.readString(local));
    }
  }

  @Test
  void ftpListAndDownloadWithAWrongPasswordSaysSoInOneLine() throws Exception {
    try (FtpMockServer server = new FtpMockServer().user("alice", "secret", "/home/alice")) {
      server.start();
      String[] r =
          io.netkit.examples.sockets.HelloExamplesTestSupport.runMain(
              FtpListAndDownload.class, "127.0.0.1:" + server.port(), "", "--user", "alice:wrong");
      assertEquals("1", r[0], r[1]);
      assertEquals(1, r[1].strip().lines().count(), r[1]);
      assertTrue(r[1].startsWith("FtpListAndDownload: ftp 127.0.0.1:"), r[1]);
      assertTrue(r[1].contains("530"), r[1]);
      assertTrue(!r[1].contains("wrong"), "no password: " + r[1]);
    }
  }

  @Test
  void gopherBrowseToAClosedPortSaysSoOnce() throws Exception {
    int closed;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      closed = probe.getLocalPort();
    }
    String[] r =
        io.netkit.examples.sockets.HelloExamplesTestSupport.runMain(
            GopherBrowse.class, "127.0.0.1", String.valueOf(closed));
    assertEquals("1", r[0], r[1]);
    assertEquals(1, r[1].strip().lines().count(), r[1]);
    assertTrue(r[1].startsWith("GopherBrowse: gopher 127.0.0.1:" + closed + ": "), r[1]);
    assertTrue(!r[1].contains("gopher: gopher"), r[1]);
  }
}
