package io.netkit.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netkit.cli.Cli;
import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.Protocol;
import io.netkit.pop3.Pop3Client;
import io.netkit.testkit.HostileServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POP3 against hostile servers and hostile input. */
class Pop3HostileTest extends HostileContract {
  /** One CLI exit code per failure kind: curl's 18 for content cut short, 8 for a bad answer. */
  static final int TRUNCATED = 18;
  static final int PROTOCOL = 8;

  @TempDir Path dir;
  /** The command's verb for the next {@link #commandFails}: get, or ls for the listings. */
  private String verb = "get";

  @Override
  List<String> command(String url) {
    return List.of(verb, url);
  }

  /**
   * The mail tests' old scripted server, kept for {@code ImapHostileTest} and {@code
   * SmtpHostileTest} until they use {@link HostileServer#converse} directly (then delete it): a
   * reply ending in {@link #CLOSE} is {@link HostileServer#closeAfter}, null is silence, and
   * {@link #received} is what clients sent.
   */
  static final class Scripted implements AutoCloseable {
    static final String CLOSE = HostileServer.closeAfter("");
    final List<String> received = new CopyOnWriteArrayList<>();
    private final HostileServer server;

    Scripted(String greeting, Function<String, String> script) throws IOException {
      server = HostileServer.converse(greeting, line -> {
        received.add(line);
        String reply = script.apply(line);
        return reply != null ? reply : "";
      });
    }

