package io.netkit.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.cli.ExitCode;
import io.netkit.core.Credentials;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Exit-code mapping, URL handling, trace masking, progress rendering, without a network. */
class InternalsTest {
  private static final ErrorContext FTP = new ErrorContext("ftp", "127.0.0.1:21");

  @Test
  void eachCoreExceptionTypeHasItsExitCode() {
    assertEquals(ExitCode.TIMEOUT, Failures.exitCode(new NetTimeoutException(FTP, "idle", null)));
    assertEquals(ExitCode.TLS, Failures.exitCode(new NetTlsException(FTP, "handshake", null)));
    assertEquals(
        ExitCode.AUTHENTICATION, Failures.exitCode(new NetAuthenticationException(FTP, "login", 530, "Login incorrect")));
    assertEquals(ExitCode.SERVER_REFUSED, Failures.exitCode(new NetReplyException(FTP, 550, "No")));
    assertEquals(ExitCode.PROTOCOL_ERROR, Failures.exitCode(new NetProtocolException(FTP, "x", null)));
    assertEquals(
        ExitCode.PARTIAL_FILE,
        Failures.exitCode(new io.netkit.core.NetTruncatedException(FTP, "ended after 5 of 10 bytes", 10, 5, null)));
    assertEquals(
        ExitCode.TLS_REQUIRED,
        Failures.exitCode(new io.netkit.core.NetTlsRequiredException(FTP, "AUTH TLS refused")));
    assertEquals(ExitCode.CANNOT_CONNECT, Failures.exitCode(new NetConnectException(FTP, "refused", null)));
    assertEquals(
        ExitCode.CANNOT_RESOLVE,
        Failures.exitCode(new NetConnectException(FTP, "dns", new UnknownHostException("h"))));
    assertEquals(ExitCode.LOCAL_FILE, Failures.exitCode(new LocalFileException("disk", null)));
    assertEquals(ExitCode.USAGE, Failures.exitCode(new UnsupportedOperationException("no upload")));
    assertEquals(ExitCode.FAILURE, Failures.exitCode(new NetException("odd")));
  }

  @Test
  void aWrappedJdkFailureIsClassifiedByItsCause() {
    IOException wrapped = new IOException("transfer failed", new SocketTimeoutException("Read timed out"));
    assertEquals(ExitCode.TIMEOUT, Failures.exitCode(wrapped));
    assertEquals(ExitCode.FAILURE, Failures.exitCode(new IOException("plain")));
  }

  @Test
  void messagesAreOneLineAndCarryTheServersReply() {
    assertEquals(
        "ftp 127.0.0.1:21: RETR refused: 550 No such file",
        Failures.message(new NetReplyException(FTP, 550, "No such file", "RETR")));
    assertEquals("IOException: a b", Failures.message(new IOException("a\r\n  b")));
    assertEquals("SocketException", Failures.message(new java.net.SocketException()));
  }

  @Test
  void aPasswordInAUrlQuotedByAMessageIsMasked() {
    assertEquals(
        "an upload URL must name a file: ftp://alice:****@127.0.0.1:21/dir/",
        Failures.message(
            new IllegalArgumentException(
                "an upload URL must name a file: ftp://alice:s%40cret@127.0.0.1:21/dir/")));
    assertEquals(
        "IOException: at gophers://bob:****@h/1/ and ftp://x:****@h/",
        Failures.message(new IOException("at gophers://bob:pw@h/1/ and ftp://x:y@h/")));
    assertEquals(
        "no password here: ftp://anonymous@h/ and a:b@c",
        Failures.message(new IllegalArgumentException("no password here: ftp://anonymous@h/ and a:b@c")));
  }

