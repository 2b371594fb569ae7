package io.netkit.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What a fetch allocates in the calling thread (where Angus reads the responses): every chunk is
 * read into the one buffer the session keeps, with room for the FETCH response around the chunk,
 * so Angus never regrows it per chunk, even when the server puts items after the literal; and a
 * session that only reads small bodies never allocates a whole chunk.
 */
class ImapFetchBufferTest {
  @Test
  void everyChunkOfALargeFetchIsReadIntoTheOneBufferTheSessionKeeps() throws IOException {
    int chunk = 64 * 1024;
    int chunks = 32;
    byte[] message = message(chunks * chunk - 100);
    try (ScriptedImapServer s = server(message);
        ImapClient client = connected(s, chunk)) {
      ByteArrayOutputStream first = new ByteArrayOutputStream();
      assertEquals(message.length, client.fetch("INBOX", 1, first)); // classes loaded, buffer made
      assertArrayEquals(message, first.toByteArray());
      long before = allocated();
      assertEquals(message.length, client.fetch("INBOX", 1, OutputStream.nullOutputStream()));
      long perChunk = (allocated() - before) / chunks;
      // A buffer regrown (or made anew) for each chunk would be at least a chunk each time.
      assertTrue(perChunk < chunk / 4, "bytes allocated per " + chunk + "-byte chunk: " + perChunk);
    }
  }

  @Test
  void aSmallFetchDoesNotAllocateAWholeChunk() throws IOException {
    int chunk = 4 * 1024 * 1024;
    byte[] message = message(3000);
    try (ScriptedImapServer s = server(message);
        ImapClient client = connected(s, chunk)) {
      client.examine("INBOX");
      long before = allocated();
      ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
      assertEquals(message.length, client.fetch("INBOX", 1, out));
      long spent = allocated() - before;
      assertArrayEquals(message, out.toByteArray());
      assertTrue(spent < chunk / 4, "bytes allocated by the first small fetch: " + spent);
    }
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  private static byte[] message(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    return b;
  }

  private static ImapClient connected(ScriptedImapServer server, int chunk) throws IOException {
    NetOptions options = ImapTestSupport.options(null).readTimeout(Duration.ofSeconds(10)).build();
    ImapClient client = new ImapClient(options, ImapOptions.builder().fetchChunkSize(chunk).build());
    client.connect(Endpoint.of("127.0.0.1", server.port()).withCredentials(new Credentials("u", "p")));
    return client;
  }

  /**
   * Answers partial fetches of {@code message} with the UID and flags after the literal (RFC 3501
   * allows any order), so the response runs on past the chunk.
   */
  private static ScriptedImapServer server(byte[] message) throws IOException {
    return new ScriptedImapServer("* OK IMAP4rev1 ready\r\n", (tag, line) -> {
      String mailbox = ScriptedImapServer.oneMessageMailbox(tag, line);
      if (mailbox != null) {
        return mailbox;
      }
      ScriptedImapServer.Partial part = ScriptedImapServer.partial(line, message);
      if (part != null) {
        return "* 1 FETCH (BODY[]<" + part.origin() + "> {" + part.bytes().length() + "}\r\n" + part.bytes()
            + (line.toUpperCase(Locale.ROOT).contains("RFC822.SIZE") ? " RFC822.SIZE " + message.length : "")
            + " UID 1 FLAGS (\\Seen \\Answered $Forwarded $Junk))\r\n" + tag + " OK done\r\n";
      }
      String standard = ScriptedImapServer.standard(tag, line, "IMAP4rev1");
      return standard != null ? standard : tag + " OK done\r\n";
    });
  }
}
