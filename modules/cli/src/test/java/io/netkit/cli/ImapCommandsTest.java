package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.testkit.imap.ImapMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ls, get, put, rm and watch for imap:// URLs, in process against the IMAP mock. */
class ImapCommandsTest {
  static final String FIRST = "From: Bob <bob@example.org>\r\nTo: alice@example.org\r\n"
      + "Subject: Hello there\r\nDate: Tue, 1 Dec 2026 09:30:00 +0000\r\n\r\nfirst body\r\n";
  static final String SECOND = "From: carol@example.org\r\nSubject: parts\r\nMIME-Version: 1.0\r\n"
      + "Content-Type: multipart/mixed; boundary=\"xx\"\r\n\r\n--xx\r\nContent-Type: text/plain\r\n\r\n"
      + "text part\r\n--xx\r\nContent-Type: application/octet-stream\r\n"
      + "Content-Transfer-Encoding: base64\r\n\r\nAAECAwQFBgcICQ==\r\n--xx--\r\n";

  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private ImapMockServer imap;
  private String server;

  @BeforeEach
  void start() throws Exception {
    imap = new ImapMockServer("alice", "pw-alice").message(FIRST).message(SECOND).folder("Archive");
    imap.start();
    server = "imap://127.0.0.1:" + imap.port() + "/";
  }

  @AfterEach
  void stop() {
    later.shutdownNow();
    imap.stop();
  }

  private static Cli.Result run(String command, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = command;
    all[1] = "-u";
    all[2] = "alice:pw-alice";
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(all);
  }

  @Test
  void lsOfTheServerListsMailboxesWithCounts() {
    Cli.Result r = run("ls", server);
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("inbox") && l.endsWith(" 2 2 INBOX")), r::toString);
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("mailbox") && l.endsWith(" 0 0 Archive")), r::toString);
  }

  @Test
  void lsOfAMailboxListsMessagesWithUidFlagsSenderAndSubject() {
    Cli.Result r = run("ls", server + "INBOX");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("message") && l.contains("2026-12-01T09:30:00Z")
        || l.startsWith("message")), r::toString);
    assertTrue(r.out().lines().anyMatch(l -> l.endsWith("1 - bob@example.org Hello there")), r::toString);
    Cli.Result search = run("ls", server + "INBOX?FROM%20carol@example.org");
    assertEquals(0, search.code(), search::toString);
    assertEquals(1, search.out().lines().count(), search::toString);
    assertTrue(search.out().contains("carol@example.org parts"), search::toString);
  }

  @Test
  void getStreamsAMessageOrOnePartAndLeavesItUnseen() {
    Cli.Result r = run("get", server + "INBOX;UID=1");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("Subject: Hello there") && r.out().contains("first body"), r::toString);
    Cli.Result part = run("get", server + "INBOX/;UID=2/;SECTION=2");
    assertEquals(0, part.code(), part::toString);
    assertEquals("AAECAwQFBgcICQ==", part.out().strip(), part::toString);
    assertTrue(run("ls", server + "INBOX").out().contains("1 - bob@example.org"), "still unseen");
  }

  @Test
  void putAppendsAFileAndRmDeletesAMessage(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("new.eml");
    Files.writeString(file, "From: dan@example.org\r\nSubject: appended\r\n\r\nhi\r\n", StandardCharsets.UTF_8);
    Cli.Result put = run("put", server + "Archive", file.toString());
    assertEquals(0, put.code(), put::toString);
    assertTrue(run("ls", server + "Archive").out().contains("dan@example.org appended"));

    Cli.Result rm = run("rm", server + "INBOX/;UID=1");
    assertEquals(0, rm.code(), rm::toString);
    assertFalse(run("ls", server + "INBOX").out().contains("Hello there"));
    Cli.Result again = run("rm", server + "INBOX/;UID=1");
    assertNotEquals(0, again.code(), again::toString);
    assertTrue(again.stderr().contains("UID 1"), again::toString);
  }

  @Test
  void getOfAMissingMessageFailsWithOneLine() {
    Cli.Result r = run("get", server + "INBOX;UID=99");
    assertNotEquals(0, r.code(), r::toString);
    assertEquals(1, r.stderr().strip().lines().count(), r::toString);
    assertFalse(r.stderr().contains("Exception"), r::toString);
  }

  @Test
  void watchPrintsALinePerNewMessageUntilMaxTime() {
    later.schedule(() -> imap.message("From: late@example.org\r\nSubject: just in\r\n\r\nhi\r\n"),
        700, TimeUnit.MILLISECONDS);
    long start = System.nanoTime();
    Cli.Result r = run("watch", "--max-time", "4", server + "INBOX");
    long took = System.nanoTime() - start;
    assertEquals(0, r.code(), r::toString);
    assertEquals("3\tlate@example.org\tjust in", r.out().strip(), r::toString);
    assertTrue(took < TimeUnit.SECONDS.toNanos(30), "ended near --max-time");
  }
}
