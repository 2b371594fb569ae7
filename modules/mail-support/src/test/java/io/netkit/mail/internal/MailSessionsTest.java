package io.netkit.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.core.trace.Direction;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailSessionsTest {
  private static final NetOptions OPTIONS =
      NetOptions.builder().connectTimeout(Duration.ofSeconds(7)).readTimeout(Duration.ofSeconds(9)).build();

  private static Properties props(MailProtocol protocol, TlsMode mode) {
    return MailSessions.open(protocol, OPTIONS.toBuilder().tlsMode(mode).build()).session().getProperties();
  }

  @ParameterizedTest
  @EnumSource(MailProtocol.class)
  void implicitTlsUsesTheSProviderWithAPlainFactoryMakingCoreTlsSockets(MailProtocol protocol) {
    MailSession mail = MailSessions.open(protocol, OPTIONS.toBuilder().tlsMode(TlsMode.IMPLICIT).build());
    String p = "mail." + mail.providerName() + ".";
    assertTrue(mail.providerName().endsWith("s"), mail.providerName());
    Properties props = mail.session().getProperties();
    Object factory = props.get(p + "socketFactory");
    assertTrue(factory instanceof SocketFactory && !(factory instanceof SSLSocketFactory), String.valueOf(factory));
    // An SSL factory here would make Angus open its own plain socket and only layer TLS on it.
    assertNull(props.get(p + "ssl.socketFactory"));
    assertEquals("true", props.get(p + "ssl.enable"));
    assertEquals("false", props.get(p + "starttls.enable"));
  }

  @ParameterizedTest
  @EnumSource(MailProtocol.class)
  void everySessionHasTimeoutsNoFallbackAndNoWriteTimeoutWrapper(MailProtocol protocol) {
    for (TlsMode mode : TlsMode.values()) {
      Properties props = props(protocol, mode);
      String p = "mail." + protocol.providerName(mode) + ".";
      assertEquals("false", props.get(p + "socketFactory.fallback"));
      assertEquals("7000", props.get(p + "connectiontimeout"));
      assertEquals("9000", props.get(p + "timeout"));
      assertNull(props.get(p + "writetimeout"), "Angus's WriteTimeoutSocket would hide the core's socket");
      assertEquals("true", props.get(p + "ssl.checkserveridentity"));
      assertEquals("false", props.get("mail.debug"));
      assertEquals("false", props.get("mail.debug.auth"));
    }
  }

  @Test
  void startTlsModesSetEnableAndRequiredAndGiveTheCoreTlsFactoryForTheUpgrade() {
    Properties required = props(MailProtocol.SMTP, TlsMode.STARTTLS_REQUIRED);
    assertEquals("true", required.get("mail.smtp.starttls.enable"));
    assertEquals("true", required.get("mail.smtp.starttls.required"));
    assertTrue(required.get("mail.smtp.ssl.socketFactory") instanceof SSLSocketFactory);
    Properties offered = props(MailProtocol.IMAP, TlsMode.STARTTLS_IF_OFFERED);
    assertEquals("true", offered.get("mail.imap.starttls.enable"));
    assertEquals("false", offered.get("mail.imap.starttls.required"));
    Properties none = props(MailProtocol.POP3, TlsMode.NONE);
    assertEquals("false", none.get("mail.pop3.starttls.enable"));
    assertEquals("false", none.get("mail.pop3.ssl.enable"));
  }

  @Test
  void insecureTrustTurnsAngusHostCheckOffAsTheCoreDoes() {
    NetOptions insecure = OPTIONS.toBuilder().trust(Trust.insecureTrustAllForTestsOnly()).build();
    Properties props = MailSessions.open(MailProtocol.SMTP, insecure).session().getProperties();
    assertEquals("false", props.get("mail.smtp.ssl.checkserveridentity"));
  }

  @Test
  void settingsArePrefixedButCannotTouchSocketsTlsOrTimeouts() {
    MailSession mail = MailSessions.open(MailProtocol.SMTP, OPTIONS, Map.of("auth.mechanisms", "PLAIN"));
    assertEquals("PLAIN", mail.session().getProperty("mail.smtp.auth.mechanisms"));
    for (String reserved : new String[] {"socketFactory", "ssl.socketFactory", "timeout", "writetimeout", "ssl.trust", "starttls.required"}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> MailSessions.open(MailProtocol.SMTP, OPTIONS, Map.of(reserved, "x")),
          reserved);
    }
  }

  @Test
  void settingsStartingWithMailAreTakenWholeAndStillGuarded() {
    MailSession mail = MailSessions.open(MailProtocol.SMTP, OPTIONS, Map.of("mail.mime.allowutf8", "true"));
    assertEquals("true", mail.session().getProperty("mail.mime.allowutf8"));
    for (String reserved : new String[] {"mail.smtp.socketFactory", "mail.smtps.timeout", "mail.debug", "mail.debug.auth"}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> MailSessions.open(MailProtocol.SMTP, OPTIONS, Map.of(reserved, "x")),
          reserved);
    }
  }

  @Test
  void theSessionsOptionsMaskAuthExchangesOnTopOfTheCallersMasker() {
    NetOptions own = OPTIONS.toBuilder().traceMasker((d, line) -> line.replace("secret-host", "****")).build();
    MailSession mail = MailSessions.open(MailProtocol.SMTP, own);
    var masker = mail.options().traceMasker().forConnection();
    assertEquals("AUTH PLAIN ****", masker.mask(Direction.SENT, "AUTH PLAIN AGFsaWNlAHNlY3JldA=="));
    assertEquals("235 2.7.0 ok", masker.mask(Direction.RECEIVED, "235 2.7.0 ok"));
    assertEquals("EHLO ****", masker.mask(Direction.SENT, "EHLO secret-host"));
    assertFalse(mail.session().getDebug());
  }

  @Test
  void smtpRepliesAreReplyFramedAndMailboxProtocolsLineFramed() {
    assertEquals(io.netkit.core.transport.SocketFactories.Framing.REPLIES, MailProtocol.SMTP.framing());
    assertEquals(io.netkit.core.transport.SocketFactories.Framing.LINES, MailProtocol.IMAP.framing());
    assertEquals(io.netkit.core.transport.SocketFactories.Framing.LINES, MailProtocol.POP3.framing());
  }

  @Test
  void defaultPortsFollowTheProvider() {
    MailSession smtps = MailSessions.open(MailProtocol.SMTP, OPTIONS.toBuilder().tlsMode(TlsMode.IMPLICIT).build());
    assertEquals(465, smtps.port(io.netkit.core.Endpoint.of("h", 0)));
    assertEquals(2525, smtps.port(io.netkit.core.Endpoint.of("h", 2525)));
    assertEquals(143, MailSessions.open(MailProtocol.IMAP, OPTIONS).port(io.netkit.core.Endpoint.of("h", 0)));
    assertEquals(995, MailSessions.open(MailProtocol.POP3, OPTIONS.toBuilder().tlsMode(TlsMode.IMPLICIT).build()).port(io.netkit.core.Endpoint.of("h", 0)));
  }
}
