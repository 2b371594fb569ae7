package io.netkit.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** STLS per TlsMode: required never falls back, and refuses before any credential is sent. */
class Pop3TlsTest {
  static final Credentials ALICE = new Credentials("alice", "secret");

  static NetOptions options(TlsMode mode) {
    return NetOptions.builder()
        .tlsMode(mode)
        .trust(Trust.certificates(List.of(FakePop3.CA.certificate()), "pop3 test CA"))
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static boolean noCredentialSent(FakePop3 fake) {
    return fake.received.stream().noneMatch(l -> l.startsWith("USER") || l.startsWith("PASS")
        || l.startsWith("AUTH") || l.startsWith("APOP"));
  }

  @Test
  void requiredStlsNotOfferedFailsBeforeAnyCredential() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK ready");
          c.expect("CAPA");
          c.send("+OK", "USER", "SASL PLAIN", ".");
          c.okUntilQuit();
        })) {
      Pop3Client pop3 = new Pop3Client(options(TlsMode.STARTTLS_REQUIRED));
      NetTlsException e = assertThrows(NetTlsException.class, () -> pop3.connect(fake.endpoint().withCredentials(ALICE)));
      assertTrue(e.getMessage().contains("does not offer"), e.getMessage());
      assertTrue(noCredentialSent(fake), fake.received.toString());
      assertFalse(pop3.isConnected());
    }
  }

  @Test
  void requiredStlsWithoutCapaFailsBeforeAnyCredential() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK ready");
          c.expect("CAPA");
          c.send("-ERR unknown command");
          c.okUntilQuit();
        })) {
      Pop3Client pop3 = new Pop3Client(options(TlsMode.STARTTLS_REQUIRED));
      NetTlsException e = assertThrows(NetTlsException.class, () -> pop3.connect(fake.endpoint().withCredentials(ALICE)));
      assertTrue(e.getMessage().contains("CAPA"), e.getMessage());
      assertTrue(noCredentialSent(fake), fake.received.toString());
    }
  }

  @Test
  void requiredStlsRefusedFailsBeforeAnyCredential() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK ready");
          c.expect("CAPA");
          c.send("+OK", "STLS", "USER", ".");
          c.expect("STLS");
          c.send("-ERR TLS not available right now");
          c.okUntilQuit();
        })) {
      Pop3Client pop3 = new Pop3Client(options(TlsMode.STARTTLS_REQUIRED));
      NetTlsException e = assertThrows(NetTlsException.class, () -> pop3.connect(fake.endpoint().withCredentials(ALICE)));
      assertTrue(e.getMessage().contains("TLS not available right now"), e.getMessage());
      assertTrue(noCredentialSent(fake), fake.received.toString());
    }
  }

  @Test
  void stlsUpgradesAsksCapaAgainThenLogsIn() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK ready");
          c.expect("CAPA");
          c.send("+OK", "STLS", "USER", ".");
          c.expect("STLS");
          c.send("+OK begin TLS");
          c.startTls();
          c.expect("CAPA");
          c.send("+OK", "USER", "SASL PLAIN", ".");
          c.expect("AUTH PLAIN ");
          c.send("+OK logged in");
          c.expect("STAT");
          c.send("+OK 0 0");
          c.okUntilQuit();
        })) {
      try (Pop3Client pop3 = new Pop3Client(options(TlsMode.STARTTLS_REQUIRED))) {
        pop3.connect(fake.endpoint().withCredentials(ALICE));
        assertTrue(pop3.isTls());
        assertFalse(pop3.capabilities().stls(), "capabilities are the ones asked over TLS");
        assertEquals(0, pop3.stat().messages());
      }
    }
  }

  @Test
  void ifOfferedGoesOnInPlainTextWhenStlsIsNotOffered() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK ready");
          c.expect("CAPA");
          c.send("+OK", "USER", ".");
          c.expect("USER alice");
          c.send("+OK");
          c.expect("PASS ");
          c.send("+OK");
          c.okUntilQuit();
        })) {
      try (Pop3Client pop3 = new Pop3Client(options(TlsMode.STARTTLS_IF_OFFERED))) {
        pop3.connect(fake.endpoint().withCredentials(ALICE));
        assertFalse(pop3.isTls());
      }
    }
  }

  @Test
  void ifOfferedGoesOnInPlainTextWhenStlsIsRefused() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK ready");
          c.expect("CAPA");
          c.send("+OK", "STLS", "USER", ".");
          c.expect("STLS");
          c.send("-ERR not now");
          c.expect("USER alice");
          c.send("+OK");
          c.expect("PASS ");
          c.send("+OK");
          c.okUntilQuit();
        })) {
      try (Pop3Client pop3 = new Pop3Client(options(TlsMode.STARTTLS_IF_OFFERED))) {
        pop3.connect(fake.endpoint().withCredentials(ALICE));
        assertFalse(pop3.isTls());
      }
    }
  }

  @Test
  void bytesInjectedBeforeTheHandshakeAreRefusedBeforeAnyCredential() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK ready");
          c.expect("CAPA");
          c.send("+OK", "STLS", "SASL PLAIN", ".");
          c.expect("STLS");
          // A man in the middle answers for the server and queues a reply of his own.
          c.send("+OK begin TLS", "+OK injected");
          c.okUntilQuit();
        })) {
      Pop3Client pop3 = new Pop3Client(options(TlsMode.STARTTLS_REQUIRED));
      NetTlsException e = assertThrows(NetTlsException.class, () -> pop3.connect(fake.endpoint().withCredentials(ALICE)));
      assertTrue(e.getMessage().contains("injection"), e.getMessage());
      assertTrue(noCredentialSent(fake), fake.received.toString());
    }
  }

  @Test
  void untrustedCertificateAfterStlsIsATlsFailure() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.send("+OK ready");
          c.expect("CAPA");
          c.send("+OK", "STLS", ".");
          c.expect("STLS");
          c.send("+OK begin TLS");
          try {
            c.startTls();
          } catch (IOException expected) {
            // the client rejects the certificate
          }
        })) {
      NetOptions untrusting = options(TlsMode.STARTTLS_REQUIRED).toBuilder().trust(Trust.system()).build();
      Pop3Client pop3 = new Pop3Client(untrusting);
      assertThrows(NetTlsException.class, () -> pop3.connect(fake.endpoint().withCredentials(ALICE)));
      assertTrue(noCredentialSent(fake), fake.received.toString());
    }
  }

  @Test
  void implicitTlsIsPop3s() throws IOException {
    try (FakePop3 fake = FakePop3.start(c -> {
          c.startTls();
          c.send("+OK ready");
          c.expect("CAPA");
          c.send("+OK", "USER", ".");
          c.okUntilQuit();
        })) {
      try (Pop3Client pop3 = new Pop3Client(options(TlsMode.IMPLICIT))) {
        pop3.connect(fake.endpoint());
        assertTrue(pop3.isTls());
        assertEquals("ready", pop3.greeting());
      }
    }
  }
}
