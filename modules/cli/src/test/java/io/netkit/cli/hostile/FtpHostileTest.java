package io.netkit.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.cli.Cli;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.Netkit;
import io.netkit.core.Protocol;
import io.netkit.testkit.ftp.LyingFtpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FTP against hostile servers and hostile input: the shared contract (control connection), and
 * FTP's own lies about lengths and data connections, each through the API and through {@code
 * netkit get/ls} (a download that is not complete exits 18 and leaves no file at {@code -o}).
 */
class FtpHostileTest extends HostileContract {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
  private static final String LISTING = "-rw-r--r-- 1 u g 5 Jan 01 2020 a.txt\r\n";
  @Override
  Protocol protocol() {
    return Protocol.FTP;
  }

  @Override
  String path() {
    return "/file.txt";
  }

  @Override
  String greeting() {
    return "220 hostile\r\n";
  }

  @Override
  String floodLine() {
    return "220-welcome, and welcome again\r\n";
  }

  @Override
  String unparsable() {
    return "abc hello\r\n";
  }

  @Override
  String okLine() {
    return "230 fine\r\n";
  }

  @Override
  Starttls starttls() {
    return new Starttls() {
      @Override
      public boolean isStarttls(String line) {
        return line.equalsIgnoreCase("AUTH TLS") || line.equalsIgnoreCase("AUTH SSL");
      }

      @Override
      public String goAhead(String line) {
        return "234 go ahead\r\n";
      }

      @Override
      public String refusal(String line) {
        return "534 not now\r\n";
      }

      @Override
      public String answer(String line) {
        return line.equalsIgnoreCase("FEAT") ? "211-features\r\n AUTH TLS\r\n211 end\r\n" : "200 ok\r\n";
      }
    };
  }

  @Test
  void aDownloadShorterThanSizeExits18AndLeavesNoFile(@TempDir Path dir) throws Exception {
    try (LyingFtpServer ftp = new LyingFtpServer()) {
      ftp.answer("SIZE", "213 1000\r\n");
      ftp.content(new byte[10]);
      NetTruncatedException e = assertInstanceOf(NetTruncatedException.class, apiFetchFails(ftp));
      assertEquals(1000, e.expected());
      assertEquals(10, e.received());
      assertPartialAndNoFile(ftp, dir);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"426 Transfer aborted\r\n", "451 Local error\r\n"})
  void aDownloadTheServerEndsWithAnAbortReplyExits18(String abort, @TempDir Path dir)
      throws Exception {
    try (LyingFtpServer ftp = new LyingFtpServer()) {
      ftp.content(HELLO);
      ftp.finalReply(abort);
      assertInstanceOf(NetTruncatedException.class, apiFetchFails(ftp));
      assertPartialAndNoFile(ftp, dir);
    }
  }

  @Test
  void aDownloadWhoseFinalReplyNeverComesExits18(@TempDir Path dir) throws Exception {
    try (LyingFtpServer ftp = new LyingFtpServer()) {
      ftp.answer("SIZE", "213 5\r\n");
      ftp.content(HELLO);
      ftp.finalReply(null); // the control connection closes after the data, without 226
      assertInstanceOf(NetTruncatedException.class, apiFetchFails(ftp));
      assertPartialAndNoFile(ftp, dir);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"213 99999999999999999999\r\n", "213 -5\r\n", "213 \r\n", "213 5x\r\n"})
  void sizeAnswersThatAreNoUsableNumberAreIgnored(String size, @TempDir Path dir)
      throws Exception {
    try (LyingFtpServer ftp = new LyingFtpServer()) {
      ftp.answer("SIZE", size);
      ftp.content(HELLO);
      Path out = dir.resolve("out.txt");
      Cli.Result r = run("get", ftp.url("/file.txt"), "-o", out.toString());
      assertEquals(0, r.code(), r::toString);
      assertArrayEquals(HELLO, Files.readAllBytes(out));
    }
  }

