package io.netkit.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Netkit;
import io.netkit.core.TransferListener;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.core.spi.ListEntry;
import io.netkit.ftp.internal.FtpUrls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ftp:// URLs through the core's entry point (the provider is found with ServiceLoader). */
class FtpUrlTest {
  private final FtpTestSupport t = new FtpTestSupport();

  @AfterEach
  void stop() {
    t.server.stop();
  }

  private URI url(String path) {
    return URI.create("ftp://bob:s3cret-pw@127.0.0.1:" + t.server.port() + path);
  }

  @Test
  void urlPathsAreRelativeToTheLoginDirectoryUnlessTheSlashIsEncoded() {
    assertEquals("dir/file", FtpUrls.path(URI.create("ftp://h/dir/file")));
    assertEquals("/etc/x", FtpUrls.path(URI.create("ftp://h/%2Fetc/x")));
    assertEquals("a b.txt", FtpUrls.path(URI.create("ftp://h/a%20b.txt;type=i")));
    assertEquals("", FtpUrls.path(URI.create("ftp://h/")));
    assertTrue(FtpUrls.isDirectory(URI.create("ftp://h/pub/")));
    assertThrows(UnsafeArgumentException.class, () -> FtpUrls.path(URI.create("ftp://h/a%0D%0ADELE%20x")));
  }

  @Test
  void fetchRetrievesAFileAndRendersADirectory() throws Exception {
    t.server.file("/home/bob/sub/hello.txt", "hello").start();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    Netkit.fetch(url("/sub/hello.txt"), t.options(), file, TransferListener.NONE);
    assertEquals("hello", file.toString(StandardCharsets.UTF_8));
    ByteArrayOutputStream listing = new ByteArrayOutputStream();
    Netkit.fetch(url("/sub/"), t.options(), listing, TransferListener.NONE);
    String text = listing.toString(StandardCharsets.UTF_8);
    assertTrue(text.matches("file \\S+ 5 \\S+ hello\\.txt\n"), text);
  }

  @Test
  void typeDAsksForTheNamesInTheDirectoryOnly() throws Exception {
    t.server.file("/home/bob/sub/one.txt", "1").file("/home/bob/sub/two.txt", "22").start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Netkit.fetch(url("/sub;type=d"), t.options(), out, TransferListener.NONE);
    assertEquals(List.of("one.txt", "two.txt"), out.toString(StandardCharsets.UTF_8).lines().sorted().toList());
    assertTrue(t.sent().stream().anyMatch(line -> line.startsWith("NLST")), t.transcript());
    assertTrue(FtpUrls.isDirectory(URI.create("ftp://h/sub;type=d")));
    assertEquals("sub", FtpUrls.path(URI.create("ftp://h/sub;type=d")));
  }

  @Test
  void absolutePathWithEncodedSlash() throws Exception {
    t.server.file("/etc/motd", "abs").start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Netkit.fetch(url("/%2Fetc/motd"), t.options(), out, TransferListener.NONE);
    assertEquals("abs", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void listGivesEntriesWithTheirUrls() throws Exception {
    t.server.file("/home/bob/pub/a b.txt", "x").directory("/home/bob/pub/d").start();
    List<ListEntry> entries = Netkit.list(url("/pub/"), t.options());
    ListEntry file = entries.stream().filter(e -> e.name().equals("a b.txt")).findFirst().orElseThrow();
    ListEntry dir = entries.stream().filter(e -> e.name().equals("d")).findFirst().orElseThrow();
    assertEquals("file", file.kind());
    assertEquals(1, file.size());
    assertEquals(URI.create("ftp://127.0.0.1:" + t.server.port() + "/pub/a%20b.txt"), file.url());
    assertEquals("dir", dir.kind());
    assertTrue(dir.url().toString().endsWith("/pub/d/"), dir.url().toString());
  }

  @Test
  void storeUploadsAndDropsTheTypeSuffix() throws Exception {
    t.server.start();
    byte[] body = "uploaded".getBytes(StandardCharsets.UTF_8);
    Netkit.store(url("/up.bin;type=i"), t.options(), new ByteArrayInputStream(body), body.length, TransferListener.NONE);
    assertEquals("uploaded", new String(t.server.contents("/home/bob/up.bin").orElseThrow(), StandardCharsets.UTF_8));
  }
}
