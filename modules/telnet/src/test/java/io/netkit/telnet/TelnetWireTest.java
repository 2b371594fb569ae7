package io.netkit.telnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Byte-exact behaviour on the wire, against a scripted server socket. */
class TelnetWireTest {
  private static final int IAC = 0xFF;
  private static final int DO = 253;
  private static final int WILL = 251;
  private static final int WONT = 252;
  private static final int DONT = 254;

  private final ServerSocket listener = listen();

  @AfterEach
  void close() throws Exception {
    listener.close();
  }

  private static ServerSocket listen() {
    try {
      return new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Endpoint endpoint() {
    return Endpoint.of("127.0.0.1", listener.getLocalPort());
  }

  /** Accepts one client, sends {@code script}, then collects what the client sends for a while. */
  private CompletableFuture<byte[]> serve(byte[] script, int expectBytes) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket s = listener.accept()) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(script);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            while (got.size() < expectBytes) {
              int b = in.read();
              if (b < 0) {
                break;
              }
              got.write(b);
            }
            return got.toByteArray();
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void aDoubledIacFromTheServerIsOneDataByte() throws Exception {
    CompletableFuture<byte[]> server = serve(bytes('x', IAC, IAC, 'y', '\r', 0, 'z', '\n'), 1000);
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      telnet.connect(endpoint());
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buffer = new byte[64];
      while (got.size() < 6) {
        int n = telnet.read(buffer, 0, buffer.length, Duration.ofSeconds(10));
        assertTrue(n > 0, "data expected, got " + n);
        got.write(buffer, 0, n);
      }
      // IAC IAC is one 0xFF; CR NUL is a bare CR (curl CVE-2023-27533 was about the first).
      assertArrayEquals(bytes('x', 0xFF, 'y', '\r', 'z', '\n'), got.toByteArray());
    }
    server.get(10, TimeUnit.SECONDS);
  }

  @Test
  void anIacByteSentIsDoubledOnTheWire() throws Exception {
    CompletableFuture<byte[]> server = serve(new byte[0], 10);
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      telnet.connect(endpoint());
      telnet.send(bytes('a', 0xFF, 'b'));
      byte[] got = server.get(10, TimeUnit.SECONDS);
      // After the client's opening offers (IAC WILL SGA, IAC DO SGA): the data, IAC doubled.
      assertArrayEquals(bytes(IAC, WILL, 3, IAC, DO, 3, 'a', IAC, IAC, 'b'), java.util.Arrays.copyOf(got, 10));
    }
  }

  @Test
  void otherOptionsAreRefusedOnceAndUnaskedRefusalsGetNoAnswer() throws Exception {
    byte[] script =
        bytes(
            IAC, DO, 39, // NEW-ENVIRON: refused with WONT
            IAC, WILL, 5, // STATUS: refused with DONT
            IAC, WONT, 1, // ECHO off, never on: no answer (answering would start a loop)
            IAC, DONT, 24, // TERMINAL-TYPE off, never on: no answer
            'o', 'k', '\r', '\n');
    CompletableFuture<byte[]> server = serve(script, 12);
    try (TelnetClient telnet = new TelnetClient(NetOptions.defaults())) {
      telnet.connect(endpoint());
      telnet.expect("ok\r\n", Duration.ofSeconds(10));
      telnet.send(bytes('.', '.'));
      byte[] got = server.get(10, TimeUnit.SECONDS);
      assertArrayEquals(
          bytes(IAC, WILL, 3, IAC, DO, 3, IAC, WONT, 39, IAC, DONT, 5), got);
    }
  }

  @Test
  void aServerThatStopsReadingMakesSendingTimeOut() throws Exception {
    CompletableFuture<byte[]> server =
        CompletableFuture.supplyAsync(
            () -> {
              try (Socket s = listener.accept()) {
                Thread.sleep(15_000); // never reads
                return new byte[0];
              } catch (Exception e) {
                return new byte[0];
              }
            });
    NetOptions quick = NetOptions.builder().readTimeout(Duration.ofSeconds(1)).build();
    try (TelnetClient telnet = new TelnetClient(quick)) {
      telnet.connect(endpoint());
      byte[] block = new byte[1 << 20];
      assertTimeoutPreemptively(
          Duration.ofSeconds(14),
          () ->
              assertThrows(
                  NetTimeoutException.class,
                  () -> {
                    for (int i = 0; i < 256; i++) {
                      telnet.send(block);
                    }
                  }));
    }
    server.cancel(true);
  }

  @Test
  void aSilentServerMakesTheRawStreamTimeOutAndTheClientStaysOpen() throws Exception {
    CompletableFuture<byte[]> server = serve(new byte[0], 100);
    NetOptions quick = NetOptions.builder().readTimeout(Duration.ofMillis(500)).build();
    try (TelnetClient telnet = new TelnetClient(quick)) {
      telnet.connect(endpoint());
      assertThrows(NetTimeoutException.class, () -> telnet.input().read());
      assertTrue(telnet.isConnected());
      assertEquals(0, telnet.read(new byte[4], 0, 4, Duration.ofMillis(100)));
    }
    server.get(10, TimeUnit.SECONDS);
  }
}
