package io.netkit.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.core.transport.TcpConnection;
import io.netkit.core.transport.TcpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TraceTest {
  @Test
  void commandArgumentsAreMaskedCaseInsensitivelyInSentLinesOnly() {
    TraceMasker masker = TraceMasker.commandArguments("PASS", "AUTHINFO PASS");
    assertEquals("PASS ****", masker.mask(Direction.SENT, "PASS secret"));
    assertEquals("pass ****", masker.mask(Direction.SENT, "pass secret"));
    assertEquals("AUTHINFO PASS ****", masker.mask(Direction.SENT, "AUTHINFO PASS x y"));
    assertEquals("AUTHINFO USER bob", masker.mask(Direction.SENT, "AUTHINFO USER bob"));
    assertEquals("PASSIVE", masker.mask(Direction.SENT, "PASSIVE"));
    assertEquals("PASS echoed", masker.mask(Direction.RECEIVED, "PASS echoed"));
  }

  @Test
  void connectionTraceShowsBothDirectionsMaskedWithTimestamps() throws Exception {
    List<TraceEvent> events = new CopyOnWriteArrayList<>();
    NetOptions options =
        NetOptions.builder().trace(events::add).traceMasker(TraceMasker.commandArguments("PASS")).build();
    try (TcpServer server = TcpServer.builder().handler(c -> c.writeLine("got " + c.readLine().length())).start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), options, "pop3")) {
      client.writeLine("PASS topsecret");
      assertEquals("got 14", client.readLine());
    }
    assertTrue(events.stream().anyMatch(e -> e.direction() == Direction.SENT && e.text().equals("PASS ****")));
    assertTrue(events.stream().anyMatch(e -> e.direction() == Direction.RECEIVED && e.text().equals("got 14")));
    assertTrue(events.stream().allMatch(e -> e.connection().startsWith("pop3#") && e.time() != null));
    assertFalse(events.toString().contains("topsecret"));
  }

  @Test
  void printingSinkWritesArrowsPerDirection() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TraceSink sink = TraceSink.printingTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    sink.record(new TraceEvent(java.time.Instant.EPOCH, "ftp#1 h:21", Direction.SENT, "NOOP"));
    sink.record(new TraceEvent(java.time.Instant.EPOCH, "ftp#1 h:21", Direction.RECEIVED, "200 ok"));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("ftp#1 h:21 > NOOP"), text);
    assertTrue(text.contains("ftp#1 h:21 < 200 ok"), text);
  }

  @Test
  void binaryAndOverlongLinesAreShownShortened() throws Exception {
    List<TraceEvent> events = new CopyOnWriteArrayList<>();
    NetOptions options = NetOptions.builder().trace(events::add).build();
    try (TcpServer server =
            TcpServer.builder()
                .handler(c -> {
                  c.output().write(new byte[] {1, 2, 'a', '\n'});
                  c.output().write(("z".repeat(2000) + "\n").getBytes(StandardCharsets.US_ASCII));
                  c.output().flush();
                })
                .start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), options)) {
      client.readLine();
      client.readLine();
    }
    assertTrue(events.stream().anyMatch(e -> e.text().equals("\\x01\\x02a")), events.toString());
    assertTrue(events.stream().anyMatch(e -> e.text().endsWith("(1488 more bytes)")), events.toString());
  }

  @Test
  void anEmptyLineIsTracedAsALine() throws Exception {
    List<TraceEvent> events = new CopyOnWriteArrayList<>();
    NetOptions options = NetOptions.builder().trace(events::add).build();
    try (TcpServer server = TcpServer.builder().handler(c -> c.writeLine("[" + c.readLine() + "]")).start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), options, "gopher")) {
      client.writeLine("");
      assertEquals("[]", client.readLine());
    }
    assertTrue(events.stream().anyMatch(e -> e.direction() == Direction.SENT && e.text().isEmpty()), events.toString());
  }
}
