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
}
