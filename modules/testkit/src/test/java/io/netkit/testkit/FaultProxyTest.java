package io.netkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Endpoint;
import io.netkit.core.Protocol;
import io.netkit.core.transport.TcpServer;
import io.netkit.testkit.FaultProxy.Action;
import io.netkit.testkit.FaultProxy.Point;
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

class FaultProxyTest {
  private TcpServer target;
  private FaultProxy proxy;

  @BeforeEach
  void start() throws IOException {
    target = TcpServer.builder().bind(Endpoint.loopback(0)).handler(c -> {
      OutputStream out = c.output();
      out.write("220 hello\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      for (String line; (line = c.input().readLine()) != null; ) {
        String reply = line.equals("STARTTLS") ? "220 go ahead\r\n" : "250-first\r\n250 last\r\n";
        out.write(reply.getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    }).start();
    proxy = new FaultProxy(Protocol.SMTP, Endpoint.of("127.0.0.1", target.port()));
    proxy.start();
  }

  @AfterEach
  void stop() {
    proxy.stop();
    target.close();
  }

  @Test
  void relaysBothWaysAndRecordsWhatTheClientSent() throws IOException {
    try (Socket s = connect()) {
      assertEquals("220 hello\r\n", read(s, 11));
      send(s, "EHLO me\r\n");
      assertEquals("250-first\r\n250 last\r\n", read(s, 21));
    }
    assertTrue(proxy.clientLines().contains("EHLO me"), proxy.clientLines()::toString);
  }

  @Test
  void dropAfterTheGreetingClosesAfterItsFirstLine() throws IOException {
    proxy.at(Point.GREETING, Action.DROP);
    try (Socket s = connect()) {
      assertEquals("220 hello\r\n", readAll(s));
    }
  }

  @Test
  void truncateMidReplyCutsInsideTheStatusLine() throws IOException {
    proxy.at(Point.MID_REPLY, Action.TRUNCATE);
    try (Socket s = connect()) {
      assertEquals("220 hello\r\n", read(s, 11));
      send(s, "NOOP\r\n");
      assertEquals("250-first", readAll(s));
    }
  }

  @Test
  void injectAfterTheStarttlsGoAheadTravelsWithIt() throws IOException {
    proxy.at(Point.STARTTLS, Action.INJECT).inject("250 injected\r\n");
    try (Socket s = connect()) {
      assertEquals("220 hello\r\n", read(s, 11));
      send(s, "STARTTLS\r\n");
      assertEquals("220 go ahead\r\n250 injected\r\n", read(s, 28));
    }
  }

  @Test
  void stallAtAcceptKeepsTheClientWaiting() throws IOException {
    proxy.at(Point.ACCEPT, Action.STALL);
    try (Socket s = connect()) {
      s.setSoTimeout(300);
      assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
    }
  }

  @Test
  void garbleAfterBytesSendsNulAndCloses() throws IOException {
    proxy.at(Point.AFTER_BYTES, Action.GARBLE).afterBytes(3);
    try (Socket s = connect()) {
      String all = readAll(s);
      assertTrue(all.startsWith("220\0"), all);
    }
  }

  @Test
  void floodAndEndlessLineStopAtTheirLimit() throws IOException {
    proxy.at(Point.GREETING, Action.FLOOD).floodLimit(10_000);
    try (Socket s = connect()) {
      String all = readAll(s);
      assertTrue(all.length() >= 10_000 && all.endsWith("250-flood\r\n"), all.substring(0, 40));
    }
    proxy.at(Point.ACCEPT, Action.ENDLESS_LINE);
    try (Socket s = connect()) {
      String all = readAll(s);
      assertTrue(all.length() >= 10_000 && all.chars().allMatch(ch -> ch == 'x'));
    }
  }

  @Test
  void dripSendsTheRestSlowlyButWhole() throws IOException {
    proxy.at(Point.ACCEPT, Action.DRIP).dripDelay(Duration.ofMillis(1));
    try (Socket s = connect()) {
      assertEquals("220 hello\r\n", read(s, 11));
    }
  }

  @Test
  void wholeConnectionFaultsWorkToo() throws IOException {
    proxy.fault(Fault.DISCONNECT_AT_START);
    try (Socket s = connect()) {
      assertEquals("", readAll(s));
    }
  }

  private Socket connect() throws IOException {
    Socket s = new Socket("127.0.0.1", proxy.port());
    s.setSoTimeout(10_000);
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
  }

  private static String read(Socket s, int n) throws IOException {
    InputStream in = s.getInputStream();
    byte[] bytes = in.readNBytes(n);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static String readAll(Socket s) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    s.getInputStream().transferTo(all);
    return all.toString(StandardCharsets.ISO_8859_1);
  }
}
