package io.netkit.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.cli.Cli;
import io.netkit.cli.hostile.Pop3HostileTest.Scripted;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IMAP against hostile servers and hostile input. */
class ImapHostileTest extends HostileContract {
  private static final String BODY = "Subject: hi\r\n\r\nhello there\r\n";

  @TempDir Path dir;

  /** A one-message INBOX whose RFC822.SIZE is {@code size}; {@code body} answers the body FETCH (given the tag). */
  private static Scripted imap(String size, UnaryOperator<String> body) throws IOException {
    return new Scripted("* OK IMAP4rev1 hostile\r\n", line -> {
      int space = line.indexOf(' ');
      String tag = space < 0 ? line : line.substring(0, space);
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.contains(" CAPABILITY")) {
        return "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + " OK done\r\n";
      }
      if (upper.contains(" EXAMINE ") || upper.contains(" SELECT ")) {
        return "* 1 EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 2] ok\r\n"
            + tag + " OK [READ-ONLY] done\r\n";
      }
      if (upper.contains("BODY.PEEK[")) {
        String answer = body.apply(tag); // the client's first body FETCH asks for RFC822.SIZE too
        return upper.contains("RFC822.SIZE")
            ? answer.replaceFirst("^\\* 1 FETCH \\(UID 1 ", "* 1 FETCH (UID 1 RFC822.SIZE " + size + " ")
            : answer;
      }
      if (upper.contains("RFC822.SIZE")) {
        return "* 1 FETCH (UID 1 RFC822.SIZE " + size + ")\r\n" + tag + " OK done\r\n";
      }
      if (upper.contains(" LOGOUT")) {
        return "* BYE bye\r\n" + tag + " OK done\r\n" + Scripted.CLOSE;
      }
      if (upper.contains(" LIST ")) {
        return "* LIST (\\HasNoChildren) \"/\" INBOX\r\n" + tag + " OK done\r\n";
      }
      return tag + " OK done\r\n";
    });
  }

  private static String literal(String tag, String announced, String delivered, boolean end) {
    return "* 1 FETCH (UID 1 BODY[]<0> {" + announced + "}\r\n" + delivered
        + (end ? ")\r\n" + tag + " OK done\r\n" : Scripted.CLOSE);
  }

  private static String exact(String tag) {
    return literal(tag, String.valueOf(BODY.length()), BODY, true);
  }

  /** Fails through the API and the command ({@code -o FILE}, which must not be left); the exit code. */
  private int fails(Scripted server, Class<? extends Throwable> type) {
    String url = server.url("imap", path());
    Throwable t = apiFails(url, options().build());
    assertInstanceOf(type, t, t::toString);
    Path file = dir.resolve("message.eml");
    Cli.Result r = commandFails(url, "-o", file.toString());
    assertFalse(Files.exists(file), () -> "a failed fetch left " + file);
    return r.code();
  }

  @Test
  void negativeAndBeyond63BitLiteralsAreProtocolErrors() throws IOException {
    for (String count : List.of("-1", "99999999999999999999")) {
      try (Scripted s = imap(String.valueOf(BODY.length()), tag -> literal(tag, count, BODY, true))) {
        assertEquals(Pop3HostileTest.PROTOCOL, fails(s, NetProtocolException.class), count);
      }
    }
  }

  @Test
  void aLiteralAnnouncedButNeverDeliveredTimesOutWithinTheReadTimeout() throws IOException {
    try (Scripted s = imap("27", tag -> "* 1 FETCH (UID 1 BODY[]<0> {27}\r\n")) {
      assertEquals(28, fails(s, NetTimeoutException.class));
    }
  }

  @Test
  void aLiteralCutByACloseIsTruncated() throws IOException {
    try (Scripted s = imap("5000", tag -> literal(tag, "5000", BODY, false))) {
      assertEquals(Pop3HostileTest.TRUNCATED, fails(s, NetTruncatedException.class));
    }
  }

  @Test
  void aBodyShorterThanItsRfc822SizeIsTruncatedAndALongerOneAProtocolError() throws IOException {
    try (Scripted s = imap("5000", ImapHostileTest::exact)) {
      assertEquals(Pop3HostileTest.TRUNCATED, fails(s, NetTruncatedException.class));
    }
    try (Scripted s = imap("5", ImapHostileTest::exact)) {
      assertEquals(Pop3HostileTest.PROTOCOL, fails(s, NetProtocolException.class));
    }
    try (Scripted s = imap("99999999999999999999", ImapHostileTest::exact)) {
      assertEquals(Pop3HostileTest.PROTOCOL, fails(s, NetProtocolException.class));
    }
  }

  @Test
  void aTruthfulScriptedBodyIsFetched() throws IOException {
    try (Scripted s = imap(String.valueOf(BODY.length()), ImapHostileTest::exact)) {
      Path file = dir.resolve("ok.eml");
      Cli.Result r = Cli.run("get", "--timeout", "3", "-o", file.toString(), s.url("imap", path()));
      assertEquals(0, r.code(), r::toString);
      assertEquals(BODY, Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
      assertTrue(s.received.stream().noneMatch(l -> l.toUpperCase(Locale.ROOT).contains("BODY[")),
          "BODY.PEEK only: \\Seen is never set");
    }
  }
  @Override
  Protocol protocol() {
    return Protocol.IMAP;
  }

  @Override
  String path() {
    return "/INBOX/;UID=1";
  }

  @Override
  String greeting() {
    return "* OK hostile\r\n";
  }

  /** Untagged lines forever: the tagged answer the client waits for never comes. */
  @Override
  String floodLine() {
    return "* OK flood\r\n";
  }

  @Override
  String unparsable() {
    return "* HELLO there\r\n";
  }

  @Override
  String unsafePath(String smuggled) {
    return "/INBOX" + smuggled + "/;UID=1";
  }

  @Override
  Starttls starttls() {
    return new Starttls() {
      @Override
      public boolean isStarttls(String line) {
        return line.toUpperCase(java.util.Locale.ROOT).endsWith(" STARTTLS");
      }

      @Override
      public String goAhead(String line) {
        return tag(line) + " OK begin TLS\r\n";
      }

      @Override
      public String refusal(String line) {
        return tag(line) + " NO not now\r\n";
      }

      @Override
      public String answer(String line) {
        String caps = line.toUpperCase(java.util.Locale.ROOT).endsWith(" CAPABILITY")
            ? "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n" : "";
        return caps + tag(line) + " OK done\r\n";
      }

      private String tag(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
      }
    };
  }
}
