package io.netkit.core.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.testing.TestTls;
import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * The read buffer under engines on raw bridge sockets: bytes arrive whole and in order through
 * small reads, a TLS socket layered over the plain one reads through the same buffer, and the
 * trace still shows what the engine read.
 */
class RawReadAheadTest {
  private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();
  private final NetOptions options =
      NetOptions.builder()
          .connectTimeout(Duration.ofSeconds(5))
          .readTimeout(Duration.ofSeconds(5))
          .trust(TestTls.trustTestCa())
          .trace(trace::add)
          .build();

  @Test
  void smallReadsOfABulkTransferGetEveryByteInOrder() throws Exception {
    byte[] data = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(data);
    NetOptions quiet = options.toBuilder().trace(null).build();
    try (TcpServer server = TcpServer.builder().handler(c -> c.output().write(data)).start();
        Socket socket = SocketFactories.plain(quiet, "http").createSocket("127.0.0.1", server.port())) {
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] b = new byte[8192];
      for (int n; (n = in.read(b)) != -1; ) {
        all.write(b, 0, n);
        assertTrue(in.available() >= 0);
      }
      assertArrayEquals(data, all.toByteArray());
    }
  }

  @Test
  void everyStreamOfARawSocketSharesOneBufferSoTlsLayeredOnItLosesNothing() throws Exception {
    TcpServer server =
        TcpServer.builder()
            .handler(c -> {
              c.output().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
              c.output().flush();
              c.startTlsAsServer(TestTls.serverContext());
              c.writeLine("secure " + c.readLine());
            })
            .start();
    try (server;
        Socket plain = SocketFactories.plain(options, "http").createSocket("localhost", server.port())) {
      InputStream first = plain.getInputStream();
      byte[] b = new byte[8192];
      int n = first.read(b);
      assertTrue(new String(b, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
      try (SSLSocket tls =
          (SSLSocket) SocketFactories.tls(options, "http").createSocket(plain, "localhost", server.port(), true)) {
        tls.startHandshake();
        tls.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
        tls.getOutputStream().flush();
        byte[] line = new byte[64];
        int m = tls.getInputStream().read(line);
        assertEquals("secure hello\r\n", new String(line, 0, m, StandardCharsets.US_ASCII));
      }
    }
    String received = new StringBuilder().append(trace.stream()
        .filter(e -> e.direction() == Direction.RECEIVED).map(TraceEvent::text).toList()).toString();
    assertTrue(received.contains("HTTP/1.1 200 Connection established"), received);
    assertTrue(received.contains("secure hello"), received);
  }

  @Test
  void aRawSocketHandsOutStreamsOverOneBuffer() throws Exception {
    NetOptions quiet = options.toBuilder().trace(null).build();
    try (TcpServer server = TcpServer.builder().handler(c -> c.output().write("abcdef".getBytes(StandardCharsets.US_ASCII))).start();
        Socket socket = SocketFactories.plain(quiet, "http").createSocket("127.0.0.1", server.port())) {
      InputStream a = socket.getInputStream();
      assertEquals('a', a.read()); // fills the buffer with all six bytes, or what has arrived
      assertSame(a, socket.getInputStream());
      ByteArrayOutputStream rest = new ByteArrayOutputStream();
      for (int c; (c = socket.getInputStream().read()) != -1; ) {
        rest.write(c);
      }
      assertEquals("bcdef", rest.toString(StandardCharsets.US_ASCII));
    }
  }
}
