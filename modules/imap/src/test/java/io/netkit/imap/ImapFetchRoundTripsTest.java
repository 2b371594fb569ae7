package io.netkit.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.testkit.imap.ImapMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How many FETCH commands a body costs: the first request carries UID, RFC822.SIZE and the first
 * chunk, so a message that fits in one chunk is one round trip; a larger one is one request per
 * chunk, none asking for more than a chunk, and none past one byte beyond its RFC822.SIZE.
 */
class ImapFetchRoundTripsTest {
  private static final int CHUNK = 1024;
  private static final Pattern PARTIAL = Pattern.compile("<([0-9]+)\\.([0-9]+)>");

  private static List<String> fetches(List<String> lines) {
    return lines.stream().filter(l -> l.toUpperCase(Locale.ROOT).contains(" FETCH ")).toList();
  }

  @Test
  void aSmallMessageIsFetchedWithOneFetchCommandAndStaysUnseen() throws IOException {
    ImapMockServer server = new ImapMockServer(ImapTestSupport.USER, ImapTestSupport.PASSWORD)
        .message(ImapTestSupport.HELLO);
    server.start();
    try (ImapClient client = ImapTestSupport.connected(server, ImapTestSupport.options(null).build())) {
      long uid = client.search("INBOX", SearchTerm.all()).get(0);
      int before = fetches(server.clientLines()).size();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long n = client.fetch("INBOX", uid, out);
      List<String> sent = fetches(server.clientLines()).subList(before, fetches(server.clientLines()).size());
      assertEquals(1, sent.size(), () -> "FETCH commands sent: " + sent);
      String command = sent.get(0).toUpperCase(Locale.ROOT);
      assertTrue(command.contains("RFC822.SIZE") && command.contains("BODY.PEEK[]<0."), command);
      assertEquals(out.size(), n);
      assertTrue(out.toString(StandardCharsets.US_ASCII).contains("Hello Alice, this is the body."));
      assertFalse(client.summaries("INBOX", List.of(uid)).get(0).flags().contains(ImapFlags.SEEN));
    } finally {
      server.stop();
    }
  }

  @Test
  void aMissingUidIsNotFoundAfterOneFetchCommand() throws IOException {
    ImapMockServer server = new ImapMockServer(ImapTestSupport.USER, ImapTestSupport.PASSWORD)
        .message(ImapTestSupport.HELLO);
    server.start();
    try (ImapClient client = ImapTestSupport.connected(server, ImapTestSupport.options(null).build())) {
      client.examine("INBOX");
      int before = fetches(server.clientLines()).size();
      assertThrows(NetNotFoundException.class, () -> client.fetch("INBOX", 999, new ByteArrayOutputStream()));
      assertEquals(before + 1, fetches(server.clientLines()).size());
      assertEquals(1, client.search("INBOX", SearchTerm.all()).size(), "the session stays usable");
    } finally {
      server.stop();
    }
  }

  /** Sizes around the chunk, and the FETCH commands each takes. */
  @Test
  void eachChunkIsOneFetchAndNoneAsksForMoreThanAChunk() throws IOException {
    int[][] cases = {{1, 1}, {CHUNK - 1, 1}, {CHUNK, 2}, {CHUNK + 1, 2}, {2 * CHUNK, 3}, {5 * CHUNK / 2, 3}};
    for (int[] c : cases) {
      byte[] message = message(c[0]);
      try (ScriptedImapServer s = partialServer(message, message.length)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImapClient client = connected(s)) {
          assertEquals(message.length, client.fetch("INBOX", 1, out));
        }
        assertArrayEquals(message, out.toByteArray(), "size " + c[0]);
        List<String> sent = fetches(s.received());
        assertEquals(c[1], sent.size(), () -> "size " + c[0] + ": " + sent);
        long offset = 0;
        for (String line : sent) {
          Matcher m = PARTIAL.matcher(line);
          assertTrue(m.find(), line);
          assertEquals(offset, Long.parseLong(m.group(1)), line);
          assertTrue(Integer.parseInt(m.group(2)) <= CHUNK, line);
          offset += Math.min(Long.parseLong(m.group(2)), message.length - offset);
        }
      }
    }
  }

  @Test
  void aMessageGoingOnPastItsSizeFailsAtTheFirstByteTooMany() throws IOException {
    byte[] message = message(3 * CHUNK);
    try (ScriptedImapServer s = partialServer(message, 2 * CHUNK)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ImapClient client = connected(s)) {
        NetProtocolException e = assertThrows(NetProtocolException.class, () -> client.fetch("INBOX", 1, out));
        assertTrue(e.getMessage().contains("RFC822.SIZE"), e.getMessage());
      }
      List<String> sent = fetches(s.received());
      assertEquals(3, sent.size(), sent::toString);
      assertTrue(sent.get(2).contains("<" + 2 * CHUNK + ".1>"), sent.get(2));
    }
  }

  @Test
  void theCallersFailingStreamComesBackUnchangedAndTheSessionStaysUsable() throws IOException {
    byte[] message = message(5 * CHUNK / 2);
    try (ScriptedImapServer s = partialServer(message, message.length);
        ImapClient client = connected(s)) {
      IOException full = new IOException("disk full");
      OutputStream failing = new OutputStream() {
        private int writes;

        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          if (++writes == 2) {
            throw full;
          }
        }
      };
      assertSame(full, assertThrows(IOException.class, () -> client.fetch("INBOX", 1, failing)));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      List<long[]> progress = new ArrayList<>();
      client.fetch("INBOX", 1, "", false, out, (done, total) -> progress.add(new long[] {done, total}));
      assertArrayEquals(message, out.toByteArray());
      long[] end = progress.get(progress.size() - 1);
      assertArrayEquals(new long[] {message.length, message.length}, end, "progress ends at the size");
    }
  }

  private static byte[] message(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    return b;
  }

  private static ImapClient connected(ScriptedImapServer server) throws IOException {
    NetOptions options = ImapTestSupport.options(null).readTimeout(Duration.ofSeconds(5)).build();
    ImapClient client = new ImapClient(options, ImapOptions.builder().fetchChunkSize(CHUNK).build());
    client.connect(Endpoint.of("127.0.0.1", server.port()).withCredentials(new Credentials("u", "p")));
    return client;
  }

  /** A server that answers partial fetches of {@code message} as RFC 3501 says, with {@code size}. */
  private static ScriptedImapServer partialServer(byte[] message, long size) throws IOException {
    return new ScriptedImapServer("* OK IMAP4rev1 ready\r\n", (tag, line) -> {
      String mailbox = ScriptedImapServer.oneMessageMailbox(tag, line);
      if (mailbox != null) {
        return mailbox;
      }
      ScriptedImapServer.Partial part = ScriptedImapServer.partial(line, message);
      if (part != null) {
        boolean sized = line.toUpperCase(Locale.ROOT).contains("RFC822.SIZE");
        return "* 1 FETCH (UID 1 " + (sized ? "RFC822.SIZE " + size + " " : "")
            + "BODY[]<" + part.origin() + "> {" + part.bytes().length() + "}\r\n" + part.bytes() + ")\r\n" + tag + " OK done\r\n";
      }
      String standard = ScriptedImapServer.standard(tag, line, "IMAP4rev1");
      return standard != null ? standard : tag + " OK done\r\n";
    });
  }
}
