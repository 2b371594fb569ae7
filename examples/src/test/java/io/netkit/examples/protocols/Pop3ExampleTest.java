package io.netkit.examples.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.examples.pop3.ReadMailbox;
import io.netkit.testkit.pop3.Pop3MockServer;
import org.junit.jupiter.api.Test;

/** ReadMailbox, run as its own process as the examples README says, against the POP3 mock. */
class Pop3ExampleTest {
  private static String run(int expectedExit, String... args) throws Exception {
    return ExampleProcess.run(ReadMailbox.class, expectedExit, args);
  }

  @Test
  void readMailboxListsTheMessagesAndShowsOne() throws Exception {
    try (Pop3MockServer server = new Pop3MockServer("ann", "pw-ann")
        .message("From: Bob <bob@example.com>\r\nSubject: =?UTF-8?B?R3LDvMOfZQ==?=\r\n\r\nHallo!\r\n")
        .message("From: eve@example.com\r\nSubject: second\r\n\r\nbody two\r\n")) {
      server.start();
      String output = run(0, "127.0.0.1:" + server.port(), "--user", "ann:pw-ann", "--show", "2");
      assertTrue(output.startsWith("2 messages\n"), output);
      assertTrue(output.matches("(?s).*\\n1  \\d+  \\S+  Bob <bob@example.com>  Grüße\\n.*"), output);
      assertTrue(output.contains("--- message 2 ---\n"), output);
      assertTrue(output.contains("body two"), output);
      assertEquals(2, server.messageCount(), "nothing deleted");
    }
  }

  @Test
  void readMailboxReportsARefusedLoginInOneLine() throws Exception {
    try (Pop3MockServer server = new Pop3MockServer("ann", "pw-ann")) {
      server.start();
      String output = run(1, "127.0.0.1:" + server.port(), "--user", "ann:wrong");
      assertTrue(output.startsWith("pop3 127.0.0.1:" + server.port() + ": SASL PLAIN login as ann refused"), output);
      assertTrue(!output.contains("wrong"), output);
    }
  }
}
