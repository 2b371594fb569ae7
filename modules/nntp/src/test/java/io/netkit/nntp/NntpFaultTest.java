package io.netkit.nntp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.trace.TraceEvent;
import io.netkit.testkit.Fault;
import io.netkit.testkit.nntp.NewsSpool;
import io.netkit.testkit.nntp.NntpMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Hostile and broken servers: every failure is typed and bounded, no article is reported whole when cut. */
class NntpFaultTest {
  static NetOptions quick() {
    return NetOptions.builder().readTimeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void articleCutBeforeItsDotLineIsAProtocolErrorNotAnArticle() throws IOException {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      body.append("line ").append(i).append(" of a long article\r\n");
    }
    NewsSpool spool = new NewsSpool().article("netkit.test",
        "From: a@example.com\r\nNewsgroups: netkit.test\r\nSubject: long\r\nMessage-ID: <long@example.com>\r\n\r\n" + body);
    try (NntpMockServer server = NntpMockServer.of(spool); NntpClient client = new NntpClient(quick())) {
      server.start();
      client.connect(server.endpoint());
      server.fault(Fault.DISCONNECT_MID_RESPONSE);
      server.cutAfterBytes(1500);
      // The fault applies to new connections: make one.
      try (NntpClient cut = new NntpClient(quick())) {
        cut.connect(server.endpoint());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NetProtocolException e =
            assertThrows(NetProtocolException.class, () -> cut.article(ArticleId.messageId("<long@example.com>"), out));
        assertTrue(e.getMessage().contains("'.'"), e.getMessage());
        assertFalse(cut.isConnected(), "a connection out of step is closed");
      }
    }
  }

  @Test
  void stalledServerTimesOutInsteadOfHanging() throws IOException {
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()); NntpClient client = new NntpClient(quick())) {
      server.fault(Fault.STALL);
      server.start();
      long start = System.nanoTime();
      assertThrows(NetTimeoutException.class, () -> client.connect(server.endpoint()));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20);
    }
  }

  @Test
  void garbageAndOverlongGreetingsAreProtocolErrors() throws IOException {
    for (Fault fault : List.of(Fault.GARBAGE_REPLY, Fault.OVERLONG_LINE, Fault.DISCONNECT_AT_START)) {
      try (NntpMockServer server = NntpMockServer.of(TestNews.spool()); NntpClient client = new NntpClient(quick())) {
        server.fault(fault);
        server.start();
        NetException e = assertThrows(NetException.class, () -> client.connect(server.endpoint()));
        assertTrue(e instanceof NetProtocolException, fault + ": " + e);
      }
    }
  }

  @Test
  void drippedAnswersStillArriveWhole() throws IOException {
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()); NntpClient client = new NntpClient(quick())) {
      server.fault(Fault.DRIP);
      server.dripDelay(Duration.ZERO);
      server.start();
      client.connect(server.endpoint());
      client.group("netkit.test");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      client.article(ArticleId.number(1), out);
      assertEquals(TestNews.FIRST, out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void anAnswerOverTheLimitsFailsAndAStreamingRequestDoesNot() throws IOException {
    NewsSpool spool = new NewsSpool();
    for (int i = 0; i < 50; i++) {
      spool.group("group." + i, "g");
    }
    try (NntpMockServer server = NntpMockServer.of(spool);
        NntpClient bounded = new NntpClient(quick(), new NntpLimits(20, 1 << 20));
        NntpClient streaming = new NntpClient(quick(), new NntpLimits(20, 1 << 20))) {
      server.start();
      bounded.connect(server.endpoint());
      NetProtocolException e = assertThrows(NetProtocolException.class, bounded::listActive);
      assertTrue(e.getMessage().contains("20 lines"), e.getMessage());
      streaming.connect(server.endpoint());
      List<String> names = new CopyOnWriteArrayList<>();
      NntpReply.Groups all = (NntpReply.Groups) streaming.request(new NntpRequest.ListActive(null, g -> names.add(g.name())));
      assertEquals(50, all.count());
      assertEquals(50, names.size());
    }
  }

  @Test
  void aPostWhoseBodyFailsToReadIsNeverTerminated() throws IOException {
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool()); NntpClient client = new NntpClient(quick())) {
      server.start();
      client.connect(server.endpoint());
      InputStream failing = new InputStream() {
        private final byte[] head = "From: a@example.com\nNewsgroups: netkit.test\nSubject: s\n\npartial body\n".getBytes();
        private int at;

        @Override
        public int read() throws IOException {
          if (at < head.length) {
            return head[at++];
          }
          throw new IOException("disk gone");
        }
      };
      IOException e = assertThrows(IOException.class, () -> client.post(failing));
      assertEquals("disk gone", e.getMessage());
      assertFalse(client.isConnected());
      assertTrue(server.posted().isEmpty(), "nothing was accepted");
    }
  }

  @Test
  void everyByteGoesThroughTheCoresTrace() throws IOException {
    List<TraceEvent> trace = new CopyOnWriteArrayList<>();
    try (NntpMockServer server = NntpMockServer.of(TestNews.spool());
        NntpClient client = new NntpClient(quick().toBuilder().trace(trace::add).build())) {
      server.start();
      client.connect(server.endpoint());
      client.group("netkit.test");
    }
    String transcript = trace.toString();
    assertTrue(transcript.contains("GROUP netkit.test"), transcript);
    assertTrue(transcript.contains("211 3 1 3 netkit.test"), transcript);
    assertTrue(transcript.contains("QUIT"), transcript);
  }
}
