package io.netkit.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetReplyException;
import io.netkit.core.TransferListener;
import io.netkit.core.UnsafeArgumentException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's requests against MockFtpServer's fake server (in-memory Unix file system). */
class FtpClientTest {
  private final FtpTestSupport t = new FtpTestSupport();

  @AfterEach
  void stop() {
    t.server.stop();
  }

  @Test
  void connectLogsInWithTheEndpointsCredentialsInBinaryMode() throws Exception {
    try (FtpClient ftp = t.connect()) {
      assertTrue(ftp.isConnected());
      assertEquals(FtpTestSupport.HOME, ftp.printDirectory());
      assertTrue(t.sent().contains("USER bob"));
      assertTrue(t.sent().contains("TYPE I"));
      assertFalse(ftp.isSecure());
    }
  }

  @Test
  void endpointWithoutCredentialsLogsInAnonymously() throws Exception {
    t.server.anonymous("/pub").start();
    try (FtpClient ftp = new FtpClient(t.options())) {
      ftp.connect(t.server.endpoint());
      assertEquals("/pub", ftp.printDirectory());
    }
    assertTrue(t.sent().contains("USER anonymous"));
  }

  @Test
  void wrongPasswordIsAnAuthenticationFailureCarrying530() throws Exception {
    t.server.start();
    try (FtpClient ftp = new FtpClient(t.options())) {
      NetAuthenticationException e =
          assertThrows(
              NetAuthenticationException.class,
              () -> ftp.connect(t.server.endpoint().withCredentials(new Credentials("bob", "nope"))));
      assertEquals(530, e.replyCode().orElseThrow());
      assertFalse(e.getMessage().contains("nope"));
      assertFalse(ftp.isConnected());
    }
  }

  @Test
  void passwordNeverAppearsInTheTrace() throws Exception {
    try (FtpClient ftp = t.connect()) {
      ftp.printDirectory();
    }
    String transcript = t.transcript();
    assertTrue(transcript.contains("PASS ****"), transcript);
    assertFalse(transcript.contains(FtpTestSupport.PASSWORD), transcript);
  }

  @Test
  void listReturnsTypedEntriesFromUnixListing() throws Exception {
    Instant when = Instant.parse("2021-03-04T05:06:00Z");
    t.server
        .file("/home/bob/notes.txt", "twelve bytes")
        .modified("/home/bob/notes.txt", when)
        .permissions("/home/bob/notes.txt", "rw-r-----")
        .directory("/home/bob/sub");
    try (FtpClient ftp = t.connect()) {
      Map<String, FtpEntry> byName =
          ftp.list("").stream().collect(Collectors.toMap(FtpEntry::name, Function.identity()));
      assertEquals(2, byName.size(), byName.toString());
      FtpEntry notes = byName.get("notes.txt");
      assertEquals(FtpEntry.Type.FILE, notes.type());
      assertEquals(12, notes.size());
      assertEquals("rw-r-----", notes.permissions());
      // LIST shows old files to the day only ("Mar 04 2021"): the parser keeps what is there.
      assertTrue(
          java.time.Duration.between(when, notes.modified()).abs().toHours() < 24,
          notes.modified().toString());
      assertEquals(FtpEntry.Type.DIRECTORY, byName.get("sub").type());
      assertTrue(byName.get("sub").isDirectory());
    }
    assertTrue(t.sent().stream().anyMatch(l -> l.startsWith("LIST")), "LIST, since no FEAT/MLST");
  }

  @Test
  void nameListReturnsNames() throws Exception {
    t.server.file("/home/bob/a.txt", "a").file("/home/bob/b.txt", "b");
    try (FtpClient ftp = t.connect()) {
      List<String> names = new ArrayList<>(ftp.names(""));
      names.sort(null);
      assertEquals(List.of("a.txt", "b.txt"), names);
    }
  }

