package io.netkit.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.transport.TcpConnection;
import io.netkit.core.transport.TcpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TraceTapTest {

  /** Records what a tap is told. */
  private static final class Recorder implements TraceTap.Listener {
    final List<TraceEvent> events = new CopyOnWriteArrayList<>();
    final List<String> secrets = new CopyOnWriteArrayList<>();

    @Override
    public void record(TraceEvent event) {
      events.add(event);
    }

    @Override
    public void secret(String user, String password) {
      secrets.add(user + ":" + password);
    }
  }

  @Test
  void aTapSeesClientConnectionsMaskedButNotTheServersSideAndNothingOnceClosed() throws Exception {
    Recorder recorder = new Recorder();
    TraceTap tap = TraceTap.install(recorder);
    try (TcpServer server = TcpServer.builder()
        .bind(Endpoint.loopback(0))
        .name("tap-test-server")
        .handler(c -> c.writeLine("echo " + c.readLine()))
        .start()) {
      NetOptions masked = NetOptions.builder()
          .traceMasker((direction, line) -> line.replace("tap-secret", "****"))
          .build();
      try (TcpConnection c =
          TcpConnection.connect(Endpoint.loopback(server.port()), masked, "tap-client")) {
        c.writeLine("LOGIN tap-secret");
        assertEquals("echo LOGIN tap-secret", c.readLine());
      }
      tap.close();
      try (TcpConnection c = TcpConnection.connect(
          Endpoint.loopback(server.port()), NetOptions.defaults(), "after-close")) {
        c.writeLine("unseen");
        c.readLine();
      }
    } finally {
      tap.close();
    }
    List<String> seen = recorder.events.stream().map(e -> e.connection() + " " + e.text()).toList();
    assertTrue(seen.stream().anyMatch(l -> l.startsWith("tap-client") && l.endsWith("LOGIN ****")),
        seen.toString());
    assertFalse(seen.stream().anyMatch(l -> l.contains("tap-secret")), seen.toString());
    assertFalse(seen.stream().anyMatch(l -> l.startsWith("tap-test-server")), seen.toString());
    assertFalse(seen.stream().anyMatch(l -> l.startsWith("after-close")), seen.toString());
  }

  @Test
  void aTapIsToldEveryCredentialsPasswordAndTheOptionsKeepTheirOwnSink() {
    Recorder recorder = new Recorder();
    TraceTap tap = TraceTap.install(recorder);
    List<TraceEvent> own = new CopyOnWriteArrayList<>();
    try {
      new Credentials("ann", "tap-pw");
      TraceSink sink = NetOptions.builder().trace(own::add).build().trace().orElseThrow();
      sink.record(new TraceEvent(java.time.Instant.now(), "x#1 h", Direction.NOTE, "note"));
    } finally {
      tap.close();
    }
    // (Credentials' own ANONYMOUS may be reported too, when this is its first use.)
    assertTrue(recorder.secrets.contains("ann:tap-pw"), recorder.secrets.toString());
    assertEquals(1, own.size());
    assertEquals(1, recorder.events.size());
    assertTrue(NetOptions.defaults().trace().isEmpty(), "no tap, no trace asked: none");
  }
}
