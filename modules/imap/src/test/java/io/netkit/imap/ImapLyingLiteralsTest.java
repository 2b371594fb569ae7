package io.netkit.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTruncatedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Literals and sizes that lie in a FETCH answer: {@code {-1}}, a count beyond 63 bits, a literal
 * announced and never delivered or cut by a close, an RFC822.SIZE that is not what the body is.
 * Each is a typed failure within the read timeout; a partial body is never reported complete.
 * (A literal too large to hold is {@link ImapFailureTest#aHugeAnnouncedLiteralFailsWithoutAllocatingIt}.)
 */
class ImapLyingLiteralsTest {
  static final String BODY = "Subject: hi\r\n\r\nhello there\r\n";

  /**
   * A one-message INBOX whose RFC822.SIZE is {@code size}; the body FETCH is answered by {@code
   * body} (given the tag). When the body FETCH asks for RFC822.SIZE too (the client's first
   * request does), the size is put into the body's FETCH response, or, {@code split}, sent in a
   * FETCH response of its own before it (RFC 3501 allows either).
   */
  static ScriptedImapServer server(String size, UnaryOperator<String> body) throws IOException {
    return server(size, body, false);
  }

  static ScriptedImapServer server(String size, UnaryOperator<String> body, boolean split) throws IOException {
    return new ScriptedImapServer("* OK IMAP4rev1 ready\r\n", (tag, line) -> {
      String mailbox = ScriptedImapServer.oneMessageMailbox(tag, line);
      if (mailbox != null) {
        return mailbox;
      }
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.contains("BODY.PEEK[")) {
        String answer = body.apply(tag);
        if (!upper.contains("RFC822.SIZE")) {
          return answer;
        }
        return split
            ? "* 1 FETCH (UID 1 RFC822.SIZE " + size + ")\r\n" + answer
            : answer.replaceFirst("^\\* 1 FETCH \\(UID 1 ", "* 1 FETCH (UID 1 RFC822.SIZE " + size + " ");
      }
      if (upper.contains("RFC822.SIZE")) {
        return "* 1 FETCH (UID 1 RFC822.SIZE " + size + ")\r\n" + tag + " OK done\r\n";
      }
      String standard = ScriptedImapServer.standard(tag, line, "IMAP4rev1");
      return standard != null ? standard : tag + " OK done\r\n";
    });
  }

  static String literal(String tag, String announced, String delivered, boolean end) {
    return "* 1 FETCH (UID 1 BODY[]<0> {" + announced + "}\r\n" + delivered
        + (end ? ")\r\n" + tag + " OK done\r\n" : ScriptedImapServer.CLOSE);
  }

  private static ImapClient connected(ScriptedImapServer server, Duration readTimeout) throws IOException {
    NetOptions options = ImapTestSupport.options(null).readTimeout(readTimeout).build();
    ImapClient client = new ImapClient(options);
    client.connect(Endpoint.of("127.0.0.1", server.port()).withCredentials(new Credentials("u", "p")));
    return client;
  }

  private static Throwable fetchFails(ScriptedImapServer server, ByteArrayOutputStream out) throws IOException {
    ImapClient client = connected(server, Duration.ofSeconds(2));
    Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(Exception.class, () -> client.fetch("INBOX", 1, out)));
    assertInstanceOf(io.netkit.core.NetException.class, t, t::toString);
    client.close();
    return t;
  }

  @Test
  void aNegativeLiteralIsAProtocolError() throws IOException {
    try (ScriptedImapServer s = server("27", tag -> literal(tag, "-1", BODY, true))) {
      assertInstanceOf(NetProtocolException.class, fetchFails(s, new ByteArrayOutputStream()));
    }
  }

  @Test
  void aLiteralBeyond63BitsIsAProtocolError() throws IOException {
    try (ScriptedImapServer s = server("27", tag -> literal(tag, "99999999999999999999", BODY, true))) {
      assertInstanceOf(NetProtocolException.class, fetchFails(s, new ByteArrayOutputStream()));
    }
  }

  @Test
  void aLiteralAnnouncedButNeverDeliveredTimesOut() throws IOException {
    try (ScriptedImapServer s = server("27", tag -> "* 1 FETCH (UID 1 BODY[]<0> {27}\r\n")) {
      long start = System.nanoTime();
      assertInstanceOf(NetTimeoutException.class, fetchFails(s, new ByteArrayOutputStream()));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "bounded by the read timeout");
    }
  }

  @Test
  void aLiteralCutByACloseIsTruncated() throws IOException {
    try (ScriptedImapServer s = server("5000", tag -> literal(tag, "5000", BODY, false))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertInstanceOf(NetTruncatedException.class, fetchFails(s, out));
      assertEquals(0, out.size(), "nothing of a cut response is handed out");
    }
  }

  @Test
  void aBodyShorterThanItsRfc822SizeIsTruncated() throws IOException {
    for (boolean split : new boolean[] {false, true}) {
      try (ScriptedImapServer s = server("5000", tag -> literal(tag, String.valueOf(BODY.length()), BODY, true), split)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NetTruncatedException e = assertInstanceOf(NetTruncatedException.class, fetchFails(s, out));
        assertEquals(5000, e.expected());
        assertEquals(BODY.length(), e.received());
        assertEquals(0, out.size(), "split " + split + ": nothing written of a body known to be short");
      }
    }
  }

  @Test
  void aBodyLongerThanItsRfc822SizeIsAProtocolErrorNotTruncation() throws IOException {
    for (boolean split : new boolean[] {false, true}) {
      try (ScriptedImapServer s = server("5", tag -> literal(tag, String.valueOf(BODY.length()), BODY, true), split)) {
        Throwable t = fetchFails(s, new ByteArrayOutputStream());
        assertEquals(NetProtocolException.class, t.getClass(), t::toString);
      }
    }
  }

  @Test
  void anRfc822SizeNegativeOrBeyond63BitsIsAProtocolError() throws IOException {
    for (String size : new String[] {"-1", "99999999999999999999"}) {
      try (ScriptedImapServer s = server(size, tag -> literal(tag, String.valueOf(BODY.length()), BODY, true))) {
        assertInstanceOf(NetProtocolException.class, fetchFails(s, new ByteArrayOutputStream()), size);
      }
    }
  }

  @Test
  void aTruthfulBodyIsFetchedWhole() throws IOException {
    for (boolean split : new boolean[] {false, true}) {
      try (ScriptedImapServer s = server(String.valueOf(BODY.length()),
          tag -> literal(tag, String.valueOf(BODY.length()), BODY, true), split)) {
        ImapClient client = connected(s, Duration.ofSeconds(2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.fetch("INBOX", 1, out);
        assertEquals(BODY, out.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertFalse(out.size() == 0);
        client.close();
      }
    }
  }
}