  @Test
  void aPassivePortWhereNothingListensExits7Promptly(@TempDir Path dir) throws Exception {
    try (LyingFtpServer ftp = new LyingFtpServer(); ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ftp.advertisedPort(probe.getLocalPort());
      probe.close();
      assertInstanceOf(NetConnectException.class, apiFetchFails(ftp));
      long start = System.nanoTime();
      Cli.Result r = getFails(ftp, dir);
      assertEquals(7, r.code(), r::toString);
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2500, r::toString);
    }
  }

  @Test
  void aPassivePortThatNeverSendsExits28(@TempDir Path dir) throws Exception {
    try (LyingFtpServer ftp = new LyingFtpServer()) {
      ftp.dataSilent(true);
      assertInstanceOf(NetTimeoutException.class, apiFetchFails(ftp));
      assertEquals(28, getFails(ftp, dir).code());
    }
  }

  @Test
  void noPreliminaryReplyToRetrExits28(@TempDir Path dir) throws Exception {
    try (LyingFtpServer ftp = new LyingFtpServer()) {
      ftp.preliminary(null);
      assertInstanceOf(NetTimeoutException.class, apiFetchFails(ftp));
      assertEquals(28, getFails(ftp, dir).code());
    }
  }

  /**
   * The PASV address is ignored: the data connection goes to 127.0.0.1, where the server listens.
   * 127.0.0.2 first, where nothing listens (following it would fail); only once that passed,
   * 10.1.2.3, so not even a broken client is sent to a non-loopback address by this test.
   */
  @Test
  void aPasvReplyNamingAnotherHostIsIgnoredForTheControlHost(@TempDir Path dir) throws Exception {
    for (String host : List.of("127,0,0,2", "10,1,2,3")) {
      try (LyingFtpServer ftp = new LyingFtpServer()) {
        ftp.answer("EPSV", "502 no EPSV\r\n");
        ftp.pasvHost(host);
        ftp.content(HELLO);
        Path out = dir.resolve(host + ".txt");
        Cli.Result r = run("get", ftp.url("/file.txt"), "-o", out.toString());
        assertEquals(0, r.code(), () -> host + ": " + r);
        assertArrayEquals(HELLO, Files.readAllBytes(out));
        assertTrue(ftp.received().contains("PASV"), ftp.received()::toString);
        assertEquals(1, ftp.dataPeers().size(), "one data connection, accepted on 127.0.0.1");
      }
    }
  }

  @Test
  void aGreetingCutInsideItsMultiLineReplyExits18(@TempDir Path dir) throws Exception {
    try (LyingFtpServer ftp = new LyingFtpServer()) {
      ftp.greeting("220-welcome\r\n220-to the lying server\r\n");
      ftp.closeAfter("greeting");
      assertInstanceOf(NetTruncatedException.class, apiFetchFails(ftp));
      Cli.Result r = getFails(ftp, dir);
      assertEquals(18, r.code(), r::toString);
      assertTrue(r.stderr().contains("multi-line 220 reply"), r::toString);
    }
  }

  @Test
  void aFeatureListCutByACloseFailsTheListingWith18() throws Exception {
    try (LyingFtpServer ftp = new LyingFtpServer()) {
      ftp.answer("FEAT", "211-Features:\r\n MLST size*;type*;\r\n");
      ftp.closeAfter("FEAT");
      assertInstanceOf(NetTruncatedException.class, apiListFails(ftp));
      Cli.Result r = lsFails(ftp);
      assertEquals(18, r.code(), r::toString);
      assertTrue(r.stderr().contains("multi-line 211 reply"), r::toString);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aListingCutShortExits18(boolean byAbortReply) throws Exception {
    try (LyingFtpServer ftp = new LyingFtpServer()) {
      ftp.content(LISTING.getBytes(StandardCharsets.US_ASCII));
      ftp.finalReply(byAbortReply ? "426 Transfer aborted\r\n" : null);
      assertInstanceOf(NetTruncatedException.class, apiListFails(ftp));
      Cli.Result r = lsFails(ftp);
      assertEquals(18, r.code(), r::toString);
    }
  }

  private Throwable apiFetchFails(LyingFtpServer ftp) {
    return apiFails(ftp.url("/file.txt"), options().build());
  }

  private Throwable apiListFails(LyingFtpServer ftp) {
    return assertTimeoutPreemptively(BOUND, () -> {
      try {
        Netkit.list(URI.create(ftp.url("/dir/")), options().build());
      } catch (IOException e) {
        return e;
      }
      throw new AssertionError("the listing was reported complete");
    });
  }

  /** {@code netkit get -o}: exits 18 with one line on stderr and nothing at all left in dir. */
  private void assertPartialAndNoFile(LyingFtpServer ftp, Path dir) throws IOException {
    Cli.Result r = getFails(ftp, dir);
    assertEquals(18, r.code(), r::toString);
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "no file and no part file at -o");
    }
  }

  private Cli.Result getFails(LyingFtpServer ftp, Path dir) {
    Cli.Result r = commandFailsWith("get", ftp.url("/file.txt"), "-o", dir.resolve("out.txt").toString());
    assertTrue(Files.notExists(dir.resolve("out.txt")), r::toString);
    return r;
  }

  private Cli.Result lsFails(LyingFtpServer ftp) {
    return commandFailsWith("ls", ftp.url("/dir/"));
  }

  private Cli.Result commandFailsWith(String... args) {
    Cli.Result r = run(args);
    assertTrue(r.code() != 0, r::toString);
    assertEquals(1, r.stderr().strip().lines().count(), r::toString);
    return r;
  }

  private static Cli.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(1, List.of("--connect-timeout", "3", "--timeout", "3"));
    return assertTimeoutPreemptively(BOUND, () -> Cli.run(all.toArray(String[]::new)));
  }
}
