package io.netkit.interop.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetOptions;
import io.netkit.core.trace.TraceEvent;
import io.netkit.interop.RealServers;
import io.netkit.telnet.TelnetClient;
import io.netkit.telnet.TelnetMatch;
import io.netkit.telnet.TelnetOptions;
import io.netkit.telnet.TelnetScript;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * netkit against a real telnetd: Debian's inetutils-telnetd under inetutils-inetd, with the test
 * login script of scripts/servers/telnet/login.sh.in (a fixed account, then an echo loop). The
 * server negotiates as a real telnetd does (ECHO, SUPPRESS-GO-AHEAD, TERMINAL-TYPE, NAWS, and
 * options netkit refuses, such as LINEMODE and NEW-ENVIRON), and its pty echoes what is typed.
 */
class TelnetdInteropTest {
  private static final Duration STEP = Duration.ofSeconds(10);

  private RealServers servers;
  private Endpoint endpoint;
  private Credentials account;

  @BeforeEach
  void servers() {
    servers = RealServers.load();
    servers.requireReachable("TELNET_HOST", "TELNET_PORT");
    endpoint = Endpoint.of(servers.require("TELNET_HOST"), servers.port("TELNET_PORT"));
    account = new Credentials(servers.require("TELNET_USER"), servers.require("TELNET_PASS"));
  }

  @Test
  void negotiatesLogsInThroughThePromptsEchoesAndSeesTheServerCloseOnQuit() throws Exception {
    List<TraceEvent> trace = new CopyOnWriteArrayList<>();
    NetOptions options = NetOptions.builder().trace(trace::add).build();
    TelnetOptions telnet = TelnetOptions.builder().terminalType("xterm").windowSize(100, 30).build();
    try (TelnetClient client = new TelnetClient(options, telnet)) {
      client.connect(endpoint.withCredentials(account));
      assertTrue(client.remoteEcho(), "telnetd echoes (WILL ECHO)");
      client.sendLine("hello from netkit");
      TelnetMatch echoed = client.expect(Pattern.compile("hello from netkit\r?\n\\$ $"), STEP);
      assertTrue(echoed.before().contains("hello from netkit"), echoed.before());
      client.sendLine("quit");
      client.expect("bye", STEP);
      byte[] rest = new byte[256];
      int n;
      do {
        n = client.read(rest, 0, rest.length, STEP);
      } while (n > 0);
      assertEquals(-1, n, "the server closes after quit");
    }
    String all = trace.stream().map(TraceEvent::text).reduce("", (a, b) -> a + "\n" + b);
    assertTrue(all.contains("login:"), "the core's trace saw the session");
    assertFalse(all.contains(account.password()), "no password in the trace");
  }

  @Test
  void runsAScriptedDialogueThroughTheLoginPrompts() throws Exception {
    TelnetScript script =
        TelnetScript.builder()
            .expectRegex("login: $", STEP)
            .sendLine(account.user())
            .expectRegex("Password: $", STEP)
            .sendLine(account.password())
            .expectRegex("\\$ $", STEP)
            .sendLine("first line")
            .expectRegex("first line\r?\n\\$ $", STEP)
            .sendLine("second line")
            .expectRegex("second line\r?\n\\$ $", STEP)
            .sendLine("quit")
            .expect("bye", STEP)
            .build();
    try (TelnetClient client = new TelnetClient(NetOptions.defaults())) {
      client.connect(endpoint);
      List<TelnetMatch> matches = client.run(script);
      assertEquals(6, matches.size());
      assertTrue(matches.get(3).before().contains("first line"), matches.get(3).before());
    }
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    try (TelnetClient client = new TelnetClient(NetOptions.defaults())) {
      assertThrows(
          NetAuthenticationException.class,
          () -> client.connect(endpoint.withCredentials(new Credentials(account.user(), "wrong"))));
    }
  }
}
