package io.netkit.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import io.netkit.testkit.Fault;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockftpserver.core.command.CommandNames;
import org.mockftpserver.core.command.StaticReplyCommandHandler;
import org.mockftpserver.stub.StubFtpServer;
import org.mockftpserver.stub.command.RetrCommandHandler;

/** Error paths: refusals, transfers cut short, hostile servers, TLS that cannot be had. */
class FtpFailureTest {
  private final FtpTestSupport t = new FtpTestSupport();

  @AfterEach
  void stop() {
    t.server.stop();
  }

  @ParameterizedTest
  @ValueSource(ints = {426, 451})
  void transferEndingWithAbortReplyIsTruncatedNotACompleteDownload(int code) throws Exception {
    RetrCommandHandler retr = new RetrCommandHandler();
    retr.setFileContents("partial data");
    retr.setFinalReplyCode(code);
    retr.setFinalReplyText("Transfer aborted");
    t.server.handler(CommandNames.RETR, retr);
    try (FtpClient ftp = t.connect()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      NetTruncatedException e =
          assertThrows(NetTruncatedException.class, () -> ftp.retrieve("any.txt", out));
      assertTrue(e.getMessage().contains(code + " Transfer aborted"), e.getMessage());
      assertEquals("partial data".length(), e.received());
      assertTrue(ftp.isConnected(), "the final reply leaves the session usable");
    }
  }

  @Test
  void dataConnectionClosingMidFileFailsAndClosesTheClient() throws Exception {
    t.server.file("/home/bob/big.bin", new byte[200_000]);
    try (FtpClient ftp = t.connect()) {
      t.server.fault(Fault.DISCONNECT_MID_RESPONSE);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      NetException e = assertThrows(NetException.class, () -> ftp.retrieve("big.bin", out));
      assertFalse(e instanceof NetReplyException, e.toString());
      assertTrue(out.size() < 200_000);
      assertFalse(ftp.isConnected());
    }
  }

  @Test
  void downloadToAFileThatBreaksOffNeverLeavesAPartialFileUnderItsName(@TempDir Path dir)
      throws Exception {
    byte[] content = new byte[200_000];
    new Random(3).nextBytes(content);
    t.server.file("/home/bob/big.bin", content);
    Path local = dir.resolve("big.bin");
    Files.writeString(local, "an older copy");
    try (FtpClient ftp = t.connect()) {
      t.server.fault(Fault.DISCONNECT_MID_RESPONSE);
      assertThrows(NetException.class, () -> ftp.retrieve("big.bin", local, TransferListener.NONE));
    }
    assertEquals("an older copy", Files.readString(local, StandardCharsets.UTF_8));
    Path part = dir.resolve("big.bin.part");
    long have = Files.size(part);
    assertTrue(have > 0 && have < content.length, "partial bytes kept aside: " + have);

    t.server.fault(Fault.NONE);
    try (FtpClient ftp = t.connect()) {
      assertEquals(content.length - have, ftp.resume("big.bin", local, TransferListener.NONE));
    }
    assertArrayEquals(content, Files.readAllBytes(local));
    assertFalse(Files.exists(part), "the part file became the file");
    assertTrue(t.sent().contains("REST " + have), t.transcript());
  }

  @Test
  void downloadToAFileRefusedWithAbortReplyLeavesNoFileUnderItsName(@TempDir Path dir)
      throws Exception {
    RetrCommandHandler retr = new RetrCommandHandler();
    retr.setFileContents("partial data");
    retr.setFinalReplyCode(426);
    t.server.handler(CommandNames.RETR, retr);
    Path local = dir.resolve("any.txt");
    try (FtpClient ftp = t.connect()) {
      assertThrows(NetTruncatedException.class, () -> ftp.retrieve("any.txt", local, TransferListener.NONE));
    }
    assertFalse(Files.exists(local));
  }

