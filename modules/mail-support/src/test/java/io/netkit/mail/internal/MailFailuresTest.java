package io.netkit.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

class MailFailuresTest {
  private static final ErrorContext AT = new ErrorContext("smtp", "mx.example:25");

  private static NetException map(Exception e) {
    return MailFailures.translate(AT, e, "sending");
  }

  @Test
  void aCoreExceptionInTheChainIsTheAnswer() {
    NetTimeoutException core = new NetTimeoutException(AT, "write timeout of 1 s exceeded");
    assertSame(core, map(new MessagingException("IOException while sending message", core)));
  }

  @Test
  void authenticationFailureCarriesTheReply() {
    NetException e = map(new AuthenticationFailedException("535 5.7.8 Error: authentication failed\n"));
    NetAuthenticationException auth = assertInstanceOf(NetAuthenticationException.class, e);
    assertEquals(535, auth.replyCode().getAsInt());
    assertEquals("5.7.8 Error: authentication failed", auth.replyText().orElseThrow());
    assertTrue(auth.getMessage().startsWith("smtp mx.example:25: "), auth.getMessage());
  }

  @Test
  void authenticationFailureWithoutAReplyStillAuthentication() {
    NetException e = map(new AuthenticationFailedException("No authentication mechanisms supported by both server and client"));
    assertInstanceOf(NetAuthenticationException.class, e);
    assertTrue(e.replyCode().isEmpty());
  }

  @Test
  void smtpRefusalsBecomeReplyExceptionsWithCommandCodeAndText() throws Exception {
    InternetAddress bob = new InternetAddress("bob@elsewhere.test");
    NetException rcpt =
        map(new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(
            bob, "RCPT TO:<bob@elsewhere.test>", 554, "554 5.7.1 <bob@elsewhere.test>: Relay access denied\n")));
    NetReplyException r = assertInstanceOf(NetReplyException.class, rcpt);
    assertEquals(554, r.replyCode().getAsInt());
    assertEquals("5.7.1 <bob@elsewhere.test>: Relay access denied", r.replyText().orElseThrow());
    assertTrue(r.getMessage().contains("RCPT TO:<bob@elsewhere.test> refused: 554"), r.getMessage());

    NetException mail = map(new SMTPSenderFailedException(bob, "MAIL FROM:<bob@elsewhere.test>", 553, "553 sender rejected\n"));
    assertEquals(553, mail.replyCode().getAsInt());
    NetException data = map(new SMTPSendFailedException(".", 552, "552 5.3.4 message too big\n", null, null, null, null));
    assertEquals(552, data.replyCode().getAsInt());
    assertInstanceOf(NetReplyException.class, data);
  }

  @Test
  void connectFailuresAndConnectTimeouts() {
    SocketConnectException refused =
        new SocketConnectException(null, new ConnectException("Connection refused"), "mx.example", 25, 1000);
    NetException e = map(new MailConnectException(refused));
    assertInstanceOf(NetConnectException.class, e);
    assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());

    SocketConnectException slow =
        new SocketConnectException(null, new SocketTimeoutException("Connect timed out"), "mx.example", 25, 1000);
    assertInstanceOf(NetTimeoutException.class, map(new MailConnectException(slow)));
    assertInstanceOf(NetConnectException.class, map(new MessagingException("Unknown SMTP host: x", new UnknownHostException("x"))));
  }

  @Test
  void tlsFailuresAndARequiredStartTlsThatIsNotOffered() {
    assertInstanceOf(
        NetTlsException.class,
        map(new MessagingException("Could not convert socket to TLS", new SSLHandshakeException("PKIX path building failed"))));
    assertInstanceOf(
        NetTlsException.class, map(new MessagingException("STARTTLS is required but host does not support STARTTLS")));
    assertInstanceOf(NetTlsException.class, map(new MessagingException("STARTTLS required but not supported by server")));
  }

  @Test
  void anythingElseIsAProtocolFailureOnOneLine() {
    NetException e = map(new MessagingException("Got bad\r\ngreeting"));
    assertInstanceOf(NetProtocolException.class, e);
    assertTrue(!e.getMessage().contains("\n") && e.getMessage().contains("Got bad greeting"), e.getMessage());
  }
}
