package io.netkit.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.core.spi.WatchProvider;
import io.netkit.testkit.imap.ImapDemoScenario;
import io.netkit.testkit.imap.ImapMockServer;
import io.netkit.testkit.imap.ImapMockServerProvider;
import io.netkit.testkit.spi.DemoResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The URL operations (ClientProvider), the watch SPI and the demo scenario, by library calls. */
class ImapClientProviderTest {
  private final NetOptions options = ImapTestSupport.options(null).build();
  private final ClientProvider imap = Netkit.provider("imap");
  private ImapMockServer server;
  private String root;

  @BeforeEach
  void start() throws Exception {
    server = ImapTestSupport.server().folder("Archive");
    server.start();
    root = "imap://" + ImapTestSupport.USER + ":" + ImapTestSupport.PASSWORD + "@127.0.0.1:"
        + server.port() + "/";
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void theSchemesAreServedAndAuthIsNotPartOfTheUser() {
    assertTrue(imap.getClass().getName().startsWith("io.netkit.imap"));
    assertEquals("alice", imap.endpoint(URI.create("imap://alice;AUTH=*:pw@h/INBOX"))
        .credentials().orElseThrow().user());
    assertEquals(993, imap.endpoint(URI.create("imaps://h/")).port());
  }

  @Test
  void listsMailboxesAndMessagesFetchesStoresAndDeletes() throws Exception {
    List<ListEntry> folders = imap.list(URI.create(root), options);
    assertTrue(folders.stream().anyMatch(e -> e.kind().equals("inbox") && e.name().equals("2 2 INBOX")),
        folders.toString());
    List<ListEntry> messages = imap.list(URI.create(root + "INBOX"), options);
    assertEquals(2, messages.size());
    ListEntry first = messages.get(0);
    assertEquals("message", first.kind());
    assertTrue(first.name().startsWith("1 - bob@example.org Hello there"), first.name());
    assertTrue(first.size() > 0 && first.modified() != null);
    assertEquals("/INBOX/;UID=1", first.url().getRawPath());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    imap.fetch(URI.create(root + "INBOX/;UID=1"), options, out, TransferListener.NONE);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Hello Alice"));

    byte[] message = "From: x@example.org\r\nSubject: stored\r\n\r\nhi\r\n".getBytes(StandardCharsets.UTF_8);
    imap.store(URI.create(root + "Archive"), options, new ByteArrayInputStream(message), message.length,
        TransferListener.NONE);
    assertEquals(1, imap.list(URI.create(root + "Archive"), options).size());

    imap.delete(URI.create(root + "INBOX/;UID=1"), options);
    assertEquals(1, imap.list(URI.create(root + "INBOX"), options).size());
    NetNotFoundException gone = assertThrows(NetNotFoundException.class,
        () -> imap.delete(URI.create(root + "INBOX/;UID=1"), options));
    assertEquals(NetNotFoundException.Target.ITEM, gone.target());
    assertThrows(IllegalArgumentException.class, () -> imap.delete(URI.create(root + "INBOX"), options));
  }

  @Test
  void aStaleUidValidityIsRefused() {
    NetNotFoundException e = assertThrows(NetNotFoundException.class, () -> imap.fetch(
        URI.create(root + "INBOX;UIDVALIDITY=1/;UID=1"), options, new ByteArrayOutputStream(),
        TransferListener.NONE));
    assertTrue(e.getMessage().contains("stale"), e.getMessage());
  }

  @Test
  void aMissingMailboxIsAMissingContainer() {
    NetNotFoundException e = assertThrows(NetNotFoundException.class,
        () -> imap.list(URI.create(root + "Nowhere"), options));
    assertEquals(NetNotFoundException.Target.CONTAINER, e.target());
  }

  @Test
  void theWatchProviderReportsNewMessagesUntilItsLimit() throws Exception {
    WatchProvider watcher = ServiceLoader.load(WatchProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(w -> w.protocol().name().equals("imap"))
        .findFirst().orElseThrow();
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    try {
      later.schedule(() -> server.message("From: new@example.org\r\nSubject: fresh\r\n\r\nx\r\n"),
          500, TimeUnit.MILLISECONDS);
      List<WatchProvider.Event> events = new ArrayList<>();
      long start = System.nanoTime();
      watcher.watch(URI.create(root + "INBOX"), options, Duration.ofSeconds(3), events::add);
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
      assertEquals(List.of(new WatchProvider.Event("3", List.of("new@example.org", "fresh"))), events);
    } finally {
      later.shutdownNow();
    }
  }

  @Test
  void theDemoScenarioRunsAgainstTheServeProvidersServer(@TempDir Path dir) throws Exception {
    ImapDemoScenario scenario = new ImapDemoScenario();
    scenario.prepare(dir);
    try (var demo = new ImapMockServerProvider().newServer(dir, scenario.account())) {
      demo.start();
      DemoResult result = scenario.run(demo, options);
      assertTrue(result.done().contains("read it back"), result.done());
      assertTrue(result.bytes() > 0);
    }
  }
}
