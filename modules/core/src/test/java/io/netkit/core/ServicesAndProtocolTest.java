package io.netkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesAndProtocolTest {
  @Test
  void builtInTableKnowsTheClassicServices() {
    assertEquals(70, Services.port("gopher").orElseThrow());
    assertEquals(21, Services.port("ftp").orElseThrow());
    assertEquals(20, Services.port("ftp-data").orElseThrow());
    assertTrue(Services.port("no-such-service").isEmpty());
  }

  @Test
  void servicesFileIsParsedTcpOnlyWithAliasesAndComments(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("services");
    Files.writeString(
        file,
        "# comment\n"
            + "tcpmux\t\t1/tcp\n"
            + "myproto\t\t7777/tcp\tmyalias   # trailing comment\n"
            + "udponly\t\t8888/udp\n"
            + "broken\t\tx/tcp\n"
            + "toobig\t\t99999/tcp\n");
    Map<String, Integer> table = Services.read(file);
    assertEquals(7777, table.get("myproto"));
    assertEquals(7777, table.get("myalias"));
    assertEquals(1, table.get("tcpmux"));
    assertFalse(table.containsKey("udponly"));
    assertFalse(table.containsKey("broken"));
    assertFalse(table.containsKey("toobig"));
  }

  @Test
  void protocolTableHasTheTutorialsEightWithTheirPorts() {
    assertEquals(
        List.of("http", "nntp", "ftp", "smtp", "pop3", "imap", "telnet", "gopher"),
        Protocol.all().stream().map(Protocol::name).toList());
    assertEquals(80, Protocol.HTTP.defaultPort());
    assertEquals(443, Protocol.HTTP.tlsPort().getAsInt());
    assertEquals(119, Protocol.NNTP.defaultPort());
    assertEquals(563, Protocol.NNTP.tlsPort().getAsInt());
    assertEquals(21, Protocol.FTP.defaultPort());
    assertEquals(20, Protocol.FTP.dataPort().getAsInt());
    assertEquals(990, Protocol.FTP.tlsPort().getAsInt());
    assertEquals(25, Protocol.SMTP.defaultPort());
    assertEquals(465, Protocol.SMTP.tlsPort().getAsInt());
    assertEquals(110, Protocol.POP3.defaultPort());
    assertEquals(995, Protocol.POP3.tlsPort().getAsInt());
    assertEquals(143, Protocol.IMAP.defaultPort());
    assertEquals(993, Protocol.IMAP.tlsPort().getAsInt());
    assertEquals(23, Protocol.TELNET.defaultPort());
    assertEquals(70, Protocol.GOPHER.defaultPort());
  }

  @Test
  void schemesMapToProtocolsAndTheirPorts() {
    assertEquals(Protocol.FTP, Protocol.forScheme("FTPS").orElseThrow());
    assertEquals(Protocol.NNTP, Protocol.forScheme("news").orElseThrow());
    assertEquals(990, Protocol.FTP.defaultPort("ftps"));
    assertEquals(21, Protocol.FTP.defaultPort("ftp"));
    assertEquals(70, Protocol.GOPHER.defaultPort("gophers"));
    assertTrue(Protocol.isTlsScheme("https"));
    assertFalse(Protocol.isTlsScheme("news"));
    assertFalse(Protocol.isTlsScheme("gopher"));
    assertTrue(Protocol.forScheme("wais").isEmpty());
  }
}
