package io.netkit.examples.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.examples.smtp.SendMail;
import io.netkit.testkit.smtp.ReceivedMail;
import io.netkit.testkit.smtp.SmtpMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SendMail, run as its own process as the examples README says, against the SMTP mock. */
class SmtpExampleTest {
  @TempDir Path dir;

  private static String run(int expectedExit, String... args) throws Exception {
    return ExampleProcess.run(SendMail.class, expectedExit, args);
  }

  @Test
  void sendMailDeliversWithAnAttachmentAndNamesEveryRecipient() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "the notes");
    try (SmtpMockServer server = new SmtpMockServer()) {
      server.start();
      String output =
          run(0, "127.0.0.1:" + server.port(), "me@example.org", "you@example.org,them@example.org",
              "Grüße", "Hello there", "--attach", file.toString());
      assertTrue(output.contains("accepted <you@example.org>: 250"), output);
      assertTrue(output.contains("accepted <them@example.org>: 250"), output);
      assertTrue(output.contains("250 OK"), output);
      ReceivedMail mail = server.takeMessage(Duration.ofSeconds(10));
      assertEquals("me@example.org", mail.sender());
      assertTrue(mail.text().contains("notes.txt"), mail.text());
    }
  }

  @Test
  void sendMailReportsAFailureInOneLine() throws Exception {
    try (SmtpMockServer server = new SmtpMockServer().account("ann", "pw")) {
      server.start();
      String output =
          run(1, "127.0.0.1:" + server.port(), "ann@example.org", "you@example.org", "s", "t", "--user", "ann:wrong-pw");
      assertTrue(output.startsWith("smtp 127.0.0.1:" + server.port() + ": authentication refused: 535"), output);
      assertTrue(!output.contains("wrong-pw"), output);
    }
  }
}
