package io.netkit.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.TransferListener;
import io.netkit.testkit.ftp.LyingFtpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands a retrieve sends, and where its expected size comes from: SIZE before RETR until
 * the server announces the size in RETR's 150 reply (as vsftpd does), then no SIZE, the 150's
 * count being checked as SIZE's was (issue 16's guarantee: complete only with a 2xx and at least
 * that many bytes).
 */
class FtpRetrieveSizeTest {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
  private static final String ANNOUNCING_5 =
      "150 Opening BINARY mode data connection for f.txt (5 bytes).\r\n";

  LyingFtpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aServerThatNeverAnnouncesTheSizeIsAskedSizeBeforeEveryRetrieve() throws Exception {
    server = new LyingFtpServer();
    server.answer("SIZE", "213 5\r\n").content(HELLO);
    try (FtpClient ftp = connect()) {
      int before = server.received().size();
      retrieveHello(ftp);
      retrieveHello(ftp);
      assertEquals(List.of("SIZE", "EPSV", "RETR", "SIZE", "EPSV", "RETR"), verbsSince(before));
    }
  }

  @Test
  void onceA150AnnouncedTheSizeLaterRetrievesSendNoSize() throws Exception {
    server = new LyingFtpServer();
    server.answer("SIZE", "213 5\r\n").content(HELLO);
    server.preliminary(ANNOUNCING_5);
    try (FtpClient ftp = connect()) {
      int before = server.received().size();
      retrieveHello(ftp);
      retrieveHello(ftp);
      retrieveHello(ftp);
      assertEquals(
          List.of("SIZE", "EPSV", "RETR", "EPSV", "RETR", "EPSV", "RETR"), verbsSince(before));
    }
  }

  @Test
  void fewerBytesThanThe150AnnouncedIsTruncatedEvenAfter226AndTheSessionStaysUsable()
      throws Exception {
    server = new LyingFtpServer();
    server.answer("SIZE", "213 5\r\n").content(HELLO);
    server.preliminary(ANNOUNCING_5);
    try (FtpClient ftp = connect()) {
      retrieveHello(ftp);
      server.preliminary("150 Opening BINARY mode data connection for f.bin (1000 bytes).\r\n");
      server.content(new byte[10]);
      int before = server.received().size();
      NetTruncatedException e = assertThrows(
          NetTruncatedException.class, () -> ftp.retrieve("f.bin", new ByteArrayOutputStream()));
      assertEquals(1000, e.expected());
      assertEquals(10, e.received());
      assertTrue(e.getMessage().contains("10 of 1000"), e.getMessage());
      assertEquals(List.of("EPSV", "RETR"), verbsSince(before), "no SIZE was needed");
      assertEquals("/", ftp.printDirectory());
    }
  }

  @Test
  void a150WithoutTheSizeAfterOneWithItHasSizeAskedAfterTheTransferAndChecked() throws Exception {
    server = new LyingFtpServer();
    server.answer("SIZE", "213 5\r\n").content(HELLO);
    server.preliminary(ANNOUNCING_5);
    try (FtpClient ftp = connect()) {
      retrieveHello(ftp);
      server.preliminary("150 here it comes\r\n");
      server.answer("SIZE", "213 1000\r\n").content(new byte[10]);
      int before = server.received().size();
      NetTruncatedException e = assertThrows(
          NetTruncatedException.class, () -> ftp.retrieve("f.bin", new ByteArrayOutputStream()));
      assertEquals(1000, e.expected());
      assertEquals(10, e.received());
      assertEquals(List.of("EPSV", "RETR", "SIZE"), verbsSince(before));
      assertEquals("/", ftp.printDirectory());
    }
  }

  @Test
  void aResumedRetrieveAsksSizeFirstEvenAfterA150AnnouncedIt() throws Exception {
    server = new LyingFtpServer();
    server.answer("SIZE", "213 5\r\n").content(HELLO);
    server.preliminary(ANNOUNCING_5);
    try (FtpClient ftp = connect()) {
      retrieveHello(ftp);
      server.answer("REST", "350 Restarting at 2\r\n").content("llo".getBytes(StandardCharsets.US_ASCII));
      int before = server.received().size();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertEquals(3, ftp.retrieve("f.txt", out, 2, TransferListener.NONE));
      assertEquals(List.of("SIZE", "EPSV", "REST", "RETR"), verbsSince(before));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"150 here (99999999999999999999 bytes)\r\n", "150 here (12a bytes)\r\n",
      "150 here ( bytes)\r\n", "150 here (-5 bytes)\r\n", "150 here 5 bytes\r\n"})
  void a150WithNoUsableCountIsNotTrustedAndSizeStaysAskedFirst(String preliminary)
      throws Exception {
    server = new LyingFtpServer();
    server.answer("SIZE", "213 5\r\n").content(HELLO);
    server.preliminary(preliminary);
    try (FtpClient ftp = connect()) {
      int before = server.received().size();
      retrieveHello(ftp);
      retrieveHello(ftp);
      assertEquals(List.of("SIZE", "EPSV", "RETR", "SIZE", "EPSV", "RETR"), verbsSince(before));
    }
  }

  private static void retrieveHello(FtpClient ftp) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(5, ftp.retrieve("f.txt", out));
    assertArrayEquals(HELLO, out.toByteArray());
  }

  private List<String> verbsSince(int index) {
    List<String> all = server.received();
    return all.subList(index, all.size()).stream()
        .map(line -> line.split(" ", 2)[0].toUpperCase(Locale.ROOT))
        .toList();
  }

  private FtpClient connect() throws IOException {
    FtpClient ftp = new FtpClient(NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(20))
        .build());
    ftp.connect(server.endpoint().withCredentials(new Credentials("bob", "pw")));
    return ftp;
  }
}
