package io.netkit.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.DetailedLister;
import io.netkit.core.spi.ListEntry;
import io.netkit.testkit.pop3.Pop3MockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pop3:// URLs through the provider that ServiceLoader finds. */
class Pop3ClientProviderTest {
  private Pop3MockServer server;
  private URI mailbox;

  @BeforeEach
  void start() throws IOException {
    server = new Pop3MockServer("alice", "secret")
        .message("From: Bob <bob@example.com>\r\nSubject: =?UTF-8?Q?caf=C3=A9?=\r\n"
            + "Date: Tue, 1 Dec 2026 10:00:00 +0000\r\n\r\nhello\r\n")
        .message("From: c@example.com\r\nSubject: two\r\n\r\nsecond\r\n");
    server.start();
    mailbox = URI.create("pop3://alice:secret@127.0.0.1:" + server.port() + "/");
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void providerIsRegistered() {
    ClientProvider provider = Netkit.provider("pop3s");
    assertInstanceOf(DetailedLister.class, provider);
    assertInstanceOf(Pop3Client.class, provider.newClient(NetOptions.defaults()));
  }

  @Test
  void fetchWritesTheRawMessage() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Netkit.fetch(mailbox.resolve("/2"), NetOptions.defaults(), out, TransferListener.NONE);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("\r\n\r\nsecond\r\n"));
  }

  @Test
  void fetchOfTheMailboxAsksForANumber() {
    assertThrows(IllegalArgumentException.class,
        () -> Netkit.fetch(mailbox, NetOptions.defaults(), new ByteArrayOutputStream(), TransferListener.NONE));
  }

  @Test
  void listGivesNumberSizeAndUid() throws IOException {
    List<ListEntry> entries = Netkit.list(mailbox, NetOptions.defaults());
    assertEquals(2, entries.size());
    ListEntry first = entries.get(0);
    assertEquals("message", first.kind());
    assertTrue(first.size() > 0);
    assertTrue(first.name().matches("1 \\S+"), first.name());
    assertEquals(URI.create("pop3://127.0.0.1:" + server.port() + "/1"), first.url());
  }

  @Test
  void detailedListAddsDateSenderAndDecodedSubject() throws IOException {
    DetailedLister lister = (DetailedLister) Netkit.provider("pop3");
    List<ListEntry> entries = lister.listDetailed(mailbox, NetOptions.defaults());
    ListEntry first = entries.get(0);
    assertEquals(Instant.parse("2026-12-01T10:00:00Z"), first.modified());
    assertTrue(first.name().endsWith("From: Bob <bob@example.com> Subject: café"), first.name());
    assertTrue(entries.get(1).name().endsWith("Subject: two"), entries.get(1).name());
  }

  @Test
  void deleteRemovesTheMessage() throws IOException {
    Netkit.provider("pop3").delete(mailbox.resolve("/1"), NetOptions.defaults());
    assertEquals(1, server.messageCount());
    assertThrows(NetNotFoundException.class,
        () -> Netkit.provider("pop3").delete(mailbox.resolve("/7"), NetOptions.defaults()));
    assertEquals(1, server.messageCount());
  }
}
