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

  @Test
  void aBinaryPayloadIsOneSummaryLineWithItsByteCount() throws Exception {
    List<TraceEvent> events = new CopyOnWriteArrayList<>();
    NetOptions options = NetOptions.builder().trace(events::add).build();
    byte[] payload = new byte[65536];
    new java.util.Random(7).nextBytes(payload);
    try (TcpServer server =
            TcpServer.builder()
                .handler(c -> {
                  c.readLine();
                  c.output().write(payload);
                  c.output().flush();
                })
                .start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), options, "gopher")) {
      client.writeLine("/data.bin");
      assertEquals(payload.length, client.input().readAllBytes().length);
    }
    List<TraceEvent> received =
        events.stream().filter(e -> e.direction() == Direction.RECEIVED).toList();
    assertEquals(1, received.size(), events.toString());
    assertEquals("<<< 65536 bytes of data >>>", received.get(0).text());
    assertTrue(events.stream().anyMatch(e -> e.text().equals("/data.bin")), events.toString());
  }

  @Test
  void textWithAFewControlBytesIsShownAndAReplyAfterAPayloadIsTextAgain() throws Exception {
    List<TraceEvent> events = new CopyOnWriteArrayList<>();
    NetOptions options = NetOptions.builder().trace(events::add).build();
    byte[] payload = new byte[4096];
    new java.util.Random(8).nextBytes(payload);
    try (TcpServer server =
            TcpServer.builder()
                .handler(c -> {
                  c.output().write(new byte[] {(byte) 0xff, (byte) 0xfb, 1, 'h', 'i', '\n'});
                  c.writeLine("a plain line of text");
                  c.readLine();
                  c.output().write(payload);
                  c.output().flush();
                  c.readLine();
                  c.writeLine("250 the next reply");
                })
                .start();
        TcpConnection client = TcpConnection.connect(server.endpoint(), options, "x")) {
      client.readLine();
      client.readLine();
      client.writeLine("GET");
      client.input().readNBytes(payload.length);
      client.writeLine("NEXT");
      assertEquals("250 the next reply", client.readLine());
    }
    List<String> texts = events.stream().map(TraceEvent::text).toList();
    assertTrue(texts.stream().anyMatch(t -> t.endsWith("\\x01hi")), "a negotiation is text: " + texts);
    assertTrue(texts.contains("a plain line of text"), texts.toString());
    int summary = texts.indexOf("<<< 4096 bytes of data >>>");
    assertTrue(summary > texts.indexOf("GET") && summary < texts.indexOf("NEXT"), texts.toString());
    assertTrue(texts.contains("250 the next reply"), texts.toString());
  }
}
