package io.netkit.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.internal.CoreSocket;
import io.netkit.core.internal.CoreSslSocket;
import io.netkit.core.transport.TcpServer;
import io.netkit.testkit.smtp.ScriptedSmtpServer;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;

/**
 * Every socket Angus uses through a {@link MailSessions} session is the core's: plain, after
 * STARTTLS, and for implicit TLS; the core's trace sees each conversation; the core's timeouts
 * bound reads, the handshake and writes.
 */
class SocketOwnershipTest {
  private final RecordingSink trace = new RecordingSink();

  private NetOptions options(TlsMode mode) {
    return NetOptions.builder()
        .tlsMode(mode)
        .trust(TestTls.trust())
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .trace(trace)
        .build();
  }

  private static Socket socketOf(Transport transport) throws ReflectiveOperationException {
    Field f = SMTPTransport.class.getDeclaredField("serverSocket");
    f.setAccessible(true);
    return (Socket) f.get(transport);
  }

  private static Object plainBeneath(CoreSslSocket tls) throws ReflectiveOperationException {
    Field f = CoreSslSocket.class.getDeclaredField("plain");
    f.setAccessible(true);
    return f.get(tls);
  }

  @Test
  void plainSessionRunsOnACoreSocketAndTheTraceSeesIt() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().extensions("SIZE 1000").start()) {
      MailSession mail = MailSessions.open(MailProtocol.SMTP, options(TlsMode.NONE));
      Transport transport = mail.session().getTransport(mail.providerName());
      transport.connect("127.0.0.1", server.port(), null, null);
      try {
        assertInstanceOf(CoreSocket.class, socketOf(transport));
      } finally {
        transport.close();
      }
      assertTrue(trace.sent().stream().anyMatch(l -> l.startsWith("EHLO ")), trace.all());
      assertTrue(trace.received().contains("220 scripted.test ESMTP"), trace.all());
      assertTrue(trace.received().contains("250 SIZE 1000"), trace.all());
      assertTrue(trace.sent().contains("QUIT"), trace.all());
    }
  }

  @Test
  void startTlsLayersTheCoreTlsSocketOverTheCoreSocketAndTheTraceFollowsDecrypted() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder().startTls(TestTls.serverContext()).start()) {
      MailSession mail = MailSessions.open(MailProtocol.SMTP, options(TlsMode.STARTTLS_REQUIRED));
      Transport transport = mail.session().getTransport(mail.providerName());
      transport.connect("127.0.0.1", server.port(), null, null);
      try {
        Socket socket = socketOf(transport);
        CoreSslSocket tls = assertInstanceOf(CoreSslSocket.class, socket);
        assertInstanceOf(CoreSocket.class, plainBeneath(tls));
      } finally {
        transport.close();
      }
      List<String> sent = trace.sent();
      assertEquals(2, sent.stream().filter(l -> l.startsWith("EHLO ")).count(), trace.all());
      assertTrue(sent.indexOf("STARTTLS") < sent.lastIndexOf(sent.stream().filter(l -> l.startsWith("EHLO ")).reduce((a, b) -> b).orElseThrow()));
      // One connection name for the whole session: the TLS socket took the plain one's tracer over.
      assertEquals(1, trace.events.stream().map(e -> e.connection()).distinct().count(), trace.all());
      assertTrue(server.commands().get(server.commands().size() - 1).tls(), "QUIT went under TLS");
    }
  }

  @Test
  void implicitTlsRunsOnACoreTlsSocketThatOwnsItsConnection() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder().implicitTls(TestTls.serverContext()).start()) {
      MailSession mail = MailSessions.open(MailProtocol.SMTP, options(TlsMode.IMPLICIT));
      assertEquals("smtps", mail.providerName());
      Transport transport = mail.session().getTransport(mail.providerName());
      transport.connect("127.0.0.1", server.port(), null, null);
      try {
        CoreSslSocket tls = assertInstanceOf(CoreSslSocket.class, socketOf(transport));
        // No plain socket beneath: the core made and connected the whole socket, not Angus.
        assertNull(plainBeneath(tls));
      } finally {
        transport.close();
      }
      assertTrue(trace.sent().stream().anyMatch(l -> l.startsWith("EHLO ")), trace.all());
      assertTrue(trace.received().contains("220 scripted.test ESMTP"), trace.all());
      assertTrue(server.commands().stream().allMatch(ScriptedSmtpServer.Command::tls));
    }
  }

  @Test
  void implicitTlsChecksTheHostName() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder().implicitTls(TestTls.wrongHostContext()).start()) {
      MailSession mail = MailSessions.open(MailProtocol.SMTP, options(TlsMode.IMPLICIT));
      Transport transport = mail.session().getTransport(mail.providerName());
      MessagingException e =
          assertThrows(MessagingException.class, () -> transport.connect("127.0.0.1", server.port(), null, null));
      NetException net = MailFailures.translate(new ErrorContext("smtp", "127.0.0.1"), e, "connecting");
      assertInstanceOf(NetTlsException.class, net, net.toString());
      assertTrue(server.commands().isEmpty());
    }
  }

  @Test
  void aServerThatNeverGreetsTimesOutWithTheCoreReadTimeout() throws Exception {
    try (TcpServer silent =
        TcpServer.builder().handler(c -> sleep(Duration.ofSeconds(20))).start()) {
      NetOptions quick = options(TlsMode.NONE).toBuilder().readTimeout(Duration.ofMillis(500)).build();
      MailSession mail = MailSessions.open(MailProtocol.SMTP, quick);
      Transport transport = mail.session().getTransport(mail.providerName());
      long start = System.nanoTime();
      MessagingException e =
          assertThrows(MessagingException.class, () -> transport.connect("127.0.0.1", silent.port(), null, null));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0);
      assertInstanceOf(NetTimeoutException.class, MailFailures.translate(ErrorContext.NONE, e, "connecting"));
    }
  }

  @Test
  void anImplicitTlsServerThatNeverHandshakesTimesOut() throws Exception {
    try (TcpServer silent =
        TcpServer.builder().handler(c -> sleep(Duration.ofSeconds(20))).start()) {
      NetOptions quick =
          options(TlsMode.IMPLICIT).toBuilder()
              .connectTimeout(Duration.ofMillis(700))
              .readTimeout(Duration.ofMillis(700))
              .build();
      MailSession mail = MailSessions.open(MailProtocol.SMTP, quick);
      Transport transport = mail.session().getTransport(mail.providerName());
      long start = System.nanoTime();
      MessagingException e =
          assertThrows(MessagingException.class, () -> transport.connect("127.0.0.1", silent.port(), null, null));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0);
      assertInstanceOf(NetTimeoutException.class, MailFailures.translate(ErrorContext.NONE, e, "connecting"));
    }
  }

  @Test
  void aServerThatStopsReadingMakesTheSendTimeOut() throws Exception {
    for (boolean implicit : new boolean[] {false, true}) {
      ScriptedSmtpServer.Builder b = ScriptedSmtpServer.builder().stallInData(Duration.ofSeconds(40));
      if (implicit) {
        b.implicitTls(TestTls.serverContext());
      }
      try (ScriptedSmtpServer server = b.start()) {
        NetOptions quick =
            options(implicit ? TlsMode.IMPLICIT : TlsMode.NONE).toBuilder()
                .readTimeout(Duration.ofSeconds(1))
                .build();
        MailSession mail = MailSessions.open(MailProtocol.SMTP, quick);
        Transport transport = mail.session().getTransport(mail.providerName());
        transport.connect("127.0.0.1", server.port(), null, null);
        MimeMessage message = new MimeMessage(mail.session());
        message.setFrom(new InternetAddress("a@example.org"));
        message.setDataHandler(new DataHandler(new Endless()));
        message.setHeader("Content-Transfer-Encoding", "7bit");
        long start = System.nanoTime();
        MessagingException e =
            assertThrows(
                MessagingException.class,
                () -> transport.sendMessage(message, new InternetAddress[] {new InternetAddress("b@example.org")}));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);
        NetException net = MailFailures.translate(ErrorContext.NONE, e, "sending");
        assertInstanceOf(NetTimeoutException.class, net, net + " implicit=" + implicit);
        transport.close();
      }
    }
  }

  /** Why MailSessions never sets writetimeout: Angus's wrapper would hide the core's socket. */
  @Test
  void angusWriteTimeoutWouldWrapTheCoreSocketAndBreakImplicitTls() throws Exception {
    try (ScriptedSmtpServer plain = ScriptedSmtpServer.builder().start();
        ScriptedSmtpServer tls = ScriptedSmtpServer.builder().implicitTls(TestTls.serverContext()).start()) {
      MailSession mail = MailSessions.open(MailProtocol.SMTP, options(TlsMode.NONE));
      mail.session().getProperties().put("mail.smtp.writetimeout", "5000"); // what the glue refuses to do
      Transport transport = mail.session().getTransport(mail.providerName());
      transport.connect("127.0.0.1", plain.port(), null, null);
      try {
        assertEquals("WriteTimeoutSocket", socketOf(transport).getClass().getSimpleName());
      } finally {
        transport.close();
      }
      MailSession implicit = MailSessions.open(MailProtocol.SMTP, options(TlsMode.IMPLICIT));
      implicit.session().getProperties().put("mail.smtps.writetimeout", "5000");
      Transport doubled = implicit.session().getTransport(implicit.providerName());
      // The wrapper is no SSLSocket, so Angus layers a second TLS over the core's TLS socket.
      assertThrows(MessagingException.class, () -> doubled.connect("127.0.0.1", tls.port(), null, null));
    }
  }

  @Test
  void abortCutsTheConnectionWithoutAGoodbye() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().start()) {
      MailSession mail = MailSessions.open(MailProtocol.SMTP, options(TlsMode.NONE));
      Transport transport = mail.session().getTransport(mail.providerName());
      transport.connect("127.0.0.1", server.port(), null, null);
      Socket socket = socketOf(transport);
      mail.abort();
      assertTrue(socket.isClosed());
      assertThrows(MessagingException.class, () -> ((SMTPTransport) transport).issueCommand("NOOP", 250));
      try {
        transport.close(); // tries QUIT on the closed socket, and says so: the socket stays closed
      } catch (MessagingException expected) {
        // as documented on MailSession.abort()
      }
      assertTrue(server.commands().stream().noneMatch(c -> c.line().equals("QUIT")), server.commands().toString());
    }
  }

  @Test
  void bytesInjectedAfterTheStartTlsGoAheadAreRefusedBelowAngus() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder()
            .startTls(TestTls.serverContext())
            .injectAfterStartTlsGoAhead("250-injected.example", "250 AUTH PLAIN")
            .start()) {
      MailSession mail = MailSessions.open(MailProtocol.SMTP, options(TlsMode.STARTTLS_REQUIRED));
      Transport transport = mail.session().getTransport(mail.providerName());
      MessagingException e =
          assertThrows(MessagingException.class, () -> transport.connect("127.0.0.1", server.port(), null, null));
      NetException net = MailFailures.translate(ErrorContext.NONE, e, "connecting");
      assertInstanceOf(NetTlsException.class, net, net.toString());
      assertTrue(server.commands().stream().noneMatch(c -> c.tls()), "nothing went on after the refusal");
    }
  }

  @Test
  void aReplyThatNeverEndsIsBoundedWhole() throws Exception {
    try (TcpServer flood =
        TcpServer.builder()
            .handler(
                c -> {
                  c.output().write("220-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                  byte[] line = "220-flooding the greeting with continuation lines\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                  for (int i = 0; i < 200_000; i++) {
                    c.output().write(line);
                  }
                  c.output().flush();
                })
            .start()) {
      MailSession mail = MailSessions.open(MailProtocol.SMTP, options(TlsMode.NONE));
      Transport transport = mail.session().getTransport(mail.providerName());
      long start = System.nanoTime();
      MessagingException e =
          assertThrows(MessagingException.class, () -> transport.connect("127.0.0.1", flood.port(), null, null));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0);
      NetException net = MailFailures.translate(ErrorContext.NONE, e, "connecting");
      assertInstanceOf(io.netkit.core.NetProtocolException.class, net, net.toString());
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** 512 MiB of text lines, generated as read: far more than any socket buffer holds. */
  private static final class Endless implements DataSource {
    @Override
    public InputStream getInputStream() {
      return new InputStream() {
        private long left = 512L << 20;
        private int i;

        @Override
        public int read() {
          if (left-- <= 0) {
            return -1;
          }
          return i++ % 64 == 63 ? '\n' : 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (left <= 0) {
            return -1;
          }
          int n = (int) Math.min(len, left);
          for (int k = 0; k < n; k++) {
            b[off + k] = (byte) read();
          }
          left += 0; // read() counted them
          return n;
        }
      };
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      throw new IOException("read only");
    }

    @Override
    public String getContentType() {
      return "text/plain; charset=us-ascii";
    }

    @Override
    public String getName() {
      return "endless";
    }
  }
}
