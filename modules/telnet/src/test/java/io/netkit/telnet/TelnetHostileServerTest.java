package io.netkit.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import io.netkit.testkit.Fault;
import io.netkit.testkit.telnet.TelnetMockServer;
import io.netkit.testkit.telnet.TelnetMockServer.Hostility;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Servers that try to hold the client or its memory: each is a typed failure, in time. */
class TelnetHostileServerTest {
  private static final Duration GENEROUS = Duration.ofSeconds(20);

  private final TelnetMockServer server = new TelnetMockServer();

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aNegotiationFloodFailsWithAProtocolErrorNotAHang() throws Exception {
    server.hostility(Hostility.NEGOTIATION_FLOOD).start();
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      telnet.connect(server.endpoint());
      NetProtocolException e =
          assertTimeoutPreemptively(
              GENEROUS,
              () -> assertThrows(NetProtocolException.class, () -> telnet.expect("$ ", GENEROUS)));
      assertTrue(e.getMessage().contains("negotiation commands without any data"), e.getMessage());
      assertFalse(telnet.isConnected());
    }
  }

  @Test
  void anEndlessSubnegotiationFailsAtItsLimit() throws Exception {
    server.hostility(Hostility.ENDLESS_SUBNEGOTIATION).start();
    TelnetOptions small = TelnetOptions.builder().maxSubnegotiation(512).build();
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults(), small)) {
      telnet.connect(server.endpoint());
      NetProtocolException e =
          assertTimeoutPreemptively(
              GENEROUS,
              () -> assertThrows(NetProtocolException.class, () -> telnet.expect("$ ", GENEROUS)));
      assertTrue(e.getMessage().contains("subnegotiation longer than 512 bytes"), e.getMessage());
    }
  }

  @Test
  void endlessDataWithoutThePatternStopsAtTheExpectLimit() throws Exception {
    server.hostility(Hostility.ENDLESS_DATA).start();
    TelnetOptions small = TelnetOptions.builder().maxExpectBytes(64 * 1024).build();
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults(), small)) {
      telnet.connect(server.endpoint());
      TelnetExpectFailedException e =
          assertTimeoutPreemptively(
              GENEROUS,
              () ->
                  assertThrows(
                      TelnetExpectFailedException.class, () -> telnet.expect("login:", GENEROUS)));
      assertTrue(e.getMessage().contains("not found in 65536 bytes"), e.getMessage());
      assertTrue(e.seen().contains("no prompt here"), e.seen());
      assertTrue(e.seen().length() <= TelnetExpectTimeoutException.SEEN_LIMIT);
    }
  }

  @Test
  void anExpectTimesOutWithWhatWasSeenAndTheClientStaysUsable() throws Exception {
    server.start();
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      telnet.connect(server.endpoint());
      long start = System.nanoTime();
      TelnetExpectTimeoutException e =
          assertThrows(
              TelnetExpectTimeoutException.class,
              () -> telnet.expect("never sent", Duration.ofMillis(300)));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(GENEROUS) < 0);
      assertTrue(e.seen().contains(TelnetMockServer.BANNER), e.seen());
      assertTrue(telnet.isConnected());
      TelnetMatch prompt = telnet.expect("$ ", Duration.ofSeconds(10));
      assertTrue(prompt.before().contains(TelnetMockServer.BANNER), prompt.before());
    }
  }

  @Test
  void aSilentServerMakesTheExpectTimeOut() throws Exception {
    server.fault(Fault.STALL);
    server.start();
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      telnet.connect(server.endpoint());
      assertTimeoutPreemptively(
          GENEROUS,
          () ->
              assertThrows(
                  TelnetExpectTimeoutException.class,
                  () -> telnet.expect("$ ", Duration.ofMillis(500))));
    }
  }

  @Test
  void theCoreDeadlineEndsALongExpect() throws Exception {
    server.fault(Fault.STALL);
    server.start();
    NetOptions deadline = NetOptions.builder().deadline(Duration.ofSeconds(1)).build();
    try (TelnetClient telnet = new TelnetClient(deadline)) {
      telnet.connect(server.endpoint());
      NetTimeoutException e =
          assertTimeoutPreemptively(
              GENEROUS,
              () -> assertThrows(NetTimeoutException.class, () -> telnet.expect("$ ", GENEROUS)));
      assertFalse(e instanceof TelnetExpectTimeoutException, "the deadline, not the expect");
      assertFalse(telnet.isConnected());
    }
  }

  @Test
  void aServerThatClosesDuringAnExpectIsAFailureWithWhatWasSeen() throws Exception {
    server.start();
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      telnet.connect(server.endpoint());
      telnet.expect("$ ", Duration.ofSeconds(10));
      telnet.sendLine("quit");
      TelnetExpectFailedException e =
          assertThrows(
              TelnetExpectFailedException.class, () -> telnet.expect("never", GENEROUS));
      assertTrue(e.seen().contains("bye"), e.seen());
    }
  }

  @Test
  void aServerThatTalksAtOnceNeverStopsTheDecoder() throws Exception {
    // Commons Net starts its reader thread before it marks the queue as threaded; a reader that
    // filled the queue in between died silently and the client then waited for nothing.
    server.hostility(Hostility.ENDLESS_DATA).start();
    for (int round = 0; round < 30; round++) {
      try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
        telnet.connect(server.endpoint());
        byte[] buffer = new byte[65536];
        long total = 0;
        while (total < 64 * 1024) {
          int n = telnet.read(buffer, 0, buffer.length, GENEROUS);
          assertTrue(n > 0, "round " + round + ": data stopped after " + total + " bytes");
          total += n;
        }
      }
    }
  }

  @Test
  void closingEndsCommonsNetsReaderThread() throws Exception {
    server.start();
    for (int i = 0; i < 3; i++) {
      try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
        telnet.connect(server.endpoint());
        telnet.expect("$ ", Duration.ofSeconds(10));
      }
    }
    long until = System.nanoTime() + GENEROUS.toNanos();
    while (readerThreads() > 0 && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertEquals(0, readerThreads());
  }

  private static long readerThreads() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().isAlive())
        .filter(
            e ->
                java.util.Arrays.stream(e.getValue())
                    .anyMatch(f -> f.getClassName().endsWith("TelnetInputStream")))
        .count();
  }
}