  @Test
  void fewerBytesThanSizeIsAnErrorEvenWhenTheServerSays226() throws Exception {
    t.server.file("/home/bob/short.bin", new byte[10]);
    t.server.handler(CommandNames.SIZE, new StaticReplyCommandHandler(213, "1000"));
    try (FtpClient ftp = t.connect()) {
      NetTruncatedException e =
          assertThrows(NetTruncatedException.class, () -> ftp.retrieve("short.bin", new ByteArrayOutputStream()));
      assertTrue(e.getMessage().contains("10 of 1000"), e.getMessage());
    }
  }

  @Test
  void dataConnectionThatStallsMidFileTimesOutWithinTheDataTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    t.server.handler(
        CommandNames.RETR,
        (command, session) -> {
          session.sendReply(150, "Opening BINARY data connection");
          session.openDataConnection();
          session.sendData(new byte[1000], 1000);
          try {
            release.await(5, TimeUnit.SECONDS); // then says nothing more on either connection
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          session.closeDataConnection();
        });
    FtpOptions quick = FtpOptions.builder().dataTimeout(Duration.ofMillis(300)).build();
    try (FtpClient ftp = t.connect(quick)) {
      long start = System.nanoTime();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThrows(NetTimeoutException.class, () -> ftp.retrieve("stalls.bin", out));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1800);
      assertFalse(ftp.isConnected());
    } finally {
      release.countDown();
    }
  }

  @Test
  void silentServerTimesOutWithinTheConfiguredTimeout() throws Exception {
    t.server.start();
    t.server.fault(Fault.STALL);
    NetOptions quick =
        t.options().toBuilder().connectTimeout(Duration.ofMillis(400)).readTimeout(Duration.ofMillis(400)).build();
    long start = System.nanoTime();
    try (FtpClient ftp = new FtpClient(quick)) {
      assertThrows(NetTimeoutException.class, () -> ftp.connect(t.endpoint()));
    }
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3000);
  }

  @Test
  void serverHangingUpAtOnceIsAProtocolFailure() throws Exception {
    t.server.start();
    t.server.fault(Fault.DISCONNECT_AT_START);
    try (FtpClient ftp = new FtpClient(t.options())) {
      NetException e = assertThrows(NetException.class, () -> ftp.connect(t.endpoint()));
      assertFalse(e instanceof NetTimeoutException, e.toString());
    }
  }

  @Test
  void garbageGreetingIsAProtocolFailure() throws Exception {
    t.server.start();
    t.server.fault(Fault.GARBAGE_REPLY);
    try (FtpClient ftp = new FtpClient(t.options())) {
      assertThrows(NetProtocolException.class, () -> ftp.connect(t.endpoint()));
    }
  }

  @Test
  void overlongGreetingIsRefused() throws Exception {
    t.server.start();
    t.server.fault(Fault.OVERLONG_LINE);
    try (FtpClient ftp = new FtpClient(t.options())) {
      NetProtocolException e = assertThrows(NetProtocolException.class, () -> ftp.connect(t.endpoint()));
      assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }
  }

  @Test
  void repliesDrippedOneByteAtATimeStillWork() throws Exception {
    t.server.dripDelay(Duration.ofMillis(1)).start();
    t.server.fault(Fault.DRIP);
    try (FtpClient ftp = new FtpClient(t.options())) {
      ftp.connect(t.endpoint());
      assertEquals(FtpTestSupport.HOME, ftp.printDirectory());
    }
  }

  @Test
  void loginRefusedByStubServerIsAnAuthenticationFailure() throws Exception {
    StubFtpServer stub = new LoopbackStubFtpServer();
    stub.setServerControlPort(0);
    stub.setCommandHandler(CommandNames.PASS, new StaticReplyCommandHandler(530, "Login incorrect."));
    stub.start();
    try (FtpClient ftp = new FtpClient(t.options())) {
      NetAuthenticationException e =
          assertThrows(
              NetAuthenticationException.class,
              () ->
                  ftp.connect(
                      io.netkit.core.Endpoint.of("127.0.0.1", stub.getServerControlPort())
                          .withCredentials(new Credentials("eve", "pw"))));
      assertEquals(530, e.replyCode().orElseThrow());
      assertTrue(e.getMessage().contains("Login incorrect."), e.getMessage());
    } finally {
      stub.stop();
    }
  }

  @Test
  void startTlsRequiredNeverFallsBackToPlainText() throws Exception {
    t.server.start(); // MockFtpServer has no AUTH TLS: it answers 502
    NetOptions required = t.options().toBuilder().tlsMode(TlsMode.STARTTLS_REQUIRED).build();
    try (FtpClient ftp = new FtpClient(required)) {
      NetTlsException e = assertThrows(NetTlsException.class, () -> ftp.connect(t.endpoint()));
      assertTrue(e.getMessage().contains("AUTH TLS"), e.getMessage());
      assertFalse(ftp.isConnected());
    }
    assertTrue(t.sent().contains("AUTH TLS"));
    assertTrue(t.sent().stream().noneMatch(l -> l.startsWith("USER") || l.startsWith("PASS")), t.transcript());
  }

  @Test
  void startTlsIfOfferedContinuesInPlainTextWhenRefused() throws Exception {
    t.server.start();
    NetOptions optional = t.options().toBuilder().tlsMode(TlsMode.STARTTLS_IF_OFFERED).build();
    try (FtpClient ftp = new FtpClient(optional)) {
      ftp.connect(t.endpoint());
      assertFalse(ftp.isSecure());
      assertEquals(FtpTestSupport.HOME, ftp.printDirectory());
    }
    assertTrue(t.sent().contains("AUTH TLS"));
  }

  @Test
  void connectionRefusedIsAConnectFailure() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (FtpClient ftp = new FtpClient(t.options())) {
      NetException e = assertThrows(NetException.class, () -> ftp.connect(io.netkit.core.Endpoint.of("127.0.0.1", port)));
      assertInstanceOf(io.netkit.core.NetConnectException.class, e, e.toString());
    }
  }

  /** StubFtpServer listening on loopback only. */
  static final class LoopbackStubFtpServer extends StubFtpServer {
    LoopbackStubFtpServer() {
      serverSocketFactory = p -> new ServerSocket(p, 50, InetAddress.getLoopbackAddress());
    }
  }

  @Test
  void missingFileIsNotFoundNamingAnItem() throws Exception {
    try (FtpClient ftp = t.connect()) {
      io.netkit.core.NetNotFoundException e =
          assertThrows(
              io.netkit.core.NetNotFoundException.class,
              () -> ftp.retrieve("no-such-file.txt", new ByteArrayOutputStream()));
      assertEquals(io.netkit.core.NetNotFoundException.Target.ITEM, e.target());
      assertEquals(550, e.replyCode().orElseThrow());
      assertTrue(ftp.isConnected(), "a refusal leaves the session usable");
    }
  }

  @Test
  void missingDirectoryIsNotFoundNamingAContainer() throws Exception {
    try (FtpClient ftp = t.connect()) {
      io.netkit.core.NetNotFoundException e =
          assertThrows(
              io.netkit.core.NetNotFoundException.class, () -> ftp.changeDirectory("no-such-dir"));
      assertEquals(io.netkit.core.NetNotFoundException.Target.CONTAINER, e.target());
    }
  }

  @Test
  void binaryDownloadTracesItsDataConnectionAsOneSummaryLine() throws Exception {
    byte[] data = new byte[65536];
    new Random(3).nextBytes(data);
    t.server.file("/home/bob/data.bin", data);
    try (FtpClient ftp = t.connect()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ftp.retrieve("data.bin", out);
      assertArrayEquals(data, out.toByteArray());
    }
    java.util.List<String> dataLines =
        t.trace.stream()
            .filter(e -> e.connection().startsWith("ftp-data#"))
            .filter(e -> e.direction() != io.netkit.core.trace.Direction.NOTE)
            .map(io.netkit.core.trace.TraceEvent::text)
            .toList();
    assertEquals(java.util.List.of("<<< 65536 bytes of data >>>"), dataLines, t.transcript());
    assertTrue(t.sent().contains("RETR data.bin"), t.transcript());
  }
}
