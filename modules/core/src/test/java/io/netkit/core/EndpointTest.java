package io.netkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {
  @Test
  void parsesHostAndNumericPort() {
    Endpoint e = Endpoint.parse("example.org:8070");
    assertEquals("example.org", e.host());
    assertEquals(8070, e.port());
    assertEquals(AddressFamily.UNSPEC, e.family());
  }

  @Test
  void parsesServiceNameAsPort() {
    assertEquals(25, Endpoint.parse("mail.example.org:smtp").port());
    assertEquals(70, Endpoint.of("h", "gopher").port());
    assertEquals(119, Endpoint.of("h", "NNTP").port());
  }

  @Test
  void hostWithoutPortHasPortZeroUntilDefaulted() {
    Endpoint e = Endpoint.parse("example.org");
    assertFalse(e.hasPort());
    assertEquals(21, e.withDefaultPort(21).port());
    assertEquals(2121, Endpoint.parse("h:2121").withDefaultPort(21).port());
  }

  @Test
  void parsesBracketedIpv6WithAndWithoutPort() {
    Endpoint withPort = Endpoint.parse("[::1]:119");
    assertEquals("::1", withPort.host());
    assertEquals(119, withPort.port());
    assertEquals(AddressFamily.INET6, withPort.family());
    assertEquals("[::1]:119", withPort.toString());
    assertEquals(0, Endpoint.parse("[fe80::1]").port());
    assertEquals(AddressFamily.INET6, Endpoint.parse("2001:db8::7").family());
  }

  @Test
  void ipv4LiteralIsInetFamily() {
    assertEquals(AddressFamily.INET, Endpoint.parse("127.0.0.1:80").family());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[::zz]:80", "[1:2:3:4:5:6:7:8:9]", "[::1", "[::1]x", "1:2::3::4"})
  void malformedIpv6IsAClearError(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(text));
    assertTrue(e.getMessage().contains("IPv6") || e.getMessage().contains("]"), e.getMessage());
  }

  @Test
  void malformedIpv4IsAClearError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("300.1.1.1:80"));
    assertTrue(e.getMessage().contains("malformed IPv4"), e.getMessage());
  }

  @Test
  void portOver65535IsRefusedWithoutNumberFormatException() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("h:70000"));
    assertEquals(IllegalArgumentException.class, e.getClass());
    assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("h:99999999999999"));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.of("h", -1));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.of("h", "-5"));
  }

  @Test
  void unknownServiceNameIsAClearError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("h:no-such-service"));
    assertTrue(e.getMessage().contains("unknown service name 'no-such-service'"), e.getMessage());
  }

  @Test
  void portZeroIsRefusedWhereARealPortIsNeeded() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Endpoint.parse("h:0").requirePort());
    assertTrue(e.getMessage().contains("port 0"), e.getMessage());
  }

  @Test
  void emptyHostMeansAnyLocalAddress() throws Exception {
    InetSocketAddress address = Endpoint.anyLocal(0).resolve();
    assertTrue(address.getAddress().isAnyLocalAddress());
  }

  @Test
  void broadcastHostResolvesToTheBroadcastAddress() throws Exception {
    assertEquals(
        "255.255.255.255", Endpoint.of("<broadcast>", 9).resolve().getAddress().getHostAddress());
  }

  @Test
  void unresolvableNameIsAConnectException() {
    assertThrows(NetConnectException.class, () -> Endpoint.of("no-such-host.invalid", 80).resolve());
  }

  @Test
  void familyRestrictsResolution() throws Exception {
    assertEquals(
        "127.0.0.1",
        Endpoint.of("localhost", 80).withFamily(AddressFamily.INET).resolve().getAddress().getHostAddress());
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("[::1]").withFamily(AddressFamily.INET));
  }

  @Test
  void emptyBracketsAreNotTheAnyAddress() {
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("[]"));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("[]:80"));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.of("[]", 80));
  }

  @Test
  void ipv4MappedIpv6LiteralIsAcceptedAsTheIpv4AddressItMaps() throws Exception {
    Endpoint e = Endpoint.parse("[::ffff:127.0.0.1]:80");
    assertEquals(AddressFamily.INET, e.family());
    assertEquals("127.0.0.1", e.resolve().getAddress().getHostAddress());
  }

  @Test
  void ipv6ZoneIsCheckedForFormOnlyAndAnUnknownInterfaceFailsWhenResolving() {
    Endpoint e = Endpoint.parse("[fe80::1%no-such-if0]:80");
    assertEquals(AddressFamily.INET6, e.family());
    assertEquals("fe80::1%no-such-if0", e.host());
    assertThrows(NetConnectException.class, e::resolve);
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("[fe80::1%]"));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("[fe80::1%a b]"));
  }

  @Test
  void uppercaseHexIpv6IsAccepted() throws Exception {
    assertEquals(AddressFamily.INET6, Endpoint.parse("[FE80::ABCD]:70").family());
    assertEquals(70, Endpoint.parse("[FE80::ABCD]:70").port());
  }

  @Test
  void hostWithATrailingColonOrWhitespaceIsAClearError() {
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("host:"));
    assertTrue(empty.getMessage().contains("empty port"), empty.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(" host:80"));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("host: 80"));
  }

  @Test
  void credentialsNeverAppearInTheStringForm() {
    Endpoint e = Endpoint.parse("h:21").withCredentials(new Credentials("bob", "s3cret"));
    assertFalse(e.toString().contains("s3cret"));
    assertFalse(e.credentials().orElseThrow().toString().contains("s3cret"));
    assertEquals("bob", e.credentials().orElseThrow().user());
  }

  @Test
  void unixEndpointCarriesItsPath() {
    Endpoint e = Endpoint.unix(Path.of("/tmp/x.sock"));
    assertEquals(AddressFamily.UNIX, e.family());
    assertEquals("unix:/tmp/x.sock", e.toString());
  }

  @Test
  void localHostNameIsNotEmpty() {
    assertFalse(LocalHost.name().isBlank());
  }
}
