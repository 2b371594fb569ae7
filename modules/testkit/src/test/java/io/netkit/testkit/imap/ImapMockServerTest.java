package io.netkit.testkit.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.testkit.Fault;
import io.netkit.testkit.MockServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImapMockServerTest {
  private static String command(Socket socket, BufferedReader in, String line, String tag) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    StringBuilder all = new StringBuilder();
    for (String reply; (reply = in.readLine()) != null; ) {
      all.append(reply).append('\n');
      if (reply.startsWith(tag + " ")) {
        break;
      }
    }
    return all.toString();
  }

  @Test
  void relaysGreenMailAndRecordsWhatTheClientSent() throws Exception {
    try (ImapMockServer server = new ImapMockServer("ann", "pw").message("Subject: hi\r\n\r\nhello\r\n")) {
      server.start();
      try (Socket socket = new Socket(server.host(), server.port())) {
        socket.setSoTimeout(5000);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        assertTrue(in.readLine().startsWith("* OK"));
        assertTrue(command(socket, in, "a LOGIN ann pw", "a").contains("a OK"));
        String select = command(socket, in, "b SELECT INBOX", "b");
        assertTrue(select.contains("* 1 EXISTS"), select);
      }
      assertTrue(server.clientLines().contains("b SELECT INBOX"), server.clientLines().toString());
      assertEquals(1, server.messages("INBOX").size());
    }
  }

  @Test
  void hiddenCapabilitiesAreNotAnnounced() throws Exception {
    try (ImapMockServer server = new ImapMockServer("ann", "pw").hideCapabilities("IDLE", "MOVE")) {
      server.start();
      try (Socket socket = new Socket(server.host(), server.port())) {
        socket.setSoTimeout(5000);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        in.readLine();
        String capabilities = command(socket, in, "a CAPABILITY", "a");
        assertTrue(capabilities.contains("IMAP4rev1"), capabilities);
        assertFalse(capabilities.contains(" IDLE") || capabilities.contains(" MOVE"), capabilities);
      }
    }
  }

  @Test
  void stallNeverGreets() throws Exception {
    try (ImapMockServer server = new ImapMockServer("ann", "pw")) {
      server.start();
      server.fault(Fault.STALL);
      try (Socket socket = new Socket(server.host(), server.port())) {
        socket.setSoTimeout(500);
        assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
      }
    }
  }

  @Test
  void theProviderServesTheEmlFilesOfADirectoryInInbox(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("b.eml"), "Subject: second\r\n\r\n2\r\n");
    Files.writeString(dir.resolve("a.eml"), "Subject: first\r\n\r\n1\r\n");
    Files.writeString(dir.resolve("notes.txt"), "not mail");
    try (MockServer server = new ImapMockServerProvider().newServer(dir, Optional.of(new Credentials("u", "p")))) {
      server.start();
      ImapMockServer imap = (ImapMockServer) server;
      assertEquals(2, imap.messages("INBOX").size());
      assertEquals("first", imap.messages("INBOX").get(0).getSubject());
      assertEquals("u", imap.account().user());
    }
  }
}
