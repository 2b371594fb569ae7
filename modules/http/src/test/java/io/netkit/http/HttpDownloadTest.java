package io.netkit.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetException;
import io.netkit.core.NetReplyException;
import io.netkit.core.TransferListener;
import io.netkit.testkit.Fault;
import io.netkit.testkit.http.HttpMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpDownloadTest {
  @TempDir Path served;
  @TempDir Path local;
  private final HttpTestSupport support = new HttpTestSupport();
  private final byte[] content = new byte[300_000];
  private HttpMockServer server;
  private HttpClient http;

  @BeforeEach
  void start() throws Exception {
    new Random(7).nextBytes(content);
    Files.write(served.resolve("data.bin"), content);
    server = new HttpMockServer(served).writable(true);
    server.start();
    http = new HttpClient(support.options());
    http.connect(server.endpoint());
  }

  @AfterEach
  void stop() {
    http.close();
    server.stop();
  }

  @Test
  void aDownloadGoesThroughAPartFileAndReportsProgress() throws Exception {
    Path file = local.resolve("data.bin");
    AtomicLong last = new AtomicLong();
    long n = http.download("/data.bin", file, (done, total) -> last.set(done));
    assertEquals(content.length, n);
    assertEquals(content.length, last.get());
    assertArrayEquals(content, Files.readAllBytes(file));
    assertFalse(Files.exists(local.resolve("data.bin.part")));
    assertFalse(Files.exists(local.resolve("data.bin.part.validator")));
  }

  @Test
  void aFailedDownloadLeavesThePartFileAndResumeCompletesItWithRange() throws Exception {
    Path file = local.resolve("data.bin");
    server.fault(Fault.DISCONNECT_MID_RESPONSE);
    assertThrows(NetException.class, () -> http.download("/data.bin", file, TransferListener.NONE));
    assertFalse(Files.exists(file));
    long have = Files.size(local.resolve("data.bin.part"));
    assertTrue(have < content.length);
    server.fault(Fault.NONE);
    while (server.takeRequest(1).isPresent()) {
      // drop the first request
    }
    long moved = http.resume("/data.bin", file, TransferListener.NONE);
    assertEquals(content.length - have, moved);
    assertArrayEquals(content, Files.readAllBytes(file));
    var resumed = server.takeRequest(5).orElseThrow();
    assertEquals("bytes=" + have + "-", resumed.getHeaders().get("Range"));
    assertTrue(resumed.getHeaders().get("If-Range").startsWith("\""));
  }

  @Test
  void aFileChangedOnTheServerIsFetchedWholeNotSpliced() throws Exception {
    Path file = local.resolve("data.bin");
    server.fault(Fault.DISCONNECT_MID_RESPONSE);
    assertThrows(NetException.class, () -> http.download("/data.bin", file, TransferListener.NONE));
    server.fault(Fault.NONE);
    byte[] changed = Arrays.copyOf(content, content.length + 10);
    changed[0] ^= 1;
    Files.write(served.resolve("data.bin"), changed);
    Files.setLastModifiedTime(served.resolve("data.bin"), FileTime.from(Instant.now().plusSeconds(60)));
    http.resume("/data.bin", file, TransferListener.NONE);
    assertArrayEquals(changed, Files.readAllBytes(file));
  }

  @Test
  void aRangeOfAnotherVersionIsRefusedNotSpliced() throws Exception {
    Path file = local.resolve("v.bin");
    Files.write(local.resolve("v.bin.part"), Arrays.copyOf(content, 1000));
    Files.writeString(local.resolve("v.bin.part.validator"), "\"version-1\"");
    // A server that ignores If-Range and answers a range of what it has now.
    server.route("/v.bin", r -> new mockwebserver3.MockResponse.Builder().code(206)
        .addHeader("ETag", "\"version-2\"")
        .addHeader("Content-Range", "bytes 1000-1009/1010").body("0123456789").build());
    NetException e = assertThrows(NetException.class, () -> http.resume("/v.bin", file, TransferListener.NONE));
    assertTrue(e.getMessage().contains("not spliced"), e.getMessage());
    assertFalse(Files.exists(file));
    assertEquals(1000, Files.size(local.resolve("v.bin.part")));
  }

  @Test
  void resumingACompleteFileMovesNothing() throws Exception {
    Path file = local.resolve("data.bin");
    Files.write(file, content);
    assertEquals(0, http.resume("/data.bin", file, TransferListener.NONE));
    assertArrayEquals(content, Files.readAllBytes(file));
  }

  @Test
  void aDownloadOfAMissingFileFailsWithTheStatusAndWritesNothing() {
    Path file = local.resolve("none");
    NetReplyException e = assertThrows(NetReplyException.class,
        () -> http.download("/none", file, TransferListener.NONE));
    assertEquals(404, e.replyCode().getAsInt());
    assertFalse(Files.exists(local.resolve("none.part")));
  }

  @Test
  void anUploadFromAFileIsStoredAndReadBack() throws Exception {
    Path file = local.resolve("up.bin");
    Files.write(file, content);
    assertEquals(201, http.upload("/dir/up.bin", file, TransferListener.NONE));
    assertArrayEquals(content, Files.readAllBytes(served.resolve("dir/up.bin")));
    try (HttpResponse r = http.delete("/dir/up.bin")) {
      assertEquals(204, r.status());
    }
    assertFalse(Files.exists(served.resolve("dir/up.bin")));
  }

  @Test
  void anUploadTheServerRefusesIsAReplyException() throws Exception {
    server.writable(false);
    NetReplyException e = assertThrows(NetReplyException.class,
        () -> http.upload("/x", new java.io.ByteArrayInputStream(content), content.length, TransferListener.NONE));
    assertEquals(405, e.replyCode().getAsInt());
  }
}
