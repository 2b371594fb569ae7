package io.netkit.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.trace.TraceEvent;
import io.netkit.testkit.telnet.TelnetMockServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelnetClientTest {
  static final Credentials ACCOUNT = new Credentials("alice", "s3cret-pw");
  static final Duration STEP = Duration.ofSeconds(10);

  private final TelnetMockServer server = new TelnetMockServer(ACCOUNT);

  @AfterEach
  void stop() {
    server.stop();
  }

  private Endpoint account() {
    return server.endpoint().withCredentials(ACCOUNT);
  }

  @Test
  void logsInThroughThePromptsAndRunsTheShellDialogue() throws Exception {
    server.start();
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      telnet.connect(account());
      assertEquals("\r\n$ ", telnet.afterLogin()); // consumed by the login, kept for display
      telnet.sendLine("hello");
      TelnetMatch echoed = telnet.expect("hello\r\n$ ", STEP);
      assertEquals("hello\r\n", echoed.before()); // echoed as typed, then printed back
      telnet.sendLine("quit");
      assertEquals("quit\r\n", telnet.expect("bye\r\n", STEP).before());
      assertEquals(-1, telnet.read(new byte[16], 0, 16, STEP));
      assertFalse(telnet.isConnected(), "the server closed, so did the client");
      assertEquals(-1, telnet.read(new byte[1], 0, 1, STEP), "and stays at the end");
    }
    assertEquals(List.of("alice", "s3cret-pw", "hello", "quit"), server.lines());
  }

  @Test
  void agreesToEchoSuppressGoAheadTerminalTypeAndWindowSize() throws Exception {
    server.start();
    TelnetOptions options =
        TelnetOptions.builder().terminalType("xterm-netkit").windowSize(100, 40).build();
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults(), options)) {
      telnet.connect(account());
      assertTrue(telnet.remoteEcho());
      telnet.sendLine("term");
      assertEquals("xterm-netkit", lastLine(telnet.expect(Pattern.compile("\r\n\\$ $"), STEP)));
      telnet.sendLine("size");
      assertEquals("100x40", lastLine(telnet.expect(Pattern.compile("\r\n\\$ $"), STEP)));
      telnet.resize(132, 255); // 255 is IAC: doubled exactly once on the wire
      telnet.sendLine("size");
      assertEquals("132x255", lastLine(telnet.expect(Pattern.compile("\r\n\\$ $"), STEP)));
    }
    List<String> said = server.negotiations();
    assertTrue(said.contains("DO 1"), said.toString()); // the server may echo
    assertTrue(said.contains("WILL 3") && said.contains("DO 3"), said.toString());
    assertTrue(said.contains("WILL 24") && said.contains("WILL 31"), said.toString());
    assertEquals(List.of("xterm-netkit"), server.terminalTypes());
    assertEquals(List.of("100x40", "132x255"), server.windowSizes());
  }

  @Test
  void runsAScriptedDialogue() throws Exception {
    server.start();
    TelnetScript script =
        TelnetScript.builder()
            .expect("login: ", STEP)
            .sendLine("alice")
            .expectRegex("(?i)password: $", STEP)
            .sendLine("s3cret-pw")
            .expect("$ ", STEP)
            .sendLine("one two")
            .expectRegex("(one) (two)\r\n\\$ ", STEP)
            .sendLine("quit")
            .expect("bye", STEP)
            .build();
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      telnet.connect(server.endpoint()); // no credentials: the script logs in
      List<TelnetMatch> matches = telnet.run(script);
      assertEquals(5, matches.size());
      assertEquals("one", matches.get(3).group(1));
      assertEquals("two", matches.get(3).group(2));
    }
  }

  @Test
  void aWrongPasswordIsAnAuthenticationFailure() throws Exception {
    server.start();
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      NetAuthenticationException e =
          assertThrows(
              NetAuthenticationException.class,
              () -> telnet.connect(server.endpoint().withCredentials(new Credentials("alice", "nope"))));
      assertTrue(e.getMessage().contains("Login incorrect"), e.getMessage());
      assertFalse(e.getMessage().contains("nope"));
      assertFalse(telnet.isConnected());
    }
  }

  @Test
  void thePasswordNeverAppearsInTheTraceWhichSeesTheSession() throws Exception {
    server.start();
    List<TraceEvent> events = new CopyOnWriteArrayList<>();
    NetOptions traced = NetOptions.builder().trace(events::add).build();
    try (TelnetClient telnet = new TelnetClient(traced)) {
      telnet.connect(account());
      telnet.sendLine("traced line");
      telnet.expect("traced line\r\n$ ", STEP);
    }
    String all = events.stream().map(TraceEvent::text).reduce("", (a, b) -> a + "\n" + b);
    assertTrue(all.contains("login:"), all);
    assertTrue(all.contains("traced line"), all);
    assertFalse(all.contains("s3cret-pw"), all);
  }

  /**
   * A password typed with raw sends after the password prompt (one key at a time, as the
   * interactive command sends it, or in one send) is masked in the trace as a sendLine is.
   */
  @Test
  void aPasswordSentRawAfterThePasswordPromptNeverAppearsInTheTrace() throws Exception {
    server.start();
    for (boolean keyByKey : new boolean[] {true, false}) {
      List<TraceEvent> events = new CopyOnWriteArrayList<>();
      NetOptions traced = NetOptions.builder().trace(events::add).build();
      try (TelnetClient telnet = new TelnetClient(traced)) {
        telnet.connect(server.endpoint()); // no credentials: the caller logs in
        telnet.expect("login: ", STEP);
        telnet.sendLine("alice");
        telnet.expect(Pattern.compile("(?i)password: $"), STEP);
        byte[] typed = "s3cret-pw\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (keyByKey) {
          for (int i = 0; i < typed.length - 2; i++) {
            telnet.send(new byte[] {typed[i]});
          }
          telnet.send(new byte[] {'\r', '\n'}); // Enter, as the interactive command sends it
        } else {
          telnet.send(typed);
        }
        telnet.expect("$ ", STEP);
        telnet.sendLine("seen line");
        telnet.expect("seen line\r\n$ ", STEP);
      }
      String all = events.stream().map(TraceEvent::text).reduce("", (a, b) -> a + "\n" + b);
      String how = (keyByKey ? "key by key: " : "one send: ") + all.replace("s3cret", "<PW>");
      assertTrue(all.contains("alice") && all.contains("seen line"), how);
      assertFalse(all.contains("s3cret"), how);
      assertTrue(all.contains("****"), how);
    }
    assertTrue(List.of("alice", "s3cret-pw", "seen line", "alice", "s3cret-pw", "seen line")
        .equals(server.lines()), () -> "the password went out unchanged: " + String.join("|", server.lines()).replace("s3cret", "<PW>"));
  }

  /** Raw reads, as the interactive command makes them, see the password prompt too. */
  @Test
  void aPasswordTypedAfterAPromptSeenByARawReadNeverAppearsInTheTrace() throws Exception {
    server.start();
    List<TraceEvent> events = new CopyOnWriteArrayList<>();
    NetOptions traced = NetOptions.builder().trace(events::add).build();
    try (TelnetClient telnet = new TelnetClient(traced)) {
      telnet.connect(server.endpoint());
      telnet.expect("login: ", STEP);
      telnet.sendLine("alice");
      StringBuilder seen = new StringBuilder();
      byte[] buffer = new byte[256];
      long until = System.nanoTime() + STEP.toNanos();
      while (!seen.toString().endsWith("Password: ") && System.nanoTime() < until) {
        int n = telnet.read(buffer, 0, buffer.length, Duration.ofMillis(200));
        assertTrue(n >= 0, "closed early: " + seen);
        seen.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
      for (byte b : "s3cret-pw".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
        telnet.send(new byte[] {b});
      }
      telnet.send(new byte[] {'\r', '\n'});
      telnet.expect("$ ", STEP);
    }
    String all = events.stream().map(TraceEvent::text).reduce("", (a, b) -> a + "\n" + b);
    assertFalse(all.contains("s3cret"), all.replace("s3cret", "<PW>"));
    assertTrue(all.contains("****"), all);
    assertTrue(server.lines().contains("s3cret-pw"), "the password went out");
  }

  @Test
  void requiredTlsIsRefusedBeforeAnyConnection() throws Exception {
    server.start();
    NetOptions tls = NetOptions.builder().tlsMode(TlsMode.STARTTLS_REQUIRED).build();
    try (TelnetClient telnet = new TelnetClient(tls)) {
      assertThrows(NetTlsException.class, () -> telnet.connect(account()));
    }
    assertEquals(0, server.acceptedCount());
  }

  @Test
  void linesEndInCrLfAndABareCrGoesOutAsCrNul() throws Exception {
    server.start();
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      telnet.connect(account());
      telnet.send(new byte[] {'a', '\r', 'b', '\r', '\n'});
      // The mock ends a line at the bare CR too, so the first "$ " follows "a": wait until it has
      // read everything sent (the line after), or the bytes below may not be recorded yet.
      telnet.sendLine("end");
      telnet.expect("end\r\n$ ", STEP);
    }
    String raw = new String(server.received(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(raw.contains("alice\r\n"), raw);
    assertTrue(raw.contains("a\r\0b\r\n"), raw);
  }

  static String lastLine(TelnetMatch match) {
    String before = match.before();
    int cut = before.lastIndexOf("\r\n");
    return cut < 0 ? before : before.substring(cut + 2);
  }
}
