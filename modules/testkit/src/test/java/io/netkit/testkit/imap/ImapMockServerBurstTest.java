package io.netkit.testkit.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netkit.testkit.internal.ConnectBurst;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImapMockServerBurstTest {
  private static final int SESSIONS = 500;

  /**
   * 500 connects at once overflow a listen backlog of 50, on the relay and on GreenMail behind
   * it: Linux then answers with SYN cookies and drops the handshake's last ACK while the accept
   * queue is full, so the client is connected and the server never hears of it (the bench's
   * concurrency row lost 8 to 52 of 500 sessions that way, each waiting for a greeting until its
   * read timeout). Every one of them must be greeted.
   */
  @Test
  void greetsEveryOneOfFiveHundredSimultaneousConnects() throws IOException {
    try (ImapMockServer imap = new ImapMockServer("alice", "secret")) {
      imap.start();
      ConnectBurst.Outcome outcome =
          ConnectBurst.firstLines(imap.host(), imap.port(), SESSIONS, "* OK", Duration.ofSeconds(20));
      assertEquals(SESSIONS, outcome.greeted(), outcome.toString());
    }
  }
}