  @Test
  void credentialsReplaceTheUrlsUserinfoPercentEncoded() {
    URI url = UrlArgument.parse("ftp://old:pw@127.0.0.1:2121/a%20b/c.txt?x=1", new Credentials("bob", "p@ss:w/rd%"));
    assertEquals("ftp://bob:p%40ss%3Aw%2Frd%25@127.0.0.1:2121/a%20b/c.txt?x=1", url.toString());
    assertEquals("p@ss:w/rd%", ClientProvider.decode(url.getRawUserInfo().substring(4)));
    assertEquals("/a b/c.txt", url.getPath());
  }

  @Test
  void controlCharactersHiddenInAUrlAreRefusedBeforeConnecting() {
    assertThrows(UsageException.class, () -> UrlArgument.parse("gopher://h/0/a%0d%0aQUIT", null));
    assertThrows(UsageException.class, () -> UrlArgument.parse("ftp://u:p%00w@h/", null));
    UsageException e = assertThrows(UsageException.class, () -> UrlArgument.parse("ftp://u:secret@/x y", null));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }

  @Test
  void aUrlWithoutAHostIsTakenOnlyWhereItsSchemesProviderServesOne() {
    java.util.function.Predicate<String> newsOnly = "news"::equals;
    assertEquals("news:abc@example.com", UrlArgument.parse("news:abc@example.com", null, newsOnly).toString());
    UsageException noHost =
        assertThrows(UsageException.class, () -> UrlArgument.parse("gopher:abc", null, newsOnly));
    assertTrue(noHost.getMessage().endsWith("no host"), noHost.getMessage());
    assertThrows(UsageException.class, () -> UrlArgument.parse("news:abc@example.com", null));
    UsageException minusU =
        assertThrows(
            UsageException.class,
            () -> UrlArgument.parse("news:misc.test", new Credentials("bob", "pw"), newsOnly));
    assertTrue(minusU.getMessage().contains("-u needs a URL with a host"), minusU.getMessage());
    assertThrows(
        UsageException.class,
        () -> UrlArgument.parse("news:a%0d%0aQUIT@example.com", null, newsOnly),
        "the opaque part is checked for smuggled line ends too");
  }

  @Test
  void secretMaskingSinkBlotsOutPasswordsPlainAndBase64() {
    List<TraceEvent> seen = new ArrayList<>();
    var sink = SecretMaskingSink.masking(seen::add, List.of(new Credentials("bob", "hunter2")));
    String plain = Base64.getEncoder().encodeToString("\0bob\0hunter2".getBytes(StandardCharsets.UTF_8));
    String basic = Base64.getEncoder().encodeToString("bob:hunter2".getBytes(StandardCharsets.UTF_8));
    for (String line : List.of("PASS hunter2", "AUTH PLAIN " + plain, "Authorization: Basic " + basic)) {
      sink.record(new TraceEvent(Instant.now(), "c", Direction.SENT, line));
    }
    assertEquals("PASS ****", seen.get(0).text());
    assertEquals("AUTH PLAIN ****", seen.get(1).text());
    assertEquals("Authorization: Basic ****", seen.get(2).text());
  }

  @Test
  void aShortPasswordIsMaskedAsATokenNotInsideWords() {
    List<TraceEvent> seen = new ArrayList<>();
    var sink = SecretMaskingSink.masking(seen::add, List.of(new Credentials("u", "p")));
    sink.record(new TraceEvent(Instant.now(), "c", Direction.RECEIVED, "220 netkit FtpMockServer ready"));
    sink.record(new TraceEvent(Instant.now(), "c", Direction.SENT, "SITE x p y"));
    assertEquals("220 netkit FtpMockServer ready", seen.get(0).text());
    assertEquals("SITE x **** y", seen.get(1).text());
  }

