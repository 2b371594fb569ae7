package io.netkit.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.NetTlsException;
import io.netkit.core.testing.TestTls;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Angus Mail's SMTP client on the bridge, against a scripted server: its STARTTLS goes through
 * the bridge's TLS factory ({@code createSocket(socket, host, port, true)}), and its reader (a
 * {@code LineInputStream} over a {@code BufferedInputStream}) only ever holds the line it parses,
 * so a reply injected after the go-ahead is caught before any credential or envelope is sent.
 */
class AngusStartTlsTest {
  private static final NetOptions OPTIONS =
      NetOptions.builder()
          .connectTimeout(Duration.ofSeconds(3))
          .readTimeout(Duration.ofSeconds(3))
          .trust(TestTls.trustTestCa())
          .build();

  private final List<String> received = new CopyOnWriteArrayList<>();

  @Test
  void replyInjectedAfterTheStartTlsGoAheadFailsBeforeAuthOrMailFrom() throws Exception {
    try (TcpServer server = smtpServer("220 go\r\n250 injected: pretend this came through TLS\r\n")) {
      Transport transport = session(server).getTransport("smtp");
      MessagingException e =
          assertThrows(MessagingException.class, () -> transport.connect("localhost", server.port(), "bob", "pw"));
      NetTlsException cause = causeOf(e, NetTlsException.class);
      assertTrue(cause.getMessage().contains("after its STARTTLS go-ahead"), cause.getMessage());
      assertEquals(List.of("EHLO", "STARTTLS"), verbs(), received::toString);
    }
  }

  @Test
  void wellBehavedStartTlsSendsTheMailInsideTls() throws Exception {
    try (TcpServer server = smtpServer("220 go\r\n")) {
      Session session = session(server);
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress("bob@example.org"));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress("eve@example.org"));
      message.setSubject("hello");
      message.setText("through the bridge");
      Transport.send(message, "bob", "pw");
      assertEquals(List.of("EHLO", "STARTTLS", "EHLO", "AUTH", "MAIL", "RCPT", "DATA", "QUIT"), verbs());
    }
  }

  private List<String> verbs() {
    return received.stream()
        .map(line -> line.split(" ", 2)[0].toUpperCase(Locale.ROOT))
        .toList();
  }

  private static Session session(TcpServer server) {
    Properties p = new Properties();
    p.put("mail.smtp.host", "localhost");
    p.put("mail.smtp.port", String.valueOf(server.port()));
    p.put("mail.smtp.auth", "true");
    p.put("mail.smtp.starttls.enable", "true");
    p.put("mail.smtp.starttls.required", "true");
    p.put("mail.smtp.socketFactory", SocketFactories.plain(OPTIONS, "smtp", SocketFactories.Framing.REPLIES));
    p.put("mail.smtp.socketFactory.fallback", "false");
    p.put("mail.smtp.ssl.socketFactory", SocketFactories.tls(OPTIONS, "smtp"));
    p.put("mail.smtp.connectiontimeout", "3000");
    p.put("mail.smtp.timeout", "3000");
    return Session.getInstance(p);
  }

  /** An SMTP server that answers STARTTLS with {@code goAhead} (one write) and then speaks TLS. */
  private TcpServer smtpServer(String goAhead) throws IOException {
    return TcpServer.builder()
        .handler(c -> {
          c.writeLine("220 scripted ESMTP");
          boolean inData = false;
          for (String line; (line = c.readLine()) != null; ) {
            if (inData) {
              if (line.equals(".")) {
                inData = false;
                c.writeLine("250 queued");
              }
              continue;
            }
            received.add(line); // commands only, not the message
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
              case "EHLO" -> {
                c.output().write(
                    (c.isTls() ? "250-scripted\r\n250 AUTH PLAIN\r\n" : "250-scripted\r\n250 STARTTLS\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                c.output().flush();
              }
              case "STARTTLS" -> {
                c.output().write(goAhead.getBytes(StandardCharsets.US_ASCII));
                c.output().flush();
                c.startTlsAsServer(TestTls.serverContext());
              }
              case "AUTH" -> c.writeLine("235 ok");
              case "MAIL", "RCPT" -> c.writeLine("250 ok");
              case "DATA" -> {
                inData = true;
                c.writeLine("354 go on");
              }
              case "QUIT" -> {
                c.writeLine("221 bye");
                return;
              }
              default -> c.writeLine("502 no");
            }
          }
        })
        .start();
  }

  private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + e, e);
  }
}
