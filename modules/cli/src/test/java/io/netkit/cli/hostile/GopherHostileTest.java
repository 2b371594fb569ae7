package io.netkit.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.cli.Cli;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.Protocol;
import io.netkit.gopher.GopherClient;
import io.netkit.gopher.GopherMenu;
import io.netkit.testkit.HostileServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gopher menus against hostile servers and hostile input. */
class GopherHostileTest extends HostileContract {
  @Override
  Protocol protocol() {
    return Protocol.GOPHER;
  }

  /** A menu: text files are free content, a menu has lines to parse. */
  @Override
  String path() {
    return "/1/dir";
  }

  @Override
  String greeting() {
    return null;
  }

  /** Menu items forever: more than 100,000 are refused. */
  @Override
  String floodLine() {
    return "iflood\tfake\t(NULL)\t0\r\n";
  }

  @Override
  String unparsable() {
    return "1a directory\t/dir\t127.0.0.1\tnot-a-port\r\n.\r\n";
  }

  @Override
  String okLine() {
    return ".\r\n";
  }

  @Override
  boolean login() {
    return false;
  }

  @TempDir Path dir;

  private static final String MENU_CUT =
      "0a file\t/a.txt\t127.0.0.1\t70\r\n1a directory\t/d\t127.0.0.1\t70\r\n";

  private static HostileServer once(String answer) throws IOException {
    return HostileServer.start(HostileServer.Behaviour.ONCE, null, answer, "");
  }

  private Cli.Result getTo(Path file, String url) {
    return commandFails(url, "-o", file.toString());
  }

  private void assertNoFile(Path file) throws IOException {
    assertFalse(Files.exists(file), "a cut answer leaves no file");
    try (var left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "nor a temporary one");
    }
  }

  /**
   * RFC 1436 menus end with their "." line: one closed without it is truncated when fetched or
   * listed (exit 18, no file); the client API returns it flagged {@code terminated() == false}.
   */
  @Test
  void aMenuWithoutItsDotLineThenACloseIsTruncatedAndLeavesNoFile() throws IOException {
    try (HostileServer server = once(MENU_CUT)) {
      Throwable t = apiFails(url(server), options().build());
      NetTruncatedException e = assertInstanceOf(NetTruncatedException.class, t, t::toString);
      assertEquals(2, e.received(), "two items came");
      Path file = dir.resolve("menu.txt");
      assertEquals(18, getTo(file, url(server)).code());
      assertNoFile(file);
      Cli.Result ls = assertTimeoutPreemptively(BOUND, () -> Cli.run("ls", "--timeout", "3", url(server)));
      assertEquals(18, ls.code(), ls::toString);
      try (GopherClient client = new GopherClient(options().build())) {
        client.connect(server.endpoint());
        GopherMenu menu = client.menu("/dir");
        assertFalse(menu.terminated());
        assertEquals(2, menu.items().size());
      }
    }
  }

  /** A menu or a text cut in the middle of a line is truncated, whatever the framing rules. */
  @Test
  void aMenuOrTextCutInTheMiddleOfALineIsTruncatedAndLeavesNoFile() throws IOException {
    for (String path : List.of("/1/dir", "/0/a.txt")) {
      try (HostileServer server = once(path.startsWith("/1")
          ? "0a file\t/a.txt\t127.0.0.1\t70\r\n1a direc" : "first line\r\nsecond li")) {
        String url = "gopher://127.0.0.1:" + server.port() + path;
        Throwable t = apiFails(url, options().build());
        assertInstanceOf(NetTruncatedException.class, t, () -> path + ": " + t);
        Path file = dir.resolve("cut.txt");
        assertEquals(18, getTo(file, url).code(), path);
        assertNoFile(file);
      }
    }
  }

  /**
   * Text items keep their documented tolerance: many servers (gophernicus) end text by closing,
   * so a close after a complete line is the end, reported as not terminated.
   */
  @Test
  void aTextClosedAfterACompleteLineIsTheEndAsDocumented() throws IOException {
    try (HostileServer server = once("first line\r\nsecond line\r\n")) {
      String url = "gopher://127.0.0.1:" + server.port() + "/0/a.txt";
      Path file = dir.resolve("a.txt");
      Cli.Result r = assertTimeoutPreemptively(BOUND, () -> Cli.run("get", "-s", "-o", file.toString(), url));
      assertEquals(0, r.code(), r::toString);
      assertTrue(Files.readString(file).contains("second line"));
    }
  }
}
