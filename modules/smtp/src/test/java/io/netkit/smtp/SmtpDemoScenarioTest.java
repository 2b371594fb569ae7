package io.netkit.smtp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.smtp.SmtpDemoScenario;
import io.netkit.testkit.smtp.SmtpMockServerProvider;
import io.netkit.testkit.spi.DemoResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMTP demo, as {@code netkit demo} runs it: prepare, serve with the provider, run. */
class SmtpDemoScenarioTest {
  @TempDir Path root;

  @Test
  void theDemoSendsAMailAndFindsItArrivedIntact() throws Exception {
    SmtpDemoScenario demo = new SmtpDemoScenario();
    demo.prepare(root);
    MockServer server = new SmtpMockServerProvider().newServer(root, demo.account());
    server.start();
    try {
      DemoResult result = demo.run(server, NetOptions.defaults());
      assertTrue(result.done().contains("arrived intact"), result.done());
      assertTrue(result.bytes() > 1000, "bytes " + result.bytes());
    } finally {
      server.stop();
    }
  }

  @Test
  void theDemoFailsHonestlyWhenTheMailCannotGo() throws Exception {
    SmtpDemoScenario demo = new SmtpDemoScenario();
    demo.prepare(root);
    MockServer server = new SmtpMockServerProvider().newServer(root, Optional.empty());
    server.start();
    int port = server.port();
    server.stop(); // nothing listens there any more
    MockServer gone =
        new MockServer() {
          public io.netkit.core.Protocol protocol() { return server.protocol(); }
          public void start(int p) {}
          public boolean isRunning() { return true; }
          public int port() { return port; }
          public void fault(io.netkit.testkit.Fault f) {}
          public void stop() {}
        };
    assertThrows(IOException.class, () -> demo.run(gone, NetOptions.defaults()), "not the testkit server: refused before any connection");
  }
}
