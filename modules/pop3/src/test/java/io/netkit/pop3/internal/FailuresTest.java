package io.netkit.pop3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetException;
import io.netkit.pop3.Pop3ErrorException;
import io.netkit.pop3.Pop3NoSuchMessageException;
import io.netkit.pop3.Pop3ResponseCode;
import org.junit.jupiter.api.Test;

/** Which exception each -ERR becomes, and what its message says. */
class FailuresTest {
  static final ErrorContext CONTEXT = new ErrorContext("pop3", "127.0.0.1:110");

  private static Status err(String text) throws Exception {
    return Status.parse("-ERR" + text, CONTEXT);
  }

  @Test
  void unknownCodesKeepTheirTokenOnce() throws Exception {
    NetException e = Failures.refused(CONTEXT, err(" [X-ODD] strange"), "NOOP");
    Pop3ErrorException pop3 = assertInstanceOf(Pop3ErrorException.class, e);
    assertEquals(Pop3ResponseCode.OTHER, pop3.responseCode());
    assertEquals("pop3 127.0.0.1:110: NOOP refused: -ERR [X-ODD] strange", e.getMessage());
  }

  @Test
  void knownCodesAreNamedInTheMessage() throws Exception {
    assertEquals("pop3 127.0.0.1:110: RETR 1 refused: -ERR [SYS/TEMP] later",
        Failures.refusedMessage(CONTEXT, err(" [SYS/TEMP] later"), 1, "RETR 1").getMessage());
  }

  @Test
  void plainErrAboutAMessageIsNotFound() throws Exception {
    Pop3NoSuchMessageException e = assertInstanceOf(Pop3NoSuchMessageException.class,
        Failures.refusedMessage(CONTEXT, err(" no such message"), 4, "DELE 4"));
    assertEquals(4, e.number());
    assertEquals("DELE 4 refused: -ERR no such message", e.detail());
  }

  @Test
  void loginRefusalNamesTheUserAndMechanismOnly() throws Exception {
    NetException e = Failures.loginRefused(CONTEXT, err(" [AUTH] Authentication failed."), "carol", "USER/PASS");
    assertInstanceOf(NetAuthenticationException.class, e);
    assertEquals("pop3 127.0.0.1:110: USER/PASS login as carol refused: -ERR [AUTH] Authentication failed.",
        e.getMessage());
  }
}