  @Test
  void retrieveStreamsTheFileAndReportsProgressUpToItsSize() throws Exception {
    byte[] content = new byte[300_000];
    new java.util.Random(7).nextBytes(content);
    t.server.file("/home/bob/data.bin", content);
    List<long[]> reports = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FtpClient ftp = t.connect()) {
      long bytes = ftp.retrieve("data.bin", out, 0, (done, total) -> reports.add(new long[] {done, total}));
      assertEquals(content.length, bytes);
    }
    assertArrayEquals(content, out.toByteArray());
    assertTrue(reports.size() > 1, "progress reported as bytes move");
    long[] last = reports.get(reports.size() - 1);
    assertEquals(content.length, last[0]);
    assertEquals(content.length, last[1]);
  }

  @Test
  void retrieveToAFileReplacesItWholeAndLeavesNoPartFile(@TempDir Path dir) throws Exception {
    t.server.file("/home/bob/f.txt", "new contents");
    Path local = dir.resolve("f.txt");
    Files.writeString(local, "old contents, longer than the new");
    try (FtpClient ftp = t.connect()) {
      assertEquals(12, ftp.retrieve("f.txt", local, TransferListener.NONE));
    }
    assertEquals("new contents", Files.readString(local));
    assertEquals(List.of(local), Files.list(dir).toList());
  }

  @Test
  void resumeAppendsTheRestOfAFileFromRest(@TempDir Path dir) throws Exception {
    byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    t.server.file("/home/bob/f.txt", content);
    Path local = dir.resolve("f.txt");
    Files.write(local, "0123456".getBytes(StandardCharsets.US_ASCII));
    try (FtpClient ftp = t.connect()) {
      assertEquals(13, ftp.resume("f.txt", local, TransferListener.NONE));
    }
    assertArrayEquals(content, Files.readAllBytes(local));
    assertTrue(t.sent().contains("REST 7"));
  }

  @Test
  void storeUploadsAndAppendAppends() throws Exception {
    try (FtpClient ftp = t.connect()) {
      assertEquals(5, ftp.store("up.txt", new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8))));
      assertEquals(6, ftp.append("up.txt", new ByteArrayInputStream(" world".getBytes(StandardCharsets.UTF_8))));
    }
    assertEquals("hello world", new String(t.server.contents("/home/bob/up.txt").orElseThrow(), StandardCharsets.UTF_8));
  }

  @Test
  void directoryAndFileManagementRequests() throws Exception {
    t.server.file("/home/bob/old.txt", "x");
    try (FtpClient ftp = t.connect()) {
      ftp.makeDirectory("made");
      ftp.changeDirectory("made");
      assertEquals("/home/bob/made", ftp.printDirectory());
      ftp.changeDirectory("/home/bob");
      ftp.rename("old.txt", "new.txt");
      FtpReply.Done deleted = (FtpReply.Done) ftp.request(new FtpRequest.Delete("new.txt"));
      assertEquals(250, deleted.code());
      ftp.removeDirectory("made");
    }
    assertFalse(t.server.exists("/home/bob/old.txt"));
    assertFalse(t.server.exists("/home/bob/new.txt"));
    assertFalse(t.server.exists("/home/bob/made"));
  }

  @Test
  void sizeAndModificationTime() throws Exception {
    Instant when = Instant.parse("2020-01-02T03:04:05Z");
    t.server.file("/home/bob/s.bin", new byte[1234]).modified("/home/bob/s.bin", when);
    try (FtpClient ftp = t.connect()) {
      assertEquals(1234, ftp.size("s.bin"));
      assertEquals(when, ftp.modificationTime("s.bin"));
    }
  }

  @Test
  void rawCommandReturnsTheReplyWhateverItsCode() throws Exception {
    try (FtpClient ftp = t.connect()) {
      assertEquals(200, ftp.raw("NOOP", "").code());
      assertEquals(502, ftp.raw("XYZZY", "").code());
      assertTrue(ftp.isConnected());
    }
  }

  @Test
  void refusalCarriesReplyCodeAndTextAndKeepsTheSession() throws Exception {
    try (FtpClient ftp = t.connect()) {
      NetReplyException e =
          assertThrows(NetReplyException.class, () -> ftp.retrieve("missing.txt", new ByteArrayOutputStream()));
      assertEquals(550, e.replyCode().orElseThrow());
      assertTrue(e.getMessage().startsWith("ftp 127.0.0.1:"), e.getMessage());
      assertTrue(e.getMessage().contains("550"), e.getMessage());
      NetReplyException d = assertThrows(NetReplyException.class, () -> ftp.delete("missing.txt"));
      assertEquals(550, d.replyCode().orElseThrow());
      assertTrue(ftp.isConnected());
      assertEquals(FtpTestSupport.HOME, ftp.printDirectory());
    }
  }

  @Test
  void crLfAndNulInArgumentsAreRefusedBeforeAnythingIsSent() throws Exception {
    t.server.file("/home/bob/keep.txt", "k");
    try (FtpClient ftp = t.connect()) {
      int before = t.sent().size();
      assertThrows(UnsafeArgumentException.class, () -> ftp.delete("x\r\nDELE keep.txt"));
      assertThrows(UnsafeArgumentException.class, () -> ftp.makeDirectory("a\nb"));
      assertThrows(UnsafeArgumentException.class, () -> ftp.retrieve("a\0b", new ByteArrayOutputStream()));
      assertThrows(UnsafeArgumentException.class, () -> ftp.rename("ok", "bad\r"));
      assertThrows(UnsafeArgumentException.class, () -> ftp.raw("SITE", "x\r\nDELE keep.txt"));
      assertThrows(IllegalArgumentException.class, () -> ftp.raw("DE LE", "keep.txt"));
      assertEquals(before, t.sent().size(), "nothing sent");
    }
    assertTrue(t.server.exists("/home/bob/keep.txt"));
  }

  @Test
  void requestsNeedAConnection() {
    FtpClient ftp = new FtpClient(t.options());
    assertThrows(IllegalStateException.class, ftp::printDirectory);
    ftp.close(); // idempotent without a connection
    ftp.close();
  }

  @Test
  void requestAnswersWithTypedReplies() throws Exception {
    t.server.file("/home/bob/r.txt", "abc");
    try (FtpClient ftp = t.connect()) {
      FtpReply reply = ftp.request(new FtpRequest.Size("r.txt"));
      FtpReply.FileSize size = assertInstanceOf(FtpReply.FileSize.class, reply);
      assertEquals(213, size.code());
      assertEquals(3, size.size());
      FtpReply.Listing listing = assertInstanceOf(FtpReply.Listing.class, ftp.request(FtpRequest.list("")));
      assertEquals(226, listing.code());
      assertNull(listing.entries().get(0).linkTarget());
    }
  }
}
