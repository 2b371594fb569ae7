package io.netkit.ftp;

import static io.netkit.ftp.FtpHostileDataTest.failsPromptly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import io.netkit.testkit.ftp.LyingFtpServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The address in a PASV reply is never followed (curl's {@code --ftp-skip-pasv-ip}): the data
 * connection goes to the control connection's host, so a server cannot send the client elsewhere
 * (FTP bounce, internal addresses). The scripted server listens on 127.0.0.1 only.
 *
 * <p>The case naming 10.1.2.3 runs only after the one naming 127.0.0.2 passed, which proves the
 * PASV address is ignored with a loopback address that cannot reach the server: so no run of this
 * class ever makes a connection attempt to a non-loopback address, even against a broken client.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FtpPasvAddressTest {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
  private static volatile boolean pasvAddressProvenIgnored;

  private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();
  private LyingFtpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void aPasvReplyNamingAnotherLoopbackAddressIsIgnoredForTheControlHost() throws Exception {
    download("127,0,0,2"); // nothing listens on 127.0.0.2: following it would be refused
    pasvAddressProvenIgnored = true;
  }

  @Test
  @Order(2)
  void aPasvReplyNamingAPrivateAddressConnectsToTheControlHostInstead() throws Exception {
    assumeTrue(pasvAddressProvenIgnored, "only once the loopback case proved PASV addresses ignored");
    download("10,1,2,3");
  }

  @ParameterizedTest
  @Order(3)
  @ValueSource(strings = {
      "227 Entering Passive Mode (127,0,0,1,999,1)\r\n",
      "227 Entering Passive Mode (127,0,0,1,0,0)\r\n",
      "227 Entering Passive Mode, but no numbers\r\n",
      "229 Entering Extended Passive Mode |||2121|\r\n",
      "229 Entering Extended Passive Mode (|||0|)\r\n",
      "229 Entering Extended Passive Mode (|||99999|)\r\n",
      "229 Entering Extended Passive Mode ()\r\n",
      "229 Entering Extended Passive Mode (|||12|34|)\r\n"})
  void aPassiveReplyThatDoesNotParseOrNamesNoPortIsAProtocolError(String reply) throws Exception {
    server = new LyingFtpServer();
    if (reply.startsWith("229")) {
      server.answer("EPSV", reply);
    } else {
      server.answer("EPSV", "502 no EPSV\r\n").answer("PASV", reply);
    }
    try (FtpClient ftp = new FtpClient(options())) {
      ftp.connect(server.endpoint().withCredentials(new Credentials("bob", "pw")));
      NetProtocolException e = failsPromptly(
          NetProtocolException.class, () -> ftp.retrieve("f.txt", new ByteArrayOutputStream()));
      assertTrue(e.getMessage().contains("reply"), e.getMessage());
    }
    assertTrue(server.dataPeers().isEmpty(), "no data connection");
  }

  private void download(String pasvHost) throws Exception {
    server = new LyingFtpServer();
    server.answer("EPSV", "502 no EPSV\r\n").content(HELLO);
    server.pasvHost(pasvHost);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FtpClient ftp = new FtpClient(options())) {
      ftp.connect(server.endpoint().withCredentials(new Credentials("bob", "pw")));
      assertEquals(5, ftp.retrieve("f.txt", out));
    }
    assertArrayEquals(HELLO, out.toByteArray());
    assertTrue(server.received().contains("PASV"), server.received()::toString);
    List<String> notes = trace.stream()
        .filter(e -> e.connection().startsWith("ftp-data") && e.direction() == Direction.NOTE)
        .map(TraceEvent::text)
        .filter(t -> t.startsWith("connected to"))
        .toList();
    assertEquals(List.of("connected to /127.0.0.1:" + server.dataPort()), notes, trace::toString);
  }

  private NetOptions options() {
    return NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(20))
        .trace(trace::add)
        .build();
  }
}
