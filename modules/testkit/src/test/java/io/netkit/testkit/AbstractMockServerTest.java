package io.netkit.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault mode, applied by the base to a protocol that knows nothing about faults. */
class AbstractMockServerTest {
  private final LineMockServer server = new LineMockServer();

  @BeforeEach
  void start() throws IOException {
    server.dripDelay(Duration.ofMillis(2)).cutAfterBytes(10).overlongLineLength(70_000);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private byte[] talk(String line) throws IOException {
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return socket.getInputStream().readAllBytes();
    }
  }

  @Test
  void servesNormallyWithoutFault() throws IOException {
    assertEquals(LineMockServer.GREETING + "\r\nPING\r\n", new String(talk("ping"), StandardCharsets.UTF_8));
    assertTrue(server.url().toString().startsWith("telnet://127.0.0.1:" + server.port()));
  }

  @Test
  void disconnectAtStartClosesWithoutAByte() throws IOException {
    server.fault(Fault.DISCONNECT_AT_START);
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(2000);
      assertEquals(-1, socket.getInputStream().read());
    }
  }

  @Test
  void stallAcceptsAndNeverAnswers() throws IOException {
    server.fault(Fault.STALL);
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(300);
      long start = System.nanoTime();
      assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
      assertTrue(System.nanoTime() - start >= 250_000_000L);
    }
  }

  @Test
  void stoppingTheServerEndsAStall() throws IOException {
    server.fault(Fault.STALL);
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(2000);
      server.stop();
      // The server's close shows as end of stream or a reset, never as a timeout.
      try {
        assertEquals(-1, socket.getInputStream().read());
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the stall outlived the server", e);
      } catch (java.net.SocketException reset) {
        assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
      }
    }
  }

  /** Whether the handler thread serving {@code client} is alive (named "line-mock-conn-<client port>"). */
  private static boolean handlerAlive(Socket client) {
    String name = "line-mock-conn-" + client.getLocalPort();
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(name));
  }

  @Test
  void stoppingTheServerReleasesAStalledHandlerThreadPromptly() throws IOException {
    server.fault(Fault.STALL);
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(2000);
      awaitHandler(socket);
      long start = System.nanoTime();
      server.stop();
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 1000, "stop took " + millis + " ms");
      assertFalse(handlerAlive(socket), "a stalled handler thread outlived stop()");
    }
  }

  @Test
  void stoppingTheServerCutsADripPauseShortAndLeavesNoThread() throws IOException {
    java.util.List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.stop();
    server.dripDelay(Duration.ofSeconds(20)).onError(failures::add).start();
    server.fault(Fault.DRIP);
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(2000);
      assertEquals('2', socket.getInputStream().read()); // the first byte, then a 20 s pause
      long start = System.nanoTime();
      server.stop();
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 1000, "stop took " + millis + " ms");
      assertFalse(handlerAlive(socket), "a dripping handler thread outlived stop()");
      assertEquals(java.util.List.of(), failures, "stopping is not a handler failure");
    }
  }

  private static void awaitHandler(Socket client) {
    long until = System.nanoTime() + 2_000_000_000L;
    while (!handlerAlive(client) && System.nanoTime() < until) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    assertTrue(handlerAlive(client), "no handler thread for the connection");
  }

  @Test
  void dripSendsTheSameBytesOneAtATime() throws IOException {
    server.fault(Fault.DRIP);
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(2000);
      InputStream in = socket.getInputStream();
      byte[] first = new byte[64];
      // A dripping server never has more than one byte ready at a time.
      assertEquals(1, in.read(first));
      ByteArrayOutputStream rest = new ByteArrayOutputStream();
      rest.write(first, 0, 1);
      socket.getOutputStream().write("ping\r\n".getBytes(StandardCharsets.UTF_8));
      in.transferTo(rest);
      assertEquals(LineMockServer.GREETING + "\r\nPING\r\n", rest.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void disconnectMidResponseCutsAfterTheConfiguredBytes() throws IOException {
    server.fault(Fault.DISCONNECT_MID_RESPONSE);
    byte[] got = talk("ping");
    assertArrayEquals(LineMockServer.GREETING.substring(0, 10).getBytes(StandardCharsets.UTF_8), got);
  }

  @Test
  void garbageReplaceTheFirstAnswer() throws IOException {
    server.fault(Fault.GARBAGE_REPLY);
    byte[] got = talk("ping");
    assertEquals(0, got[0]);
    assertFalse(new String(got, StandardCharsets.ISO_8859_1).contains("hello"));
    assertTrue(got[got.length - 1] != '\n', "garbage has no line end");
  }

  @Test
  void overlongLineReplacesTheFirstAnswer() throws IOException {
    server.fault(Fault.OVERLONG_LINE);
    byte[] got = talk("ping");
    assertEquals(70_002, got.length);
    assertEquals('x', got[69_999]);
    assertEquals('\n', got[70_001]);
  }

  @Test
  void faultNoneRestoresService() throws IOException {
    server.fault(Fault.GARBAGE_REPLY);
    talk("ping");
    server.fault(Fault.NONE);
    assertEquals(LineMockServer.GREETING + "\r\nPING\r\n", new String(talk("ping"), StandardCharsets.UTF_8));
    assertEquals(2, server.acceptedCount());
  }

  @Test
  void startsOnAChosenPortAndReportsIt() throws IOException {
    int chosen;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      chosen = probe.getLocalPort();
    }
    LineMockServer fixed = new LineMockServer();
    fixed.start(chosen);
    try {
      assertEquals(chosen, fixed.port());
      assertEquals("127.0.0.1", fixed.host());
      assertEquals(io.netkit.core.Endpoint.of("127.0.0.1", chosen), fixed.endpoint());
      assertEquals("telnet://127.0.0.1:" + chosen + "/", fixed.url().toString());
      try (Socket socket = new Socket("127.0.0.1", chosen)) {
        socket.setSoTimeout(2000);
        assertEquals('2', socket.getInputStream().read());
      }
    } finally {
      fixed.stop();
    }
  }

  @Test
  void aStoppedServerCanStartAgain() throws IOException {
    server.stop();
    server.start();
    assertEquals(LineMockServer.GREETING + "\r\nPING\r\n", new String(talk("ping"), StandardCharsets.UTF_8));
  }

  @Test
  void startingTwiceIsRefusedAndStopIsIdempotent() {
    assertThrows(IllegalStateException.class, () -> server.start());
    server.stop();
    server.stop();
    assertFalse(server.isRunning());
    assertThrows(IllegalStateException.class, server::port);
  }
}
