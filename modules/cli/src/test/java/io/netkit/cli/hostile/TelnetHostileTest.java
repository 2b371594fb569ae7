package io.netkit.cli.hostile;

import io.netkit.core.Protocol;
import io.netkit.testkit.HostileServer;

/** Telnet ({@code get telnet://}: what the server says, until quiet) against hostile servers. */
class TelnetHostileTest extends HostileContract {
  @Override
  Protocol protocol() {
    return Protocol.TELNET;
  }

  @Override
  String path() {
    return "/";
  }

  @Override
  String greeting() {
    return "login: ";
  }

  @Override
  String floodLine() {
    return "flood\r\n";
  }

  @Override
  String unparsable() {
    return null;
  }

  /** The user name is what a telnet URL carries to the wire. */
  @Override
  String url(String scheme, HostileServer server, String path) {
    return scheme + "://bob:pw@127.0.0.1:" + server.port() + path;
  }

  @Override
  String notCovered(String testCase) {
    return switch (testCase) {
      case "silent" -> "a quiet server is the normal end of a telnet get (it prints what came)";
      case "flood", "endless", "garbage" ->
          "a telnet session is free text and bytes: streamed with flat memory; NUL is a valid NVT byte";
      case "unsafe" -> "covered by crLfAndNulInTheUserNameAreRefused";
      default -> null;
    };
  }

  @org.junit.jupiter.api.Test
  void crLfAndNulInTheUserNameAreRefused() throws java.io.IOException {
    for (String smuggled : java.util.List.of("%0D%0AINJECTED", "%0AINJECTED", "%00INJECTED")) {
      try (HostileServer server = HostileServer.start(
          HostileServer.Behaviour.ANSWER, greeting(), null, "Password: ")) {
        String url = "telnet://bob" + smuggled + ":pw@127.0.0.1:" + server.port() + "/";
        apiFails(url, options().build());
        commandFails(url);
        assertNothingSmuggled(server);
      }
    }
  }

  /**
   * Through the command: a password answered by a script's {@code send} after the password
   * prompt is masked in the {@code --trace} transcript, although it is not the -u password.
   */
  @org.junit.jupiter.api.Test
  void aPasswordSentAfterThePasswordPromptStaysOutOfTheCommandsTrace(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    io.netkit.testkit.telnet.TelnetMockServer server =
        new io.netkit.testkit.telnet.TelnetMockServer(new io.netkit.core.Credentials("alice", "s3cret-pw"));
    server.start();
    try {
      java.nio.file.Path script = dir.resolve("dialogue.txt");
      java.nio.file.Files.writeString(script, String.join("\n",
          "expect login: $", "send alice", "expect (?i)password: $", "send s3cret-pw",
          "expect \\$ $", "send quit", "expect bye", ""));
      io.netkit.cli.Cli.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(BOUND,
          () -> io.netkit.cli.Cli.run("telnet", "--trace", "--script", script.toString(),
              "127.0.0.1", String.valueOf(server.port())));
      org.junit.jupiter.api.Assertions.assertEquals(0, r.code(), () -> r.toString().replace("s3cret", "<PW>"));
      org.junit.jupiter.api.Assertions.assertTrue(r.stderr().contains("alice"), "the trace is there");
      org.junit.jupiter.api.Assertions.assertFalse((r.stdout() + r.stderr()).contains("s3cret"),
          () -> r.toString().replace("s3cret", "<PW>"));
    } finally {
      server.stop();
    }
  }
}
