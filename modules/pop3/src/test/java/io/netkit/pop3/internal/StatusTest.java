package io.netkit.pop3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.pop3.Pop3ResponseCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Status lines and listing lines, without sockets. */
class StatusTest {
  static final ErrorContext CONTEXT = new ErrorContext("pop3", "test");

  @Test
  void okErrAndContinuationAreTold() throws NetProtocolException {
    assertEquals(new Status(Status.Kind.OK, Pop3ResponseCode.NONE, null, "2 320"), Status.parse("+OK 2 320", CONTEXT));
    assertEquals("", Status.parse("+OK", CONTEXT).text());
    assertEquals(Status.Kind.ERR, Status.parse("-ERR", CONTEXT).kind());
    assertEquals(Status.Kind.CONTINUE, Status.parse("+ ", CONTEXT).kind());
    assertEquals("abc", Status.parse("+ abc", CONTEXT).text());
    assertEquals(Status.Kind.OK, Status.parse("+ok lower case", CONTEXT).kind());
  }

  @Test
  void responseCodesAreRead() throws NetProtocolException {
    Status s = Status.parse("-ERR [SYS/TEMP] try later", CONTEXT);
    assertEquals(Pop3ResponseCode.SYS_TEMP, s.code());
    assertEquals("try later", s.text());
    Status other = Status.parse("-ERR [X-FOO/BAR] odd", CONTEXT);
    assertEquals(Pop3ResponseCode.OTHER, other.code());
    assertEquals("X-FOO/BAR", other.codeToken());
    assertEquals(Pop3ResponseCode.NONE, Status.parse("-ERR [no end", CONTEXT).code());
  }

  @Test
  void anythingElseIsMalformed() {
    for (String bad : List.of("", "OK", "+OKAY", "-ERROR x", "220 smtp", "+\tx")) {
      assertThrows(NetProtocolException.class, () -> Status.parse(bad, CONTEXT), bad);
    }
  }

  @Test
  void listingLinesAreChecked() throws NetProtocolException {
    assertEquals(3, Listings.size("3 120", CONTEXT).number());
    assertEquals(120, Listings.size("3 120 extra", CONTEXT).octets());
    assertEquals("abc", Listings.uid("1 abc", CONTEXT).uid());
    assertEquals(5, Listings.stat("5 900", CONTEXT).messages());
    for (String bad : List.of("x 1", "1", "0 10", "-1 5", "1 -5", "1 1e3", "+1 4")) {
      assertThrows(NetProtocolException.class, () -> Listings.size(bad, CONTEXT), bad);
    }
    assertThrows(NetProtocolException.class, () -> Listings.uid("1 a\u00e9", CONTEXT));
    assertTrue(Listings.capabilities(List.of("SASL PLAIN LOGIN", "STLS", ""), CONTEXT).stls());
  }

  @Test
  void apopTimestampIsFoundInTheGreeting() {
    assertEquals("<1896.697170952@dbc.mtview.ca.us>",
        Authenticator.timestamp("POP3 server ready <1896.697170952@dbc.mtview.ca.us>").orElseThrow());
    assertTrue(Authenticator.timestamp("Dovecot ready.").isEmpty());
    assertTrue(Authenticator.timestamp("ready <no-at-sign>").isEmpty());
  }
}
