package io.netkit.nntp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetReplyException;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.core.trace.TraceEvent;
import io.netkit.testkit.nntp.NntpMockServer;
import io.netkit.testkit.nntp.NntpMockServer.AuthScope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** STARTTLS, implicit TLS, AUTHINFO and the trace's masking. */
class NntpSecurityTest {
  static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0).commonName("nntp test CA").build();
  static final HeldCertificate SERVER =
      new HeldCertificate.Builder().signedBy(CA).addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").build();
  static final Credentials ACCOUNT = new Credentials("reader", "s3cret-news-pw");

  static javax.net.ssl.SSLContext serverTls() {
    return new HandshakeCertificates.Builder().heldCertificate(SERVER, CA.certificate()).build().sslContext();
  }

  static NetOptions.Builder options(TlsMode mode) {
    return NetOptions.builder()
        .tlsMode(mode)
        .trust(Trust.certificates(List.of(CA.certificate()), "nntp test CA"))
        .readTimeout(Duration.ofSeconds(10));
  }

  @Test
  void starttlsRequiredUpgradesBeforeLoggingIn() throws IOException {
    List<TraceEvent> trace = new CopyOnWriteArrayList<>();
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()).starttls(serverTls()).tlsRequiredForAuth(true);
        NntpClient client = new NntpClient(options(TlsMode.STARTTLS_REQUIRED).trace(trace::add).build())) {
      server.account(ACCOUNT, AuthScope.ALL);
      server.start();
      client.connect(server.endpoint().withCredentials(ACCOUNT));
      assertTrue(client.isTls());
      assertEquals(3, client.group("netkit.test").count());
      List<String> sent = server.commands();
      assertTrue(sent.indexOf("STARTTLS") < sent.indexOf("AUTHINFO USER reader"), sent.toString());
      String transcript = trace.toString();
      assertFalse(transcript.contains(ACCOUNT.password()), transcript);
      assertTrue(transcript.contains("AUTHINFO PASS ****"), transcript);
    }
  }

  @Test
  void saslPlainWhenUserPassIsNotOfferedAndItsResponseIsMasked() throws IOException {
    List<TraceEvent> trace = new CopyOnWriteArrayList<>();
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()).userPassOffered(false).account(ACCOUNT, AuthScope.ALL);
        NntpClient client = new NntpClient(options(TlsMode.NONE).trace(trace::add).build())) {
      server.start();
      client.connect(server.endpoint().withCredentials(ACCOUNT));
      assertEquals(3, client.group("netkit.test").count());
      assertTrue(server.commands().contains("AUTHINFO SASL PLAIN " + plain()), server.commands().toString());
      String transcript = trace.toString();
      assertFalse(transcript.contains(plain()), "the SASL response is masked: " + transcript);
      assertTrue(transcript.contains("AUTHINFO SASL PLAIN ****"), transcript);
    }
  }

  @Test
  void credentialsWaitWhenNoLoginIsOfferedBeforeTls() throws IOException {
    // A server that offers no login before TLS (here it lists no AUTHINFO until then).
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()).tlsRequiredForAuth(true).account(ACCOUNT, AuthScope.POSTING);
        NntpClient client = new NntpClient(options(TlsMode.NONE).build())) {
      server.start();
      client.connect(server.endpoint().withCredentials(ACCOUNT));
      assertEquals(3, client.group("netkit.test").count());
      assertTrue(server.commands().stream().noneMatch(c -> c.startsWith("AUTHINFO")), server.commands().toString());
    }
  }

  @Test
  void starttlsRequiredButNotOfferedFailsBeforeAnyCredentialIsSent() throws IOException {
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()).account(ACCOUNT, AuthScope.ALL);
        NntpClient client = new NntpClient(options(TlsMode.STARTTLS_REQUIRED).build())) {
      server.start();
      assertThrows(NetTlsException.class, () -> client.connect(server.endpoint().withCredentials(ACCOUNT)));
      assertTrue(server.commands().stream().noneMatch(c -> c.startsWith("AUTHINFO")), server.commands().toString());
      assertFalse(client.isConnected());
    }
  }

  @Test
  void starttlsIfOfferedStaysPlainWhenNotOffered() throws IOException {
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool());
        NntpClient client = new NntpClient(options(TlsMode.STARTTLS_IF_OFFERED).build())) {
      server.start();
      client.connect(server.endpoint());
      assertFalse(client.isTls());
      assertEquals(3, client.group("netkit.test").count());
    }
  }

  @Test
  void implicitTlsIsNntps() throws IOException {
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool());
        NntpClient client = new NntpClient(options(TlsMode.IMPLICIT).build())) {
      server.tls(serverTls());
      server.start();
      client.connect(server.endpoint());
      assertTrue(client.isTls());
      assertEquals(3, client.group("netkit.test").count());
    }
  }

  @Test
  void untrustedCertificateIsATlsFailure() throws IOException {
    HeldCertificate other = new HeldCertificate.Builder().certificateAuthority(0).build();
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()).starttls(serverTls());
        NntpClient client = new NntpClient(options(TlsMode.STARTTLS_REQUIRED)
            .trust(Trust.certificates(List.of(other.certificate()), "other")).build())) {
      server.start();
      assertThrows(NetTlsException.class, () -> client.connect(server.endpoint()));
    }
  }

  @Test
  void userPassWhenSaslIsNotOfferedAndThePasswordIsMasked() throws IOException {
    List<TraceEvent> trace = new CopyOnWriteArrayList<>();
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()).legacy(true).account(ACCOUNT, AuthScope.ALL);
        NntpClient client = new NntpClient(options(TlsMode.NONE).trace(trace::add).build())) {
      server.start();
      client.connect(server.endpoint().withCredentials(ACCOUNT));
      assertEquals(3, client.group("netkit.test").count());
      assertTrue(server.commands().contains("AUTHINFO USER reader"));
      assertTrue(server.commands().contains("AUTHINFO PASS " + ACCOUNT.password()));
      assertFalse(trace.toString().contains(ACCOUNT.password()), trace.toString());
      assertTrue(trace.toString().contains("AUTHINFO PASS ****"), trace.toString());
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationFailureWithoutThePassword() throws IOException {
    Credentials wrong = new Credentials("reader", "not-the-password");
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()).account(ACCOUNT, AuthScope.ALL);
        NntpClient client = new NntpClient(options(TlsMode.NONE).build())) {
      server.start();
      NetAuthenticationException e =
          assertThrows(NetAuthenticationException.class, () -> client.connect(server.endpoint().withCredentials(wrong)));
      assertEquals(481, e.replyCode().getAsInt());
      assertFalse(e.getMessage().contains(wrong.password()), e.getMessage());
      assertTrue(e.getMessage().contains("reader"), e.getMessage());
    }
  }

  @Test
  void a480WithoutCredentialsSaysAuthenticationIsNeeded() throws IOException {
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()).account(ACCOUNT, AuthScope.ALL);
        NntpClient client = new NntpClient(options(TlsMode.NONE).build())) {
      server.start();
      client.connect(server.endpoint());
      NetAuthenticationException e = assertThrows(NetAuthenticationException.class, () -> client.group("netkit.test"));
      assertEquals(480, e.replyCode().getAsInt());
      assertTrue(client.isConnected());
    }
  }

  @Test
  void a480MidSessionLogsInAndRepeatsTheCommand() throws IOException {
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool());
        NntpClient client = new NntpClient(options(TlsMode.NONE).build())) {
      server.start();
      client.connect(server.endpoint().withCredentials(ACCOUNT)); // no account yet: no login
      assertEquals(3, client.group("netkit.test").count());
      server.account(ACCOUNT, AuthScope.POSTING); // now posting needs a login
      String article = "From: a@example.com\nNewsgroups: netkit.test\nSubject: after 480\n\nbody\n";
      NntpReply.Posted posted = client.post(new ByteArrayInputStream(article.getBytes(StandardCharsets.US_ASCII)));
      assertEquals(240, posted.code());
      List<String> sent = server.commands();
      int first = sent.indexOf("POST");
      assertTrue(sent.subList(first + 1, sent.size()).stream().anyMatch(c -> c.startsWith("AUTHINFO")), sent.toString());
      assertEquals(2, sent.stream().filter("POST"::equals).count(), sent.toString());
    }
  }

  @Test
  void tlsRequiredForAuthIs483AndSaysToUseTls() throws IOException {
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()).tlsRequiredForAuth(true).legacy(true).account(ACCOUNT, AuthScope.ALL);
        NntpClient client = new NntpClient(options(TlsMode.NONE).build())) {
      server.start();
      NetReplyException e = assertThrows(NetReplyException.class, () -> client.connect(server.endpoint().withCredentials(ACCOUNT)));
      assertEquals(483, e.replyCode().getAsInt());
      assertTrue(e.getMessage().contains("TLS"), e.getMessage());
    }
  }

  @Test
  void modeReaderIsSentWhenTheServerIsInTransitMode() throws IOException {
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()).modeReaderRequired(true);
        NntpClient client = new NntpClient(options(TlsMode.NONE).build())) {
      server.start();
      client.connect(server.endpoint());
      assertTrue(server.commands().contains("MODE READER"));
      assertTrue(client.capabilities().has("READER"));
      assertEquals(3, client.group("netkit.test").count());
      assertEquals(3, client.over(ArticleRange.from(1)).count());
    }
  }

  private static String plain() {
    return java.util.Base64.getEncoder().encodeToString(("\0" + ACCOUNT.user() + "\0" + ACCOUNT.password()).getBytes(StandardCharsets.UTF_8));
  }
}
