package io.netkit.examples.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.examples.telnet.TelnetScript;
import io.netkit.testkit.telnet.TelnetMockServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TelnetScript, run as its own process as the examples README says, against the Telnet mock. */
class TelnetExampleTest {
  private static String run(int expectedExit, String... args) throws Exception {
    return ExampleProcess.run(TelnetScript.class, expectedExit, args);
  }

  @Test
  void theScriptLogsInTalksAndQuits() throws Exception {
    try (TelnetMockServer server = new TelnetMockServer(new Credentials("demo", "pw-demo"))) {
      server.start();
      String output =
          run(0, "127.0.0.1:" + server.port(), "--user", "demo:pw-demo", "first", "second");
      assertTrue(output.contains("first\r\nfirst\r\n$ "), output);
      assertTrue(output.contains("second\r\nsecond\r\n$ "), output);
      assertTrue(output.contains("bye") && output.contains("(dialogue complete)"), output);
      assertFalse(output.contains("pw-demo"), "the password is not echoed: " + output);
      assertEquals(List.of("demo", "pw-demo", "first", "second", "quit"), server.lines());
    }
  }

  @Test
  void aWrongPasswordEndsWithWhatTheServerSaid() throws Exception {
    try (TelnetMockServer server = new TelnetMockServer(new Credentials("demo", "pw-demo"))) {
      server.start();
      String output = run(1, "127.0.0.1:" + server.port(), "--user", "demo:wrong", "hello");
      assertTrue(output.contains("Login incorrect"), output);
      assertTrue(output.contains("telnet: "), output);
    }
  }
}
