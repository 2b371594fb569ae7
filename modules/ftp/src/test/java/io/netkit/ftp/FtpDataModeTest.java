package io.netkit.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetTimeoutException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockftpserver.core.command.Command;
import org.mockftpserver.core.command.CommandHandler;
import org.mockftpserver.core.command.CommandNames;
import org.mockftpserver.core.command.StaticReplyCommandHandler;
import org.mockftpserver.core.session.Session;

/** Passive (EPSV, then PASV with its address ignored) and active data connections. */
class FtpDataModeTest {
  private static final byte[] CONTENT = "data over the data connection".getBytes(StandardCharsets.UTF_8);
  private final FtpTestSupport t = new FtpTestSupport();

  @AfterEach
  void stop() {
    t.server.stop();
  }

  @Test
  void passiveModeTriesEpsvFirst() throws Exception {
    t.server.file("/home/bob/d.txt", CONTENT);
    try (FtpClient ftp = t.connect()) {
      assertArrayEquals(CONTENT, fetch(ftp));
    }
    assertTrue(t.sent().contains("EPSV"), t.transcript());
    assertFalse(t.sent().contains("PASV"), t.transcript());
  }

  @Test
  void pasvAddressFromTheServerIsIgnoredInFavourOfTheControlConnection() throws Exception {
    t.server.file("/home/bob/d.txt", CONTENT);
    t.server.handler(CommandNames.EPSV, new StaticReplyCommandHandler(502, "EPSV not implemented"));
    // A PASV reply pointing at an address nobody listens on: following it would fail.
    t.server.handler(CommandNames.PASV, new SpoofedPasv());
    try (FtpClient ftp = t.connect()) {
      assertArrayEquals(CONTENT, fetch(ftp));
    }
    List<String> sent = t.sent();
    assertTrue(sent.indexOf("EPSV") >= 0 && sent.indexOf("EPSV") < sent.indexOf("PASV"), t.transcript());
  }

  @Test
  void activeModeHasTheServerConnectBack() throws Exception {
    t.server.file("/home/bob/d.txt", CONTENT);
    try (FtpClient ftp = t.connect(FtpOptions.builder().activeMode(true).build())) {
      assertArrayEquals(CONTENT, fetch(ftp));
    }
    assertTrue(t.sent().stream().anyMatch(l -> l.startsWith("PORT ")), t.transcript());
    assertFalse(t.sent().contains("EPSV"));
  }

  @Test
  void activeModeUploadToAServerThatStopsReadingTimesOutInsteadOfHanging() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    // The server opens the data connection back to us, says 150, and then never reads.
    t.server.handler(CommandNames.STOR, (command, session) -> {
      session.sendReply(150, "go ahead");
      session.openDataConnection();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) 'x');
        return len;
      }
    };
    FtpOptions active = FtpOptions.builder().activeMode(true).dataTimeout(Duration.ofMillis(400)).build();
    try (FtpClient ftp = t.connect(active)) {
      long start = System.nanoTime();
      assertThrows(NetTimeoutException.class, () -> ftp.store("never-read.bin", endless));
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5000);
    } finally {
      release.countDown();
    }
  }

  private static byte[] fetch(FtpClient ftp) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ftp.retrieve("d.txt", out);
    return out.toByteArray();
  }

  /** Opens a real passive port but advertises it on 10.9.8.7. */
  private static final class SpoofedPasv implements CommandHandler {
    @Override
    public void handleCommand(Command command, Session session) {
      int port = session.switchToPassiveMode();
      session.sendReply(227, "Entering Passive Mode (10,9,8,7," + (port >> 8) + "," + (port & 255) + ")");
    }
  }
}
