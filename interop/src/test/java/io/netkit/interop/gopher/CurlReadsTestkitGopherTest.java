package io.netkit.interop.gopher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.interop.Curl;
import io.netkit.interop.Digests;
import io.netkit.testkit.MockServerExtension;
import io.netkit.testkit.gopher.GopherMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real client, curl, reads netkit's testkit Gopher server (serving a directory, as {@code netkit
 * serve gopher} does): the menu, text with its wire framing, binary byte-for-byte, a search, and
 * gophers. Needs only curl, not the real servers.
 */
@ExtendWith(MockServerExtension.class)
class CurlReadsTestkitGopherTest {
  static final Path ROOT = tree();
  static final GopherMockServer server = serve(null);
  static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0).build();
  static final HeldCertificate CERT =
      new HeldCertificate.Builder().signedBy(CA).addSubjectAlternativeName("127.0.0.1").build();
  static final GopherMockServer tlsServer =
      serve(new HandshakeCertificates.Builder().heldCertificate(CERT, CA.certificate()).build().sslContext());

  private static Path tree() {
    try {
      Path root = Files.createTempDirectory("curl-gopher");
      Files.writeString(root.resolve("gophermap"), "netkit testkit\n0Hello text\thello.txt\n9Data\tdata.bin\n7Find\t/.search\n");
      Files.writeString(root.resolve("hello.txt"), "Hello.\n.One dot.\n..Two dots.\n.\nEnd.\n");
      byte[] data = new byte[1 << 20];
      new Random(7).nextBytes(data);
      Files.write(root.resolve("data.bin"), data);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GopherMockServer serve(javax.net.ssl.SSLContext tls) {
    try {
      GopherMockServer s = GopherMockServer.serving(ROOT);
      s.tls(tls);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void removeTree() throws IOException {
    try (Stream<Path> all = Files.walk(ROOT)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @BeforeEach
  void needCurl() {
    Curl.requireCurl();
  }

  private String base() {
    return "gopher://127.0.0.1:" + server.port();
  }

  private static String text(Curl.Result result) {
    assertEquals(0, result.exitCode(), result.stderr());
    return new String(result.body(), StandardCharsets.UTF_8);
  }

  @Test
  void curlReadsTheRootMenuExactly() throws Exception {
    String port = String.valueOf(server.port());
    String expected =
        "inetkit testkit\t\tnull.host\t1\r\n"
            + "0Hello text\t/hello.txt\t127.0.0.1\t" + port + "\r\n"
            + "9Data\t/data.bin\t127.0.0.1\t" + port + "\r\n"
            + "7Find\t/.search\t127.0.0.1\t" + port + "\r\n"
            + ".\r\n";
    assertEquals(expected, text(Curl.run(base() + "/")));
    assertEquals("", server.lastRequest(), "curl sends an empty selector for the root");
  }

  @Test
  void curlReadsTextInItsRfc1436WireForm() throws Exception {
    // curl shows the wire as it is: CRLF, stuffed dots, the terminator.
    String wire = "Hello.\r\n..One dot.\r\n...Two dots.\r\n..\r\nEnd.\r\n.\r\n";
    assertEquals(wire, text(Curl.run(base() + "/0/hello.txt")));
    assertEquals("/hello.txt", server.lastRequest());
  }

  @Test
  void curlReadsBinaryByteForByte() throws Exception {
    Curl.Result result = Curl.run(base() + "/9/data.bin");
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(Digests.sha256(ROOT.resolve("data.bin")), Digests.sha256(result.body()));
  }

  @Test
  void curlSearchSendsSelectorTabQuery() throws Exception {
    String menu = text(Curl.run(base() + "/7/.search%09hello"));
    assertEquals("/.search\thello", server.lastRequest());
    assertTrue(menu.startsWith("0hello.txt\t/hello.txt\t127.0.0.1\t"), menu);
  }

  @Test
  void curlReadsGophersWithTheTestCa() throws Exception {
    Path ca = Files.createTempFile("gopher-ca", ".pem");
    try {
      Files.writeString(ca, CA.certificatePem());
      String url = "gophers://127.0.0.1:" + tlsServer.port() + "/0/hello.txt";
      assertTrue(text(Curl.run("--cacert", ca.toString(), url)).startsWith("Hello.\r\n..One dot.\r\n"));
    } finally {
      Files.deleteIfExists(ca);
    }
  }
}
