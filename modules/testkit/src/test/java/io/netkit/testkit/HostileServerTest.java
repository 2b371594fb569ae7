package io.netkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HostileServer#converse}: what each kind of answer makes the server do. */
class HostileServerTest {
  private static final String GREETING = "+OK hostile\r\n";

  @Test
  void aConversationAnswersEachLineAsScriptedAndRecordsIt() throws IOException {
    try (HostileServer server = HostileServer.converse(GREETING, line -> "+OK " + line + "\r\n");
        Socket s = connect(server)) {
      assertEquals(GREETING, read(s, GREETING.length()));
      send(s, "USER bob\r\n");
      assertEquals("+OK USER bob\r\n", read(s, 14));
      send(s, "NOOP\r\n");
      assertEquals("+OK NOOP\r\n", read(s, 10));
      s.shutdownOutput();
      assertEquals("", readToEnd(s), "the client's end of input ends the conversation");
      assertEquals(List.of("USER bob", "NOOP"), server.clientLines());
    }
  }

  @Test
  void closeAfterSendsTheWholeAnswerWithoutItsMarkerThenCloses() throws IOException {
    String cut = "+OK 5000 octets\r\nSubject: \u00ff\r\n";
    try (HostileServer server = HostileServer.converse(GREETING,
            line -> line.equals("RETR 1") ? HostileServer.closeAfter(cut) : "+OK\r\n");
        Socket s = connect(server)) {
      send(s, "RETR 1\r\n");
      byte[] all = readToEnd(s).getBytes(StandardCharsets.ISO_8859_1);
      assertEquals(GREETING + cut, new String(all, StandardCharsets.ISO_8859_1),
          "every byte of the answer (U+00FF too), nothing of the marker, then the close");
    }
  }

  @Test
  void closeAfterEndsOnlyItsConnectionAndLinesAfterItAreNotRead() throws IOException {
    try (HostileServer server = HostileServer.converse(GREETING,
        line -> line.equals("QUIT") ? HostileServer.closeAfter("+OK bye\r\n") : "+OK\r\n")) {
      try (Socket s = connect(server)) {
        send(s, "QUIT\r\nNOOP\r\n");
        assertEquals(GREETING + "+OK bye\r\n", readToEnd(s));
      }
      try (Socket again = connect(server)) {
        assertEquals(GREETING, read(again, GREETING.length()));
        send(again, "NOOP\r\n");
        assertEquals("+OK\r\n", read(again, 5));
      }
      assertEquals(List.of("QUIT", "NOOP"), server.clientLines());
    }
  }

  @Test
  void anEmptyAnswerSaysNothingAndTheNextLineIsAnswered() throws IOException {
    try (HostileServer server = HostileServer.converse(GREETING,
            line -> line.equals("STAT") ? "" : "+OK " + line + "\r\n");
        Socket s = connect(server)) {
      assertEquals(GREETING, read(s, GREETING.length()));
      send(s, "STAT\r\n");
      send(s, "NOOP\r\n");
      assertEquals("+OK NOOP\r\n", read(s, 10), "nothing came for STAT");
    }
  }

  @Test
  void aNullAnswerClosesWithoutAnswering() throws IOException {
    try (HostileServer server = HostileServer.converse(GREETING,
            line -> line.equals("RETR 1") ? null : "+OK\r\n");
        Socket s = connect(server)) {
      send(s, "RETR 1\r\n");
      assertEquals(GREETING, readToEnd(s));
    }
  }

  private static Socket connect(HostileServer server) throws IOException {
    Socket s = new Socket("127.0.0.1", server.port());
    s.setSoTimeout(5_000);
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String read(Socket s, int n) throws IOException {
    byte[] bytes = s.getInputStream().readNBytes(n);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** Everything up to the server's close (a read timeout fails the test). */
  private static String readToEnd(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toString(StandardCharsets.ISO_8859_1);
  }
}
