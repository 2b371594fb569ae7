package io.netkit.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.testing.TestTls;
import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import io.netkit.core.trace.TraceMasker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The bridge, exercised with plain JDK socket code as an engine would use it. */
class SocketFactoriesTest {
  private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();
  private final NetOptions options =
      NetOptions.builder()
          .connectTimeout(Duration.ofSeconds(3))
          .readTimeout(Duration.ofMillis(600))
          .trust(TestTls.trustTestCa())
          .trace(trace::add)
          .traceMasker(TraceMasker.commandArguments("PASS"))
          .build();

  private static TcpServer lineServer(boolean tls) throws Exception {
    TcpServer.Builder builder =
        TcpServer.builder()
            .handler(c -> {
              c.writeLine("220 hello");
              String line;
              while ((line = c.readLine()) != null) {
                c.writeLine("230 got " + line.split(" ")[0]);
              }
            });
    return (tls ? builder.tls(TestTls.serverContext()) : builder).start();
  }

  private static String texts(List<TraceEvent> events, Direction direction) {
    StringBuilder all = new StringBuilder();
    events.stream().filter(e -> e.direction() == direction).forEach(e -> all.append(e.text()).append('\n'));
    return all.toString();
  }

  private static String talk(Socket socket) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
    String greeting = in.readLine();
    out.print("USER bob\r\nPASS s3cret\r\n");
    out.flush();
    return greeting + "|" + in.readLine() + "|" + in.readLine();
  }

  @Test
  void plainFactoryTracesBothDirectionsAndMasksThePassword() throws Exception {
    try (TcpServer server = lineServer(false);
        Socket socket = SocketFactories.plain(options, "ftp").createSocket("127.0.0.1", server.port())) {
      assertEquals("220 hello|230 got USER|230 got PASS", talk(socket));
    }
    String sent = texts(trace, Direction.SENT);
    assertTrue(sent.contains("USER bob"), sent);
    assertTrue(sent.contains("PASS ****"), sent);
    assertFalse(trace.toString().contains("s3cret"));
    assertTrue(texts(trace, Direction.RECEIVED).contains("220 hello"));
  }

  @Test
  void engineAskingForNoTimeoutStillGetsTheConfiguredOne() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (TcpServer server = TcpServer.builder().handler(c -> TcpConnectionTest.awaitQuietly(release)).start();
        Socket socket = SocketFactories.plain(options, "x").createSocket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 0);
      socket.setSoTimeout(0); // what an engine with "infinite" defaults does
      assertEquals(600, socket.getSoTimeout());
      long start = System.nanoTime();
      assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3000);
    } finally {
      release.countDown();
    }
  }

  @Test
  void tlsFactoryVerifiesChainAndHostName() throws Exception {
    try (TcpServer server = lineServer(true)) {
      try (Socket socket = SocketFactories.tls(options, "ftps").createSocket("localhost", server.port())) {
        assertEquals("220 hello|230 got USER|230 got PASS", talk(socket));
      }
      // The certificate names localhost only: 127.0.0.1 must fail host-name verification.
      try (Socket socket = SocketFactories.tls(options, "ftps").createSocket("127.0.0.1", server.port())) {
        assertThrows(SSLHandshakeException.class, () -> ((SSLSocket) socket).startHandshake());
      }
    }
    assertTrue(texts(trace, Direction.SENT).contains("PASS ****"));
    assertFalse(trace.toString().contains("s3cret"));
  }

  @Test
  void tlsLayeredOverABridgeSocketTracesThePlaintextInside() throws Exception {
    TcpServer server =
        TcpServer.builder()
            .handler(c -> {
              c.writeLine("220 ready");
              c.readLine(); // AUTH TLS
              c.writeLine("234 go");
              c.startTlsAsServer(TestTls.serverContext());
              c.writeLine("230 secret-free " + c.readLine().split(" ")[0]);
            })
            .start();
    try (server;
        Socket plain = SocketFactories.plain(options, "ftp").createSocket("localhost", server.port())) {
      BufferedReader in = new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = plain.getOutputStream();
      assertEquals("220 ready", in.readLine());
      out.write("AUTH TLS\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertEquals("234 go", in.readLine());
      try (SSLSocket tls =
          (SSLSocket) SocketFactories.tls(options, "ftp").createSocket(plain, "localhost", server.port(), true)) {
        tls.startHandshake();
        tls.getOutputStream().write("PASS hunter2\r\n".getBytes(StandardCharsets.US_ASCII));
        tls.getOutputStream().flush();
        BufferedReader secure = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
        assertEquals("230 secret-free PASS", secure.readLine());
      }
    }
    String sent = texts(trace, Direction.SENT);
    assertTrue(sent.contains("AUTH TLS"), sent);
    assertTrue(sent.contains("PASS ****"), sent);
    assertFalse(trace.toString().contains("hunter2"));
    assertTrue(texts(trace, Direction.NOTE).contains("TLS started"));
  }

  @Test
  void deadlineExpiryOnABridgeSocketIsReportedAsATimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    NetOptions withDeadline =
        options.toBuilder().readTimeout(Duration.ofSeconds(5)).deadline(Duration.ofMillis(400)).build();
    try (TcpServer server = TcpServer.builder().handler(c -> TcpConnectionTest.awaitQuietly(release)).start();
        Socket socket = SocketFactories.plain(withDeadline, "ftp").createSocket("127.0.0.1", server.port())) {
      long start = System.nanoTime();
      io.netkit.core.NetTimeoutException e =
          assertThrows(io.netkit.core.NetTimeoutException.class, () -> socket.getInputStream().read());
      assertTrue(e.getMessage().contains("deadline"), e.getMessage());
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3000);
    } finally {
      release.countDown();
    }
  }

  @Test
  void lineFramedBridgeSocketsRefuseAnOverlongLineButRawOnesDoNot() throws Exception {
    NetOptions small = options.toBuilder().maxLineLength(100).build();
    try (TcpServer server =
        TcpServer.builder()
            .handler(c -> {
              c.output().write(("220 " + "x".repeat(5000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
              c.output().flush();
            })
            .start()) {
      try (Socket lines =
          SocketFactories.plain(small, "ftp", SocketFactories.Framing.LINES).createSocket("127.0.0.1", server.port())) {
        io.netkit.core.NetProtocolException e =
            assertThrows(io.netkit.core.NetProtocolException.class, () -> lines.getInputStream().readAllBytes());
        assertTrue(e.getMessage().contains("longer than 100"), e.getMessage());
      }
      try (Socket raw = SocketFactories.plain(small, "ftp-data").createSocket("127.0.0.1", server.port())) {
        assertEquals(5006, raw.getInputStream().readAllBytes().length);
      }
    }
  }

  @Test
  void tlsLayeredOverALineFramedSocketKeepsTheBound() throws Exception {
    NetOptions small = options.toBuilder().maxLineLength(100).build();
    TcpServer server =
        TcpServer.builder()
            .handler(c -> {
              c.writeLine("220 ready");
              c.readLine();
              c.writeLine("234 go");
              c.startTlsAsServer(TestTls.serverContext());
              c.writeLine("230 " + "y".repeat(3000));
            })
            .start();
    try (server;
        Socket plain =
            SocketFactories.plain(small, "ftp", SocketFactories.Framing.LINES).createSocket("localhost", server.port())) {
      BufferedReader in = new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
      assertEquals("220 ready", in.readLine());
      plain.getOutputStream().write("AUTH TLS\r\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals("234 go", in.readLine());
      try (SSLSocket tls =
          (SSLSocket) SocketFactories.tls(small, "ftp").createSocket(plain, "localhost", server.port(), true)) {
        tls.startHandshake();
        assertThrows(io.netkit.core.NetProtocolException.class, () -> tls.getInputStream().readAllBytes());
      }
    }
  }

  @Test
  void bytesSentAfterTheStartTlsGoAheadAreRefusedWhenTlsIsLayered() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    TcpServer server =
        TcpServer.builder()
            .handler(c -> {
              c.writeLine("220 ready");
              c.readLine(); // STARTTLS
              c.output().write("220 go\r\n250 injected\r\n".getBytes(StandardCharsets.US_ASCII));
              c.output().flush();
              TcpConnectionTest.awaitQuietly(done);
            })
            .start();
    try (server;
        Socket plain =
            SocketFactories.plain(options, "smtp", SocketFactories.Framing.REPLIES)
                .createSocket("localhost", server.port())) {
      BufferedReader in = new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
      assertEquals("220 ready", in.readLine());
      plain.getOutputStream().write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals("220 go", in.readLine());
      io.netkit.core.NetTlsException e =
          assertThrows(
              io.netkit.core.NetTlsException.class,
              () -> SocketFactories.tls(options, "smtp").createSocket(plain, "localhost", server.port(), true));
      assertTrue(e.getMessage().contains("sent 14 bytes after its STARTTLS go-ahead"), e.getMessage());
      assertTrue(plain.isClosed(), "the connection is not used again");
    } finally {
      done.countDown();
    }
    assertTrue(texts(trace, Direction.RECEIVED).contains("250 injected"), "the trace shows what came");
  }

  @Test
  void repliesInsideTlsAreFramedLikeThoseBeforeIt() throws Exception {
    NetOptions small = options.toBuilder().maxReplyLength(200).build();
    TcpServer server =
        TcpServer.builder()
            .handler(c -> {
              c.writeLine("220 ready");
              c.readLine();
              c.writeLine("220 go");
              c.startTlsAsServer(TestTls.serverContext());
              c.writeLine("250-" + "z".repeat(60));
              c.writeLine("250 done");
              for (int i = 0; i < 10; i++) {
                c.writeLine("250-" + "z".repeat(60));
              }
            })
            .start();
    try (server;
        Socket plain =
            SocketFactories.plain(small, "smtp", SocketFactories.Framing.REPLIES)
                .createSocket("localhost", server.port())) {
      BufferedReader in = new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
      assertEquals("220 ready", in.readLine());
      plain.getOutputStream().write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals("220 go", in.readLine());
      try (SSLSocket tls =
          (SSLSocket) SocketFactories.tls(small, "smtp").createSocket(plain, "localhost", server.port(), true)) {
        tls.startHandshake();
        BufferedReader secure = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
        assertTrue(secure.readLine().startsWith("250-"));
        assertEquals("250 done", secure.readLine(), "a whole reply under the bound passes");
        io.netkit.core.NetProtocolException e =
            assertThrows(
                io.netkit.core.NetProtocolException.class,
                () -> {
                  while (secure.readLine() != null) {
                    // the next reply never ends within the bound
                  }
                });
        assertTrue(e.getMessage().contains("reply longer than 200"), e.getMessage());
      }
    }
  }

  private static int openFileDescriptors() throws Exception {
    try (var entries = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
      return (int) entries.count();
    }
  }

  @Test
  void aFailedBindThroughEveryFactoryVariantLeavesNoSocketOpen() throws Exception {
    Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/fd")));
    InetAddress loopback = InetAddress.getLoopbackAddress();
    // Binding to the local port a listener holds fails before any connect is tried; nothing
    // hands the caller that socket, so only the factory can close it.
    try (TcpServer server = lineServer(false);
        java.net.ServerSocket taken = new java.net.ServerSocket(0, 5, loopback)) {
      int port = server.port();
      int used = taken.getLocalPort();
      int before = openFileDescriptors();
      for (int i = 0; i < 20; i++) {
        assertThrows(
            IOException.class, () -> SocketFactories.plain(options, "x").createSocket("localhost", port, loopback, used));
        assertThrows(
            IOException.class, () -> SocketFactories.plain(options, "x").createSocket(loopback, port, loopback, used));
        assertThrows(
            IOException.class, () -> SocketFactories.tls(options, "x").createSocket("localhost", port, loopback, used));
        assertThrows(
            IOException.class, () -> SocketFactories.tls(options, "x").createSocket(loopback, port, loopback, used));
      }
      int leaked = openFileDescriptors() - before;
      assertTrue(leaked < 10, leaked + " file descriptors left open by 80 failed binds");
    }
  }

  @Test
  void tlsSocketsFromEveryVariantHaveNagleOff() throws Exception {
    try (TcpServer server = lineServer(true)) {
      SSLSocketFactory tls = SocketFactories.tls(options, "x");
      Socket unconnected = tls.createSocket();
      unconnected.connect(new InetSocketAddress("localhost", server.port()));
      try (Socket a = unconnected;
          Socket b = tls.createSocket("localhost", server.port());
          Socket c = tls.createSocket(InetAddress.getByName("localhost"), server.port())) {
        assertTrue(a.getTcpNoDelay(), "createSocket()");
        assertTrue(b.getTcpNoDelay(), "createSocket(host, port)");
        assertTrue(c.getTcpNoDelay(), "createSocket(address, port)");
      }
    }
  }

  @Test
  void certificateIsCheckedAgainstTheAddressGivenNotItsReverseLookupName() throws Exception {
    try (TcpServer server = lineServer(true)) {
      SSLSocketFactory tls = SocketFactories.tls(options, "x");
      // Looked up by name: the name is what the certificate must match (it does: localhost).
      try (SSLSocket byName = (SSLSocket) tls.createSocket(InetAddress.getByName("localhost"), server.port())) {
        byName.startHandshake();
      }
      // A bare address: a reverse lookup would find "localhost" and wrongly accept the
      // certificate; the literal 127.0.0.1 is what was asked for, and the certificate lacks it.
      InetAddress literal = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      try (SSLSocket byAddress = (SSLSocket) tls.createSocket(literal, server.port())) {
        assertThrows(SSLHandshakeException.class, byAddress::startHandshake);
      }
    }
  }

  @Test
  void acceptedSocketsAreTracedAndTheirWritesBounded() throws Exception {
    NetOptions fast = options.toBuilder().readTimeout(Duration.ofMillis(500)).build();
    try (java.net.ServerSocket listener =
            SocketFactories.serverSockets(fast, "ftp-data").createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        Socket peer = new Socket("127.0.0.1", listener.getLocalPort());
        Socket accepted = listener.accept()) {
      accepted.getOutputStream().write("hello from the accepting side\r\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals("hello from the accepting side", new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.US_ASCII)).readLine());
      // The peer never reads again: a large write must fail within the timeout, not hang.
      byte[] chunk = new byte[1024 * 1024];
      long start = System.nanoTime();
      assertThrows(io.netkit.core.NetTimeoutException.class, () -> {
        for (int i = 0; i < 256; i++) {
          accepted.getOutputStream().write(chunk);
        }
      });
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5000);
    }
    assertTrue(texts(trace, Direction.SENT).contains("hello from the accepting side"));
    assertTrue(texts(trace, Direction.NOTE).contains("accepted from"));
  }

  @Test
  void acceptAskedToWaitForeverStillWaitsOnlyTheReadTimeout() throws Exception {
    NetOptions fast = options.toBuilder().readTimeout(Duration.ofMillis(300)).build();
    try (java.net.ServerSocket listener = SocketFactories.serverSockets(fast, "ftp-data").createServerSocket(0)) {
      listener.setSoTimeout(0);
      long start = System.nanoTime();
      assertThrows(SocketTimeoutException.class, listener::accept);
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3000);
    }
  }
}
