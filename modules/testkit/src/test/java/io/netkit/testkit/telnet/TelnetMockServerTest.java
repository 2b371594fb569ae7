package io.netkit.testkit.telnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mock's own behaviour, seen through a plain socket. */
class TelnetMockServerTest {
  private static final int IAC = 255;

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  /** Reads until {@code text} has arrived (as ISO-8859-1), or fails at the end of the stream. */
  private static String readUntil(InputStream in, String text) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    while (!got.toString(StandardCharsets.ISO_8859_1).contains(text)) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("closed before '" + text + "': " + got);
      }
      got.write(b);
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void offersItsOptionsAsksForTheTerminalTypeAndRunsTheLoginAndShell() throws Exception {
    try (TelnetMockServer server = new TelnetMockServer(new Credentials("ann", "pw"))) {
      server.start();
      try (Socket s = new Socket("127.0.0.1", server.port())) {
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        byte[] offers = in.readNBytes(12);
        assertArrayEquals(
            bytes(IAC, 251, 1, IAC, 251, 3, IAC, 253, 24, IAC, 253, 31), offers);
        out.write(bytes(IAC, 251, 24)); // WILL TERMINAL-TYPE
        out.write(bytes(IAC, 253, 39)); // DO NEW-ENVIRON: refused
        out.write(bytes(IAC, 253, 39)); // again: answered once only
        out.flush();
        readUntil(in, "login: "); // the server reads (and answers) once it waits for a line
        String sb = new String(bytes(IAC, 250, 24, 1, IAC, 240), StandardCharsets.ISO_8859_1);
        String wont = new String(bytes(IAC, 252, 39), StandardCharsets.ISO_8859_1);
        String answers = readUntil(in, wont);
        assertTrue(answers.contains(sb), answers);
        out.write(bytes(IAC, 250, 24, 0, 'x', 't', IAC, 240));
        out.write("ann\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String upToPassword = readUntil(in, "Password: ");
        assertTrue(!upToPassword.contains(wont), "a refusal is sent once: " + upToPassword);
        out.write("pw\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        readUntil(in, "$ ");
        out.write(bytes('a', IAC, IAC, 'b', '\r', '\n'));
        out.flush();
        String echoed = readUntil(in, "$ ");
        assertTrue(echoed.contains("a\u00ffb"), echoed);
        out.write("quit\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        readUntil(in, "bye\r\n");
        assertEquals(-1, in.read(), "closed after quit");
      }
      assertEquals(List.of("xt"), server.terminalTypes());
      assertEquals("ann", server.lines().get(0));
      assertTrue(server.negotiations().containsAll(List.of("WILL 24", "DO 39")));
      assertTrue(Arrays.equals(Arrays.copyOf(server.received(), 3), bytes(IAC, 251, 24)));
    }
  }

  @Test
  void aWrongPasswordIsRefusedAndPromptedAgain() throws Exception {
    try (TelnetMockServer server = new TelnetMockServer(new Credentials("ann", "pw"))) {
      server.start();
      try (Socket s = new Socket("127.0.0.1", server.port())) {
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        readUntil(in, "login: ");
        out.write("ann\r\nnope\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String after = readUntil(in, "Login incorrect\r\nlogin: ");
        assertTrue(after.contains("Password: "), after);
      }
    }
  }
}
