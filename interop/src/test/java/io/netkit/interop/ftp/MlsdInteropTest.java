package io.netkit.interop.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import io.netkit.ftp.FtpClient;
import io.netkit.ftp.FtpEntry;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Listing with MLSD against the script's pure-ftpd (FTP_MLSD_PORT), which lists MLST in FEAT. */
class MlsdInteropTest {
  private final FtpServers ftp = new FtpServers();
  private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();

  @Test
  void listingUsesMlsdWhenFeatOffersMlst() throws Exception {
    String dirName = FtpServers.uniqueName("-dir");
    String fileName = FtpServers.uniqueName(".txt");
    try (FtpClient client = new FtpClient(FtpServers.options(trace).build())) {
      client.connect(ftp.mlsd());
      client.makeDirectory(dirName);
      client.store(fileName, new ByteArrayInputStream("eleven byte".getBytes()));
      try {
        List<FtpEntry> entries = client.list("");
        FtpEntry file = entries.stream().filter(e -> e.name().equals(fileName)).findFirst().orElseThrow();
        FtpEntry dir = entries.stream().filter(e -> e.name().equals(dirName)).findFirst().orElseThrow();
        assertEquals(FtpEntry.Type.FILE, file.type());
        assertEquals(11, file.size());
        assertTrue(file.knownModified().isPresent());
        assertEquals(FtpEntry.Type.DIRECTORY, dir.type());
        assertTrue(entries.stream().noneMatch(e -> e.name().equals(".") || e.name().equals("..")));
      } finally {
        client.delete(fileName);
        client.removeDirectory(dirName);
      }
    }
    assertTrue(
        trace.stream().anyMatch(e -> e.direction() == Direction.SENT && e.text().startsWith("MLSD")),
        trace.toString());
  }
}
