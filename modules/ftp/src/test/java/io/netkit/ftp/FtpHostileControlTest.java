package io.netkit.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.core.transport.TcpConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Hostile control connections through the real Commons Net engine: the core's bridge socket, below
 * the engine's reader, is what stops them (the engine bounds nothing and buffers ahead).
 */
class FtpHostileControlTest {
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("hostile test CA").build();
  private static final HeldCertificate LOOPBACK =
      new HeldCertificate.Builder().signedBy(CA).addSubjectAlternativeName("127.0.0.1").build();
  /** Several times what each case needs on a loaded machine, and far below the read timeout, so
   * a pass means a bound fired, never the timeout. */
  private static final Duration PROMPTLY = Duration.ofSeconds(4);

  private ScriptedFtpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void endlessContinuationLinesInTheGreetingFailOnTheWholeReplyBound() throws Exception {
    server =
        new ScriptedFtpServer(
            (s, c) -> {
              byte[] line = "220-welcome, and welcome again, and again\r\n".getBytes();
              try {
                while (true) {
                  c.output().write(line);
                }
              } catch (IOException clientGaveUp) {
                // the client stopped reading and closed: the flood is over
              }
            });
    NetProtocolException e =
        failsPromptly(NetProtocolException.class, () -> connect(options(TlsMode.NONE)));
    assertTrue(e.getMessage().contains("reply longer than"), e.getMessage());
  }

  @Test
  void nulInsideTheGreetingIsAProtocolFailure() throws Exception {
    server =
        new ScriptedFtpServer(
            (s, c) -> {
              ScriptedFtpServer.send(c, "220 hostile\0FTP ready\r\n");
              s.answerSession(c);
            });
    NetProtocolException e =
        failsPromptly(NetProtocolException.class, () -> connect(options(TlsMode.NONE)));
    assertTrue(e.getMessage().contains("NUL"), e.getMessage());
    assertTrue(server.received.stream().noneMatch(l -> l.startsWith("PASS")), server.received::toString);
  }

  @Test
  void replyInjectedAfterTheAuthTlsGoAheadIsRefusedBeforeAnyCredentialGoesOut() throws Exception {
    SSLContext tls = serverContext();
    server =
        new ScriptedFtpServer(
            (s, c) -> {
              ScriptedFtpServer.send(c, "220 scripted\r\n");
              String auth = s.command(c);
              if (!"AUTH TLS".equals(auth)) {
                return;
              }
              // The go-ahead and an injected reply to the next command, in one segment: before the
              // handshake, so a client that keeps it would take it as coming from inside TLS.
              ScriptedFtpServer.send(c, "234 go ahead\r\n230 injected: logged in without PASS\r\n");
              ScriptedFtpServer.startTls(c, tls);
              s.answerSession(c);
            });
    NetTlsException e =
        failsPromptly(NetTlsException.class, () -> connect(options(TlsMode.STARTTLS_REQUIRED)));
    assertTrue(e.getMessage().contains("after its STARTTLS go-ahead"), e.getMessage());
    assertEquals(List.of("AUTH TLS"), server.received, "nothing after AUTH TLS");
  }

  @Test
  void wellBehavedAuthTlsStillWorksAndRepliesInsideTlsAreBoundedToo() throws Exception {
    SSLContext tls = serverContext();
    server =
        new ScriptedFtpServer(
            (s, c) -> {
              ScriptedFtpServer.send(c, "220 scripted\r\n");
              s.command(c);
              ScriptedFtpServer.send(c, "234 go ahead\r\n");
              ScriptedFtpServer.startTls(c, tls);
              s.answerSession(c);
            });
    try (FtpClient ftp = connect(options(TlsMode.STARTTLS_REQUIRED))) {
      assertTrue(ftp.isSecure());
      assertEquals("/", ftp.printDirectory());
    }
    assertTrue(server.received.contains("PASS pw"), server.received::toString);
  }

  @Test
  void endlessContinuationLinesInsideTlsFailOnTheSameBound() throws Exception {
    SSLContext tls = serverContext();
    server =
        new ScriptedFtpServer(
            (s, c) -> {
              ScriptedFtpServer.send(c, "220 scripted\r\n");
              s.command(c);
              ScriptedFtpServer.send(c, "234 go ahead\r\n");
              ScriptedFtpServer.startTls(c, tls);
              s.command(c); // USER
              byte[] line = "331-tell me more, and more, and more\r\n".getBytes();
              try {
                while (true) {
                  c.output().write(line);
                }
              } catch (IOException clientGaveUp) {
                // over
              }
            });
    NetProtocolException e =
        failsPromptly(NetProtocolException.class, () -> connect(options(TlsMode.STARTTLS_REQUIRED)));
    assertTrue(e.getMessage().contains("reply longer than"), e.getMessage());
  }

  private FtpClient connect(NetOptions options) throws IOException {
    FtpClient ftp = new FtpClient(options);
    try {
      ftp.connect(server.endpoint().withCredentials(new Credentials("bob", "pw")));
      return ftp;
    } catch (IOException | RuntimeException e) {
      assertFalse(ftp.isConnected(), "a failed connect leaves nothing open");
      ftp.close();
      throw e;
    }
  }

  /** Runs {@code action}, which must fail with {@code type} within {@link #PROMPTLY}. */
  private static <T extends NetException> T failsPromptly(Class<T> type, Executable action) {
    long start = System.nanoTime();
    T e = assertThrows(type, action);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(PROMPTLY) < 0, "took " + took + ": " + e);
    return e;
  }

  private static NetOptions options(TlsMode mode) {
    // A read timeout longer than PROMPTLY: a bound that does not fire shows up as a slow failure.
    return NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(20))
        .tlsMode(mode)
        .trust(Trust.certificates(List.of(CA.certificate()), "hostile test CA"))
        .build();
  }

  private static SSLContext serverContext() {
    return new HandshakeCertificates.Builder()
        .heldCertificate(LOOPBACK, CA.certificate())
        .build()
        .sslContext();
  }
}
