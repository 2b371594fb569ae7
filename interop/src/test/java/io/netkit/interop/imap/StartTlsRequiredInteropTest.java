package io.netkit.interop.imap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.trace.TraceEvent;
import io.netkit.imap.ImapClient;
import io.netkit.testkit.imap.ImapMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * STARTTLS required against a server that does not offer it (GreenMail, behind the testkit
 * relay, which records what the client sent): the client refuses before any credential goes out.
 */
class StartTlsRequiredInteropTest {
  @Test
  void aServerWithoutStartTlsGetsNoLogin() throws Exception {
    List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
    try (ImapMockServer server = new ImapMockServer("eve", "eve-secret-pw")) {
      server.start();
      NetOptions options = NetOptions.builder()
          .readTimeout(Duration.ofSeconds(10))
          .tlsMode(TlsMode.STARTTLS_REQUIRED)
          .trace(trace::add)
          .build();
      ImapClient imap = new ImapClient(options);
      NetTlsException e = assertThrows(NetTlsException.class,
          () -> imap.connect(server.endpoint().withCredentials(server.account())));
      assertTrue(e.getMessage().contains("does not offer STARTTLS"), e.getMessage());
      assertFalse(imap.isConnected());
      List<String> sent = server.clientLines();
      assertTrue(sent.stream().map(l -> l.toUpperCase(Locale.ROOT))
          .noneMatch(l -> l.contains("LOGIN") || l.contains("AUTHENTICATE")), sent.toString());
      assertTrue(trace.stream().noneMatch(t -> t.text().contains("eve-secret-pw")));
    }
  }
}
