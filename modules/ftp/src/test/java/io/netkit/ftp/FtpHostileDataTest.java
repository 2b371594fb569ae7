package io.netkit.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetException;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.TransferListener;
import io.netkit.core.trace.TraceEvent;
import io.netkit.testkit.ftp.LyingFtpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Servers that lie about lengths, data connections and the end of a transfer, through the public
 * API and the real Commons Net engine. (PASV addresses: {@link FtpPasvAddressTest}.)
 */
class FtpHostileDataTest {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
  /** Far below the 20 s read timeout: a pass means the check fired, not a timeout. */
  static final Duration PROMPTLY = Duration.ofSeconds(4);

  final List<TraceEvent> trace = new CopyOnWriteArrayList<>();
  LyingFtpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"213 \r\n", "213 -5\r\n", "213 99999999999999999999\r\n", "213 12abc\r\n",
      "213 5 bytes\r\n", "213-five\r\n213 5\r\n", "500 SIZE not understood\r\n"})
  void sizeAnswersThatAreNoUsableNumberAreIgnoredAndTheDownloadCompletes(String size)
      throws Exception {
    server = lying();
    server.answer("SIZE", size).content(HELLO);
    try (FtpClient ftp = connect(options())) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertEquals(5, ftp.retrieve("f.txt", out));
      assertArrayEquals(HELLO, out.toByteArray());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"213 \r\n", "213 -5\r\n", "213 99999999999999999999\r\n", "213 12abc\r\n",
      "213\r\n"})
  void aSizeRequestAnsweredWithNoUsableNumberIsAProtocolError(String size) throws Exception {
    server = lying();
    server.answer("SIZE", size);
    try (FtpClient ftp = connect(options())) {
      NetProtocolException e = failsPromptly(NetProtocolException.class, () -> ftp.size("f.txt"));
      assertTrue(e.getMessage().contains("SIZE") || e.getMessage().contains("reply"), e.getMessage());
    }
  }

  @Test
  void fewerBytesThanSizeAnnouncedIsTruncatedEvenAfter226AndTheSessionStaysUsable()
      throws Exception {
    server = lying();
    server.answer("SIZE", "213 1000\r\n").content(new byte[10]);
    try (FtpClient ftp = connect(options())) {
      NetTruncatedException e = failsPromptly(
          NetTruncatedException.class, () -> ftp.retrieve("f.bin", new ByteArrayOutputStream()));
      assertEquals(1000, e.expected());
      assertEquals(10, e.received());
      assertTrue(e.getMessage().contains("10 of 1000"), e.getMessage());
      assertTrue(ftp.isConnected(), "the 226 kept the control connection in step");
      assertEquals("/", ftp.printDirectory());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"426 Connection closed; transfer aborted\r\n", "451 Local error\r\n"})
  void aTransferTheServerEndsWithAnAbortReplyIsTruncated(String abort) throws Exception {
    server = lying();
    server.answer("SIZE", "213 5\r\n").content(HELLO);
    server.finalReply(abort);
    try (FtpClient ftp = connect(options())) {
      NetTruncatedException e = failsPromptly(
          NetTruncatedException.class, () -> ftp.retrieve("f.txt", new ByteArrayOutputStream()));
      assertTrue(e.getMessage().contains(abort.substring(0, 3)), e.getMessage());
      assertEquals(5, e.received());
      assertTrue(ftp.isConnected(), "the final reply kept the control connection in step");
    }
  }

  @Test
  void allTheBytesButNoFinalReplyBeforeTheControlConnectionClosesIsTruncated() throws Exception {
    server = lying();
    server.answer("SIZE", "213 5\r\n").content(HELLO);
    server.finalReply(null);
    try (FtpClient ftp = connect(options())) {
      NetTruncatedException e = failsPromptly(
          NetTruncatedException.class, () -> ftp.retrieve("f.txt", new ByteArrayOutputStream()));
      assertEquals(5, e.expected());
      assertEquals(5, e.received());
      assertTrue(e.getMessage().contains("never confirmed"), e.getMessage());
      assertFalse(ftp.isConnected());
    }
  }

  @Test
  void aFinalReplyThatNeverComesIsTruncatedWithinTheReadTimeout() throws Exception {
    server = lying();
    server.content(HELLO);
    server.finalReply(""); // says nothing more, keeps the connection open
    NetOptions quick = options().toBuilder().readTimeout(Duration.ofMillis(800)).build();
    try (FtpClient ftp = connect(quick)) {
      NetTruncatedException e = failsPromptly(
          NetTruncatedException.class, () -> ftp.retrieve("f.txt", new ByteArrayOutputStream()));
      assertInstanceOf(NetTimeoutException.class, e.getCause(), e.toString());
      assertEquals(-1, e.expected());
      assertEquals(5, e.received());
    }
  }

  @Test
  void aDownloadToAFileThatIsCutShortNeverAppearsUnderTheFilesName(@TempDir Path dir)
      throws Exception {
    server = lying();
    server.answer("SIZE", "213 1000\r\n").content(new byte[10]);
    Path local = dir.resolve("f.bin");
    try (FtpClient ftp = connect(options())) {
      failsPromptly(NetTruncatedException.class,
          () -> ftp.retrieve("f.bin", local, TransferListener.NONE));
    }
    assertFalse(Files.exists(local));
    assertEquals(10, Files.size(dir.resolve("f.bin.part")), "kept aside for resume");
  }

  @Test
  void aPassivePortWhereNothingListensIsARefusedConnectionPromptly() throws Exception {
    server = lying();
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      server.advertisedPort(probe.getLocalPort());
    }
    try (FtpClient ftp = connect(options())) {
      NetConnectException e = failsPromptly(
          NetConnectException.class, () -> ftp.retrieve("f.txt", new ByteArrayOutputStream()));
      assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }
  }

  @Test
  void aPassivePortThatAcceptsButNeverSendsTimesOutWithinTheDataTimeout() throws Exception {
    server = lying();
    server.dataSilent(true);
    FtpOptions quick = FtpOptions.builder().dataTimeout(Duration.ofMillis(500)).build();
    try (FtpClient ftp = new FtpClient(options(), quick)) {
      ftp.connect(login());
      failsPromptly(NetTimeoutException.class, () -> ftp.retrieve("f.txt", new ByteArrayOutputStream()));
      assertFalse(ftp.isConnected());
    }
  }

  @Test
  void noPreliminaryReplyToRetrTimesOutWithinTheReadTimeout() throws Exception {
    server = lying();
    server.preliminary(null);
    NetOptions quick = options().toBuilder().readTimeout(Duration.ofMillis(800)).build();
    try (FtpClient ftp = connect(quick)) {
      failsPromptly(NetTimeoutException.class, () -> ftp.retrieve("f.txt", new ByteArrayOutputStream()));
    }
  }

  @Test
  void anActiveModeDataConnectionFromAnotherAddressIsRefusedAndNothingIsWritten()
      throws Exception {
    server = lying();
    server.content(HELLO);
    server.activeFromElsewhere(true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FtpClient ftp = new FtpClient(options(), FtpOptions.builder().activeMode(true).build())) {
      ftp.connect(login());
      NetProtocolException e =
          failsPromptly(NetProtocolException.class, () -> ftp.retrieve("f.txt", out));
      assertTrue(e.getMessage().contains("127.0.0.2"), e.getMessage());
    }
    assertEquals(0, out.size());
    // The server's thread records the connection after its connect returns, which may be after
    // the client has already refused it: wait for the record, not for a guess.
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (server.dataPeers().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(List.of("127.0.0.2"),
        server.dataPeers().stream().map(a -> a.getHostAddress()).toList(), "the server did connect");
  }

  @Test
  void anActiveModeDataConnectionFromTheServersOwnAddressIsAccepted() throws Exception {
    server = lying();
    server.content(HELLO);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FtpClient ftp = new FtpClient(options(), FtpOptions.builder().activeMode(true).build())) {
      ftp.connect(login());
      assertEquals(5, ftp.retrieve("f.txt", out));
    }
    assertArrayEquals(HELLO, out.toByteArray());
  }

  @Test
  void aGreetingCutInsideItsMultiLineReplyIsTruncated() throws Exception {
    server = lying();
    server.greeting("220-welcome\r\n220-to the lying server\r\n");
    server.closeAfter("greeting");
    NetTruncatedException e = failsPromptly(NetTruncatedException.class, () -> connect(options()));
    assertTrue(e.getMessage().contains("multi-line 220 reply"), e.getMessage());
  }

  @Test
  void aFeatureListCutInsideItsMultiLineReplyIsTruncated() throws Exception {
    server = lying();
    server.answer("FEAT", "211-Features:\r\n MLST size*;type*;\r\n UTF8\r\n").closeAfter("FEAT");
    try (FtpClient ftp = connect(options())) {
      NetTruncatedException e = failsPromptly(NetTruncatedException.class, () -> ftp.list(""));
      assertTrue(e.getMessage().contains("multi-line 211 reply (3 lines"), e.getMessage());
      assertFalse(ftp.isConnected());
    }
  }

  @Test
  void aListingTheServerEndsWith426IsTruncatedNotAShortListing() throws Exception {
    server = lying();
    server.content("-rw-r--r-- 1 u g 5 Jan 01 2020 a.txt\r\n".getBytes(StandardCharsets.US_ASCII));
    server.finalReply("426 Transfer aborted\r\n");
    try (FtpClient ftp = connect(options())) {
      NetTruncatedException e = failsPromptly(NetTruncatedException.class, () -> ftp.list(""));
      assertTrue(e.getMessage().contains("426"), e.getMessage());
      assertTrue(ftp.isConnected(), "the final reply kept the control connection in step");
      assertEquals("/", ftp.printDirectory());
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aListingWithoutItsFinalReplyIsTruncated(boolean namesOnly) throws Exception {
    server = lying();
    server.content("-rw-r--r-- 1 u g 5 Jan 01 2020 a.txt\r\n".getBytes(StandardCharsets.US_ASCII));
    server.finalReply(null);
    try (FtpClient ftp = connect(options())) {
      NetTruncatedException e = failsPromptly(
          NetTruncatedException.class, () -> {
            if (namesOnly) {
              ftp.names("");
            } else {
              ftp.list("");
            }
          });
      assertTrue(e.getMessage().contains("never confirmed"), e.getMessage());
      assertFalse(ftp.isConnected());
    }
  }

  @Test
  void aListingRefusedBeforeAnyDataIsStillNotFound() throws Exception {
    server = lying();
    server.preliminary("550 No such directory\r\n");
    try (FtpClient ftp = connect(options())) {
      NetNotFoundException e = failsPromptly(NetNotFoundException.class, () -> ftp.list("nope"));
      assertEquals(550, e.replyCode().orElseThrow());
      assertTrue(ftp.isConnected());
    }
  }

  LyingFtpServer lying() throws IOException {
    return new LyingFtpServer();
  }

  io.netkit.core.Endpoint login() {
    return server.endpoint().withCredentials(new Credentials("bob", "pw"));
  }

  FtpClient connect(NetOptions options) throws IOException {
    FtpClient ftp = new FtpClient(options);
    try {
      ftp.connect(login());
      return ftp;
    } catch (IOException | RuntimeException e) {
      assertFalse(ftp.isConnected(), "a failed connect leaves nothing open");
      ftp.close();
      throw e;
    }
  }

  NetOptions options() {
    return NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(20))
        .trace(trace::add)
        .build();
  }

  /** Runs {@code action}, which must fail with {@code type} within {@link #PROMPTLY}. */
  static <T extends NetException> T failsPromptly(Class<T> type, Executable action) {
    long start = System.nanoTime();
    T e = assertThrows(type, action);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(PROMPTLY) < 0, "took " + took + ": " + e);
    return e;
  }
}