  @Test
  void progressShowsPercentRateAndEtaWhenTheSizeIsKnown() {
    AtomicLong now = new AtomicLong();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(err, true), true, now::get);
    now.set(2_000_000_000L);
    bar.progress(1024 * 1024, 4 * 1024 * 1024);
    assertEquals(
        "[######..................]  25%  1.0 MiB  512.0 KiB/s  ETA 0:06", bar.render(now.get()));
    bar.finish();
    assertTrue(err.toString().startsWith("\r[######"), err.toString());
    assertTrue(err.toString().endsWith("\n"));
  }

  @Test
  void progressShowsBytesAndRateWhenTheSizeIsUnknown() {
    AtomicLong now = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), true, now::get);
    now.set(1_000_000_000L);
    bar.progress(3000, -1);
    assertEquals("2.9 KiB  2.9 KiB/s", bar.render(now.get()));
  }

  @Test
  void aDisabledProgressBarPrintsNothing() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ProgressBar bar = ProgressBar.forTransfer(new PrintStream(err, true), false, false);
    bar.progress(10, 100);
    bar.finish();
    assertEquals(0, err.size());
  }

  @Test
  void progressRedrawsAtMostTenTimesASecond() {
    AtomicLong now = new AtomicLong();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(err, true), true, now::get);
    for (int i = 1; i <= 1000; i++) {
      now.addAndGet(1_000_000L); // 1 ms per chunk: one second in all
      bar.progress(i * 100L, 100_000L);
    }
    long redraws = err.toString().chars().filter(c -> c == '\r').count();
    assertTrue(redraws >= 9 && redraws <= 11, "redraws: " + redraws);
  }

  @Test
  void notFoundIsCurls78ForAnItemAnd9ForAContainer() {
    assertEquals(
        ExitCode.NOT_FOUND,
        Failures.exitCode(
            new io.netkit.core.NetNotFoundException(
                FTP, io.netkit.core.NetNotFoundException.Target.ITEM, 550, "No such file", "RETR x")));
    assertEquals(
        ExitCode.REMOTE_ACCESS_DENIED,
        Failures.exitCode(
            new io.netkit.core.NetNotFoundException(
                FTP, io.netkit.core.NetNotFoundException.Target.CONTAINER, 550, "No such dir", "CWD d")));
  }

  @Test
  void anUntrustedCertificateSaysSoAndNamesCacert() {
    Exception pkix =
        new javax.net.ssl.SSLHandshakeException("PKIX path building failed: sun.security.provider"
            + ".certpath.SunCertPathBuilderException: unable to find valid certification path");
    NetTlsException e = new NetTlsException(FTP, "TLS failed while connecting: " + pkix.getMessage(), pkix);
    assertEquals(ExitCode.TLS_VERIFY, Failures.exitCode(e));
    String message = Failures.message(e);
    assertTrue(message.startsWith("ftp 127.0.0.1:21: the server's certificate is not trusted"), message);
    assertTrue(message.contains("--cacert FILE"), message);
    assertFalse(message.contains("sun.security"), message);
    assertFalse(message.contains("PKIX"), message);
  }

  @Test
  void aCertificateForAnotherHostSaysSo() {
    Exception cause = new javax.net.ssl.SSLHandshakeException("No subject alternative names matching IP address 127.0.0.2 found");
    cause.initCause(new java.security.cert.CertificateException("No subject alternative names matching IP address 127.0.0.2 found"));
    NetTlsException e = new NetTlsException(FTP, "TLS failed", cause);
    assertEquals(ExitCode.TLS_VERIFY, Failures.exitCode(e));
    assertTrue(Failures.message(e).contains("for another host name"), Failures.message(e));
  }

  @Test
  void anInterruptedTransferEndsTheProgressBarsLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ProgressBar bar = new ProgressBar(err, true, System::nanoTime);
    bar.progress(1000, -1);
    assertFalse(bytes.toString(StandardCharsets.UTF_8).endsWith("\n"));
    bar.endLineOnExit(); // what the shutdown hook does on Ctrl-C
    assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\n"), "the line is ended");
    bar.finish();
    assertEquals(1, bytes.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count(),
        "ended once, not twice");
  }
}
