package io.netkit.telnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Server output in bulk (issue 17): byte-exact at full speed, in blocks rather than a byte at a
 * time, negotiation answered while data streams, and memory bounded against a server that never
 * stops.
 */
class TelnetBulkDataTest {
  private static final int IAC = 0xFF;
  private static final int SB = 250;
  private static final int SE = 240;
  private static final int TTYPE = 24;
  private static final byte[] TTYPE_SEND = {(byte) IAC, (byte) SB, TTYPE, 1, (byte) IAC, (byte) SE};
  private static final String LINE = "The quick brown fox jumps over the lazy dog, 0123456789.\r\n";

  private final ServerSocket listener = listen();

  @AfterEach
  void close() throws IOException {
    listener.close();
  }

  private static ServerSocket listen() {
    try {
      return new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Endpoint endpoint() {
    return Endpoint.of("127.0.0.1", listener.getLocalPort());
  }

  /**
   * Serves one client: writes {@code wire} in 64-KiB writes and closes, while counting the
   * client's TERMINAL-TYPE IS answers.
   */
  private CompletableFuture<Void> serve(byte[] wire, AtomicInteger answers) {
    return CompletableFuture.runAsync(
        () -> {
          try (Socket s = listener.accept()) {
            CompletableFuture<Void> counting = CompletableFuture.runAsync(() -> count(s, answers));
            OutputStream out = s.getOutputStream();
            for (int off = 0; off < wire.length; off += 65536) {
              out.write(wire, off, Math.min(65536, wire.length - off));
            }
            out.flush();
            s.shutdownOutput();
            counting.get(20, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static void count(Socket s, AtomicInteger answers) {
    try {
      InputStream in = new BufferedInputStream(s.getInputStream());
      int a = -1;
      int b = -1;
      int c;
      while ((c = in.read()) >= 0) {
        if (a == IAC && b == SB && c == TTYPE) {
          answers.incrementAndGet();
        }
        a = b;
        b = c;
      }
    } catch (IOException e) {
      // the client closed
    }
  }

  @Test
  void aLargeBodyWithDoubledIacsAndNegotiationsArrivesByteExactInBlocks() throws Exception {
    // 8 MiB: IAC IAC (a 0xFF data byte) and CR NUL (a CR) every 8th line, a TERMINAL-TYPE SEND
    // and a NOP every 100th. Through Commons Net's own decoder, a read got at most its 2048-byte
    // queue and its 8-KiB buffer, at about 7 MB/s; now a chunk of the socket's (16 KiB) at once.
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    byte[] line = LINE.getBytes(StandardCharsets.US_ASCII);
    int sends = 0;
    for (int i = 0; wire.size() < 8 * 1048576; i++) {
      if (i % 8 == 3) {
        wire.writeBytes(new byte[] {(byte) IAC, (byte) IAC, '\r', 0});
        data.writeBytes(new byte[] {(byte) IAC, '\r'});
      }
      if (i % 100 == 50) {
        wire.writeBytes(TTYPE_SEND);
        wire.writeBytes(new byte[] {(byte) IAC, (byte) 241});
        sends++;
      }
      wire.writeBytes(line);
      data.writeBytes(line);
    }
    AtomicInteger answers = new AtomicInteger();
    CompletableFuture<Void> server = serve(wire.toByteArray(), answers);
    MessageDigest got = MessageDigest.getInstance("SHA-256");
    long[] total = {0};
    int[] largest = {0};
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
            telnet.connect(endpoint());
            byte[] buffer = new byte[65536];
            int n;
            while ((n = telnet.read(buffer, 0, buffer.length, Duration.ofSeconds(10))) != -1) {
              assertTrue(n > 0, "the data stopped after " + total[0] + " bytes");
              got.update(buffer, 0, n);
              total[0] += n;
              largest[0] = Math.max(largest[0], n);
            }
          }
        });
    server.get(20, TimeUnit.SECONDS);
    assertEquals(data.size(), total[0]);
    assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data.toByteArray()), got.digest());
    assertTrue(largest[0] > 2048 + 8192, "reads come in blocks, the largest was " + largest[0]);
    assertEquals(sends, answers.get(), "every TERMINAL-TYPE SEND in the stream answered");
  }

  @Test
  void negotiationIsAnsweredWhileTheCallerIsNotReading() throws Exception {
    // Data the caller has not read yet (up to the inbox's 64 KiB) does not hold up an answer: the
    // reader thread decodes on. Commons Net's own queue stopped it after 2048 bytes.
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.writeBytes(LINE.repeat(200).getBytes(StandardCharsets.US_ASCII));
    wire.writeBytes(TTYPE_SEND);
    AtomicInteger answers = new AtomicInteger();
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      CompletableFuture<Void> server = CompletableFuture.runAsync(
          () -> {
            try (Socket s = listener.accept()) {
              s.getOutputStream().write(wire.toByteArray());
              s.getOutputStream().flush();
              count(s, answers);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
      telnet.connect(endpoint());
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (answers.get() == 0 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertEquals(1, answers.get(), "TERMINAL-TYPE answered with 11 KiB unread before it");
      telnet.close();
      server.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aServerThatNeverStopsIsHeldBackWhileTheCallerDoesNotRead() throws Exception {
    // The client stops reading the socket when its inbox is full, so what a flooding server can
    // push is bounded by the socket buffers, not by the client's memory.
    AtomicLong written = new AtomicLong();
    CompletableFuture<Void> server = CompletableFuture.runAsync(
        () -> {
          byte[] block = LINE.repeat(1000).getBytes(StandardCharsets.US_ASCII);
          try (Socket s = listener.accept()) {
            s.setSendBufferSize(65536);
            OutputStream out = s.getOutputStream();
            while (true) {
              out.write(block);
              written.addAndGet(block.length);
            }
          } catch (IOException e) {
            // the client closed: done
          }
        });
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      telnet.connect(endpoint());
      long before;
      long after = written.get();
      do { // until the writes have stalled for half a second
        before = after;
        Thread.sleep(500);
        after = written.get();
      } while (after != before && after < 256L * 1048576);
      assertTrue(after < 64L * 1048576, "the server pushed " + after + " bytes unread");
      byte[] buffer = new byte[65536];
      assertTrue(telnet.read(buffer, 0, buffer.length, Duration.ofSeconds(10)) > 0);
    }
    server.get(10, TimeUnit.SECONDS);
  }
}
