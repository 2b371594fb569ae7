package io.netkit.interop.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.line.Reply;
import io.netkit.core.transport.TcpConnection;
import io.netkit.pop3.MessageSummary;
import io.netkit.pop3.Pop3Client;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The real mail chain: a message sent to Postfix on SMTP_PORT (plain SMTP over the core's TCP
 * connection, STARTTLS first) is delivered into the Maildir Dovecot serves and read back over
 * POP3.
 */
class PostfixDeliveryInteropTest {
  @Test
  void mailSentToPostfixIsReadBackOverPop3() throws Exception {
    MailServers mail = new MailServers();
    mail.servers.requireReachable("MAIL_HOST", "SMTP_PORT");
    mail.empty();
    String marker = UUID.randomUUID().toString();
    send(mail, marker);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try (Pop3Client pop3 = new Pop3Client(mail.options(TlsMode.STARTTLS_REQUIRED).build())) {
        pop3.connect(mail.pop3().withCredentials(mail.credentials()));
        List<MessageSummary> messages = pop3.messages();
        if (!messages.isEmpty()) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          pop3.retrieve(messages.get(0).number(), out);
          String text = out.toString(StandardCharsets.UTF_8);
          assertTrue(text.contains("Subject: delivery " + marker), text);
          assertTrue(text.contains("\r\n.a line with a leading dot\r\n"), text);
          assertTrue(text.contains("Delivered-To: " + mail.servers.require("POP3_ADDRESS")), text);
          assertEquals(1, messages.size());
          return;
        }
      }
      assertTrue(System.nanoTime() < deadline, "Postfix delivered within 30 s");
      Thread.sleep(200);
    }
  }

  private static void send(MailServers mail, String marker) throws IOException {
    Endpoint smtp = Endpoint.of(mail.servers.require("MAIL_HOST"), mail.servers.port("SMTP_PORT"));
    NetOptions options = mail.options(TlsMode.NONE).build();
    try (TcpConnection c = TcpConnection.connect(smtp, options, "smtp")) {
      expect(c, 220);
      c.writeLine("EHLO client.netkit.test");
      expect(c, 250);
      c.writeLine("STARTTLS");
      expect(c, 220);
      c.startTls();
      c.writeLine("EHLO client.netkit.test");
      expect(c, 250);
      c.writeLine("MAIL FROM:<sender@example.com>");
      expect(c, 250);
      c.writeLine("RCPT TO:<" + mail.servers.require("POP3_ADDRESS") + ">");
      expect(c, 250);
      c.writeLine("DATA");
      expect(c, 354);
      c.writeLine("From: sender@example.com");
      c.writeLine("Subject: delivery " + marker);
      c.writeLine("");
      c.writeLine("hello through Postfix");
      c.writeLine("..a line with a leading dot");
      c.writeLine(".");
      expect(c, 250);
      c.writeLine("QUIT");
      expect(c, 221);
    }
  }

  private static void expect(TcpConnection c, int code) throws IOException {
    Reply reply = c.readReply();
    assertEquals(code, reply.code(), reply.toString());
  }
}
