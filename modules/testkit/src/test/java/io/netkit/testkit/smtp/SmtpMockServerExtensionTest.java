package io.netkit.testkit.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.transport.TcpConnection;
import io.netkit.testkit.MockServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SMTP mock under testkit's JUnit extension: started for the class, on a free port. */
@ExtendWith(MockServerExtension.class)
class SmtpMockServerExtensionTest {
  static final SmtpMockServer smtp = new SmtpMockServer();

  @Test
  void theExtensionStartsTheServerOnAFreeLoopbackPort() throws Exception {
    assertTrue(smtp.isRunning());
    try (TcpConnection c = TcpConnection.connect(smtp.endpoint(), NetOptions.defaults(), "smtp")) {
      assertEquals(220, c.readReply().code());
      c.writeLine("QUIT");
      assertEquals(221, c.readReply().code());
    }
  }
}
