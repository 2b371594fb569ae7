package io.netkit.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.Netkit;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.InteractiveProvider;
import io.netkit.testkit.Fault;
import io.netkit.testkit.telnet.TelnetMockServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelnetProviderTest {
  private final TelnetMockServer server = new TelnetMockServer(TelnetClientTest.ACCOUNT);

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void theTelnetSchemeIsFoundAndIsInteractive() {
    ClientProvider provider = Netkit.provider("telnet");
    assertEquals("telnet", provider.protocol().name());
    assertInstanceOf(InteractiveProvider.class, provider);
    assertInstanceOf(TelnetClient.class, provider.newClient(NetOptions.defaults()));
  }

  @Test
  void fetchCopiesWhatTheServerSaysUntilItIsQuiet() throws Exception {
    server.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long start = System.nanoTime();
    Netkit.provider("telnet")
        .fetch(URI.create("telnet://127.0.0.1:" + server.port()), NetOptions.defaults(), out, TransferListener.NONE);
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith(TelnetMockServer.BANNER + "\r\nlogin: "), text);
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0);
  }

  @Test
  void fetchWithCredentialsLogsInFirst() throws Exception {
    server.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    URI url = URI.create("telnet://alice:s3cret-pw@127.0.0.1:" + server.port());
    Netkit.provider("telnet").fetch(url, NetOptions.defaults(), out, TransferListener.NONE);
    assertEquals(java.util.List.of("alice", "s3cret-pw"), server.lines());
  }

  @Test
  void fetchFromASilentServerIsATimeout() throws Exception {
    server.fault(Fault.STALL);
    server.start();
    NetOptions quick = NetOptions.builder().readTimeout(Duration.ofMillis(500)).build();
    assertThrows(
        NetTimeoutException.class,
        () ->
            Netkit.provider("telnet")
                .fetch(URI.create("telnet://127.0.0.1:" + server.port()), quick,
                    new ByteArrayOutputStream(), TransferListener.NONE));
  }

  @Test
  void anInteractiveSessionLogsInEchoesAndEnds() throws Exception {
    server.start();
    InteractiveProvider provider = (InteractiveProvider) Netkit.provider("telnet");
    URI url = URI.create("telnet://alice:s3cret-pw@127.0.0.1:" + server.port());
    try (InteractiveProvider.Session session =
        provider.open(url, NetOptions.defaults(), new InteractiveProvider.TerminalInfo("vt220", 90, 30))) {
      assertTrue(session.remoteEcho());
      session.write("size\r\n".getBytes(StandardCharsets.US_ASCII), 0, 6);
      String seen = session.expect(Pattern.compile("\\$ $"), Duration.ofSeconds(10));
      assertTrue(seen.contains("90x30"), seen);
      session.resize(120, 40);
      session.sendLine("size");
      assertTrue(session.expect(Pattern.compile("\\$ $"), Duration.ofSeconds(10)).contains("120x40"));
      session.sendLine("quit");
      session.expect(Pattern.compile("bye"), Duration.ofSeconds(10));
      byte[] rest = new byte[64];
      int n;
      do {
        n = session.read(rest, 0, rest.length, Duration.ofSeconds(10));
      } while (n > 0);
      assertEquals(-1, n);
    }
    assertEquals(java.util.List.of("vt220"), server.terminalTypes());
  }
}
