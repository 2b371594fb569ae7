package io.netkit.examples.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.examples.imap.SearchAndFetch;
import io.netkit.testkit.imap.ImapMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SearchAndFetch, run as its own process as the examples README says, against the IMAP mock. */
class ImapExampleTest {
  private static String run(int expectedExit, String... args) throws Exception {
    return ExampleProcess.run(SearchAndFetch.class, expectedExit, args);
  }

  @Test
  void searchAndFetchPrintsTheMatchesAndSavesThem(@TempDir Path dir) throws Exception {
    try (ImapMockServer server = new ImapMockServer("ann", "pw-ann")
        .message("From: Bob <bob@example.com>\r\nSubject: =?UTF-8?B?R3LDvMOfZQ==?=\r\n\r\nHallo!\r\n")
        .message("From: eve@example.com\r\nSubject: other\r\n\r\nnot this one\r\n")) {
      server.start();
      Path save = dir.resolve("saved");
      String output = run(0, "127.0.0.1:" + server.port(), "ann:pw-ann", "INBOX",
          "--from", "bob@example.com", "--save", save.toString());
      assertTrue(output.contains("INBOX: 2 messages, 2 unseen"), output);
      assertTrue(output.contains("Grüße"), output);
      assertTrue(!output.contains("other"), output);
      String saved = Files.readString(save.resolve("1.eml"), StandardCharsets.UTF_8);
      assertTrue(saved.contains("Hallo!"), saved);
    }
  }

  @Test
  void aWrongPasswordIsOneLineAndExitOne() throws Exception {
    try (ImapMockServer server = new ImapMockServer("ann", "pw-ann")) {
      server.start();
      String output = run(1, "127.0.0.1:" + server.port(), "ann:wrong");
      assertTrue(output.startsWith("SearchAndFetch: "), output);
      assertEquals(1, output.strip().lines().count(), output);
    }
  }
}