    String url(String scheme, String path) {
      return scheme + "://bob:pw@127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /**
   * A logged-in POP3 conversation on any number of connections; {@code answer} speaks to the other
   * commands (null: +OK), and closes the connection after an answer wrapped in {@link
   * HostileServer#closeAfter}.
   */
  private static HostileServer pop3(String capa, Function<String, String> answer) throws IOException {
    return HostileServer.converse("+OK hostile\r\n", line -> {
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.equals("CAPA")) {
        return capa;
      }
      if (upper.startsWith("USER") || upper.startsWith("PASS")) {
        return "+OK\r\n";
      }
      if (upper.equals("QUIT")) {
        return HostileServer.closeAfter("+OK bye\r\n");
      }
      String a = answer.apply(upper);
      return a != null ? a : "+OK\r\n";
    });
  }

  /** Where the client goes: bob's mailbox on {@code server}. */
  private static String url(HostileServer server, String path) {
    return "pop3://bob:pw@127.0.0.1:" + server.port() + path;
  }

  /** Lists through the API ({@code Netkit.list}), which must fail within the bound. */
  Throwable apiFails(String url, io.netkit.core.NetOptions o, boolean list) {
    return assertTimeoutPreemptively(BOUND, () -> assertThrows(Exception.class,
        () -> io.netkit.core.Netkit.list(URI.create(url), o)));
  }

  private static final String CAPA = "+OK\r\nUSER\r\nUIDL\r\nTOP\r\n.\r\n";

  @Test
  void aRetrShorterThanItsOctetsThenACloseIsTruncatedAndLeavesNoFile() throws IOException {
    try (HostileServer s = pop3(CAPA, c -> c.startsWith("RETR")
        ? HostileServer.closeAfter("+OK 5000 octets\r\nSubject: x\r\n\r\nonly part of it\r\n")
        : c.startsWith("LIST") ? "+OK 1 5000\r\n" : null)) {
      String url = url(s, "/1");
      Throwable t = apiFails(url, options().build());
      assertInstanceOf(NetTruncatedException.class, t, t::toString);
      Path file = dir.resolve("message.eml");
      Cli.Result r = commandFails(url, "-o", file.toString());
      assertEquals(TRUNCATED, r.code(), r::toString);
      assertFalse(Files.exists(file), "a cut-short message leaves no file");
      try (var left = Files.list(dir)) {
        assertEquals(List.of(), left.toList(), "nor a temporary one");
      }
    }
  }

  @Test
  void listUidlAndCapaWithoutTheirDotLineThenACloseAreTruncated() throws IOException {
    String cut = HostileServer.closeAfter("+OK\r\n1 100\r\n");
    for (String capa : List.of(CAPA, HostileServer.closeAfter("+OK\r\nUSER\r\nUIDL\r\n"))) {
      boolean capaCut = !capa.equals(CAPA);
      try (HostileServer s = pop3(capa, c -> c.equals("LIST") || c.equals("UIDL") ? cut : null)) {
        String url = url(s, "/");
        verb = "ls";
        Cli.Result r = commandFails(url);
        assertEquals(TRUNCATED, r.code(), () -> (capaCut ? "CAPA cut: " : "LIST/UIDL cut: ") + r);
        Throwable t = apiFails(url, options().build(), true);
        assertInstanceOf(NetTruncatedException.class, t, t::toString);
      }
    }
  }

  @Test
  void octetCountsAbsentNegativeOrBeyond63BitsAreProtocolErrors() throws IOException {
    for (String bad : List.of("", "-1", "99999999999999999999")) {
      try (HostileServer s = pop3(CAPA, c -> c.equals("STAT") ? "+OK 1 " + bad + "\r\n"
          : c.equals("LIST") ? "+OK\r\n1 " + bad + "\r\n.\r\n"
          : c.startsWith("LIST ") ? "+OK 1 " + bad + "\r\n" : null)) {
        verb = "ls";
        Cli.Result r = commandFails(url(s, "/"));
        assertEquals(PROTOCOL, r.code(), () -> "'" + bad + "': " + r);
        assertFalse(r.stderr().contains("NumberFormat"), r::toString);
        for (int call = 0; call < 3; call++) {
          int which = call;
          Throwable t = assertTimeoutPreemptively(BOUND, () -> assertThrows(Exception.class, () -> {
            try (Pop3Client pop3 = new Pop3Client(options().build())) {
              pop3.connect(Endpoint.of("127.0.0.1", s.port())
                  .withCredentials(new Credentials("bob", "pw")));
              switch (which) {
                case 0 -> pop3.stat();
                case 1 -> pop3.list();
                default -> pop3.list(1);
              }
            }
          }));
          assertEquals(NetProtocolException.class, t.getClass(), () -> "'" + bad + "' call " + which + ": " + t);
        }
      }
    }
  }

  /** RFC 1939: the octet count is informational; the '.' line ends the message. */
  @Test
  void aRetrWhoseCountDisagreesButEndsProperlyIsTaken() throws IOException {
    String body = "Subject: x\r\n\r\nhello\r\n";
    for (String announced : List.of("5000", "1", "99999999999999999999")) {
      try (HostileServer s = pop3(CAPA, c -> c.startsWith("RETR")
          ? "+OK " + announced + " octets\r\n" + body + ".\r\n"
          : c.startsWith("LIST") ? "+OK 1 " + body.length() + "\r\n" : null)) {
        Path file = dir.resolve("m" + announced.length() + ".eml");
        Cli.Result r = Cli.run("get", "--timeout", "3", "-o", file.toString(), url(s, "/1"));
        assertEquals(0, r.code(), r::toString);
        assertEquals(body, Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    }
  }

  @Override
  Protocol protocol() {
    return Protocol.POP3;
  }

  @Override
  String path() {
    return "/1";
  }

  @Override
  String greeting() {
    return "+OK hostile\r\n";
  }

  /** Read as the answer to the client's first command, then as its lines: no "." ever comes. */
  @Override
  String floodLine() {
    return "+OK flood\r\n";
  }

  @Override
  String unparsable() {
    return "+YES hello\r\n";
  }

  @Override
  String okLine() {
    return "+OK\r\n";
  }

  @Override
  Starttls starttls() {
    return new Starttls() {
      @Override
      public boolean isStarttls(String line) {
        return line.equalsIgnoreCase("STLS");
      }

      @Override
      public String goAhead(String line) {
        return "+OK begin TLS\r\n";
      }

      @Override
      public String refusal(String line) {
        return "-ERR not now\r\n";
      }

      @Override
      public String answer(String line) {
        return line.equalsIgnoreCase("CAPA") ? "+OK\r\nSTLS\r\nUSER\r\nUIDL\r\n.\r\n" : "+OK\r\n";
      }
    };
  }
}
