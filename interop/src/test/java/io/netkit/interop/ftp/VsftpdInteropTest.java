package io.netkit.interop.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.NetReplyException;
import io.netkit.core.TransferListener;
import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import io.netkit.ftp.FtpClient;
import io.netkit.ftp.FtpEntry;
import io.netkit.interop.Digests;
import io.netkit.interop.Digests.Sha256Sink;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** netkit's FTP client against Debian's vsftpd, plain text (LIST listings, no MLSD). */
class VsftpdInteropTest {
  private static final long SIXTY_FOUR_MIB = 64L * 1024 * 1024;
  private final FtpServers ftp = new FtpServers();
  private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();

  private FtpClient connect() throws IOException {
    FtpClient client = new FtpClient(FtpServers.options(trace).build());
    client.connect(ftp.vsftpd());
    return client;
  }

  @Test
  void uploadAndDownloadOf64MiBKeepTheSha256(@TempDir Path dir) throws Exception {
    Path original = dir.resolve("original.bin");
    try (InputStream in = FtpServers.generated(SIXTY_FOUR_MIB, 64)) {
      Files.copy(in, original);
    }
    String name = FtpServers.uniqueName(".bin");
    Path back = dir.resolve("back.bin");
    AtomicLong lastProgress = new AtomicLong();
    try (FtpClient client = connect()) {
      assertEquals(SIXTY_FOUR_MIB, client.store(name, original, TransferListener.NONE));
      assertEquals(SIXTY_FOUR_MIB, client.size(name));
      assertEquals(SIXTY_FOUR_MIB, client.retrieve(name, back, (done, total) -> lastProgress.set(done)));
      client.delete(name);
    }
    assertEquals(SIXTY_FOUR_MIB, lastProgress.get());
    assertEquals(Digests.sha256(original), Digests.sha256(back));
  }

  @Test
  void listingParsesVsftpdsListOutput() throws Exception {
    String dirName = FtpServers.uniqueName("-dir");
    String fileName = FtpServers.uniqueName(".txt");
    try (FtpClient client = connect()) {
      client.makeDirectory(dirName);
      client.store(fileName, new java.io.ByteArrayInputStream("seven b".getBytes()));
      try {
        List<FtpEntry> entries = client.list("");
        FtpEntry dir = find(entries, dirName);
        FtpEntry file = find(entries, fileName);
        assertEquals(FtpEntry.Type.DIRECTORY, dir.type());
        assertEquals(FtpEntry.Type.FILE, file.type());
        assertEquals(7, file.size());
        assertEquals("rw-r--r--", file.permissions()); // vsftpd's local_umask=022
        assertTrue(file.knownModified().isPresent());
        assertTrue(client.names("").contains(fileName));
      } finally {
        client.delete(fileName);
        client.removeDirectory(dirName);
      }
    }
    assertTrue(trace.stream().anyMatch(e -> e.direction() == Direction.SENT && e.text().startsWith("LIST")));
  }

  @Test
  void renameThenDelete() throws Exception {
    String from = FtpServers.uniqueName(".a");
    String to = FtpServers.uniqueName(".b");
    try (FtpClient client = connect()) {
      client.store(from, new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}));
      client.rename(from, to);
      assertThrows(NetReplyException.class, () -> client.size(from));
      assertEquals(3, client.size(to));
      client.delete(to);
      NetReplyException gone = assertThrows(NetReplyException.class, () -> client.delete(to));
      assertEquals(550, gone.replyCode().orElseThrow());
    }
  }

  @Test
  void interruptedDownloadIsResumedWithRest(@TempDir Path dir) throws Exception {
    long length = 8L * 1024 * 1024;
    String name = FtpServers.uniqueName(".bin");
    Sha256Sink expected = new Sha256Sink();
    try (FtpClient client = connect()) {
      client.store(name, FtpServers.generated(length, 5));
    }
    FtpServers.generated(length, 5).transferTo(expected);
    Path local = dir.resolve("partial.bin");
    try {
      try (FtpClient client = connect();
          OutputStream file = Files.newOutputStream(local)) {
        OutputStream failing = new FilterOutputStream(file) {
          private long written;

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (written > length / 3) {
              throw new IOException("disk full (simulated)");
            }
            out.write(b, off, len);
            written += len;
          }
        };
        IOException local1 = assertThrows(IOException.class, () -> client.retrieve(name, failing));
        assertEquals("disk full (simulated)", local1.getMessage(), "the caller's own failure, unchanged");
        assertFalse(client.isConnected());
      }
      long have = Files.size(local);
      assertTrue(have > 0 && have < length, "partial: " + have);
      try (FtpClient client = connect()) {
        assertEquals(length - have, client.resume(name, local, TransferListener.NONE));
        client.delete(name);
      }
      assertEquals(expected.hex(), Digests.sha256(local));
      assertTrue(trace.stream().anyMatch(e -> e.text().equals("REST " + have)));
    } finally {
      try (FtpClient client = connect()) {
        client.raw("DELE", name); // whatever the outcome above
      }
    }
  }

  @Test
  void passwordIsMaskedInTheTrace() throws Exception {
    try (FtpClient client = connect()) {
      client.printDirectory();
    }
    String pass = ftp.credentials().password();
    assertTrue(trace.stream().anyMatch(e -> e.text().equals("PASS ****")));
    assertTrue(trace.stream().noneMatch(e -> e.text().contains(pass)));
  }

  @Test
  void plainConnectionIsNotSecureAndDefaultOptionsWork() throws Exception {
    try (FtpClient client = new FtpClient(NetOptions.defaults())) {
      client.connect(ftp.vsftpd());
      assertFalse(client.isSecure());
      assertEquals("/", client.printDirectory());
    }
  }

  private static FtpEntry find(List<FtpEntry> entries, String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + entries));
  }
}
