package io.netkit.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.testkit.imap.ImapMockServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImapIdleTest {
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private ImapMockServer server;

  @AfterEach
  void stop() {
    later.shutdownNow();
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void idleReturnsTheMessageThatArrivedDuringTheWait() throws Exception {
    server = ImapTestSupport.server();
    server.start();
    try (ImapClient client = ImapTestSupport.connected(server, ImapTestSupport.options(null).build())) {
      List<Long> before = client.search("INBOX", SearchTerm.all());
      later.schedule(() -> server.message("From: late@example.org\r\nSubject: late\r\n\r\nhi\r\n"),
          300, TimeUnit.MILLISECONDS);
      long start = System.nanoTime();
      Changes changes = client.idle("INBOX", Duration.ofSeconds(30));
      long took = System.nanoTime() - start;
      assertTrue(changes.viaIdle());
      assertEquals(1, changes.arrived().size(), changes.toString());
      assertFalse(before.contains(changes.arrived().get(0)));
      assertTrue(took < TimeUnit.SECONDS.toNanos(20), "returned as soon as the mail arrived");
      // The session is usable afterwards.
      assertEquals(3, client.search("INBOX", SearchTerm.all()).size());
    }
  }

  @Test
  void idleWithNothingHappeningEndsAtTheTimeoutEmpty() throws Exception {
    server = ImapTestSupport.server();
    server.start();
    try (ImapClient client = ImapTestSupport.connected(server, ImapTestSupport.options(null).build())) {
      long start = System.nanoTime();
      Changes changes = client.idle("INBOX", Duration.ofMillis(700));
      long took = System.nanoTime() - start;
      assertTrue(changes.isEmpty(), changes.toString());
      assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(600), "waited: " + took);
      assertTrue(took < TimeUnit.SECONDS.toNanos(15), "bounded: " + took);
      assertEquals(2, client.select("INBOX").messages());
    }
  }

  @Test
  void withoutIdleTheClientPollsWithNoop() throws Exception {
    server = ImapTestSupport.server().hideCapabilities("IDLE");
    server.start();
    ImapOptions fast = ImapOptions.builder().pollInterval(Duration.ofMillis(200)).build();
    try (ImapClient client = new ImapClient(ImapTestSupport.options(null).build(), fast)) {
      client.connect(server.endpoint().withCredentials(server.account()));
      assertFalse(client.capabilities().contains("IDLE"));
      later.schedule(() -> server.message("From: late@example.org\r\nSubject: late\r\n\r\nhi\r\n"),
          300, TimeUnit.MILLISECONDS);
      Changes changes = client.idle("INBOX", Duration.ofSeconds(30));
      assertFalse(changes.viaIdle());
      assertEquals(1, changes.arrived().size(), changes.toString());
    }
  }

  @Test
  void flagChangesAndExpungesBySomeoneElseAreReported() throws Exception {
    server = ImapTestSupport.server();
    server.start();
    // GreenMail holds flag changes back until an IDLE ends (and repeats an EXPUNGE then): NOOP
    // polling sees what it reports in order. Dovecot's IDLE is covered by the interop tests.
    server.stop();
    server = ImapTestSupport.server().hideCapabilities("IDLE");
    server.start();
    ImapOptions fast = ImapOptions.builder().pollInterval(Duration.ofMillis(200)).build();
    try (ImapClient watcher = new ImapClient(ImapTestSupport.options(null).build(), fast);
        ImapClient other = ImapTestSupport.connected(server, ImapTestSupport.options(null).build())) {
      watcher.connect(server.endpoint().withCredentials(server.account()));
      List<Long> uids = other.search("INBOX", SearchTerm.all());
      watcher.examine("INBOX");
      later.schedule(() -> {
        other.flags("INBOX", List.of(uids.get(0)), java.util.Set.of(ImapFlags.FLAGGED), true);
        return null;
      }, 300, TimeUnit.MILLISECONDS);
      Changes flagged = watcher.idle("INBOX", Duration.ofSeconds(30));
      assertTrue(flagged.flags().containsKey(uids.get(0)), flagged.toString());
      assertTrue(flagged.flags().get(uids.get(0)).contains(ImapFlags.FLAGGED));
      later.schedule(() -> {
        other.delete("INBOX", List.of(uids.get(1)));
        return null;
      }, 300, TimeUnit.MILLISECONDS);
      Changes gone = watcher.idle("INBOX", Duration.ofSeconds(30));
      assertTrue(gone.expunged().contains(2), gone.toString());
      assertTrue(gone.arrived().isEmpty(), gone.toString());
    }
  }
}
