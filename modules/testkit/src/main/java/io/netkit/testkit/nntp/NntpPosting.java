package io.netkit.testkit.nntp;

import io.netkit.core.line.DotTerminatedInputStream;
import io.netkit.testkit.MockConnection;
import io.netkit.testkit.nntp.internal.SpoolArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * POST and IHAVE for one {@link NntpMockServer} session: receives the article (unstuffed,
 * bounded), checks its headers as INN does, adds a Message-ID and Date when missing, and files it
 * in the spool. Confined to its session's thread.
 */
final class NntpPosting {
  private static final int MAX_ARTICLE = 16 * 1024 * 1024;

  private final NntpMockServer server;
  private final NewsSpool spool;
  private final MockConnection connection;
  private final NntpReplies replies;

  NntpPosting(NntpMockServer server, MockConnection connection, NntpReplies replies) {
    this.server = server;
    this.spool = server.spool();
    this.connection = connection;
    this.replies = replies;
  }

  void post() throws IOException {
    if (!server.allowsPosting()) {
      replies.reply(440, "posting not permitted");
      return;
    }
    String recommended = "<mock." + System.nanoTime() + "@netkit.mock>";
    replies.reply(340, "send article; recommended message-ID " + recommended);
    byte[] article = receiveArticle();
    if (article == null) {
      replies.reply(441, "article too large");
      return;
    }
    String problem = problem(article);
    if (problem != null) {
      replies.reply(441, problem);
      return;
    }
    SpoolArticle parsed = SpoolArticle.of(article, "", Instant.now());
    if (parsed.messageId().isEmpty()) {
      article = prepend("Message-ID: " + recommended, article);
    }
    if (parsed.header("date").isEmpty()) {
      article = prepend("Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)), article);
    }
    List<String> to = spool.post(article, Instant.now());
    if (to.isEmpty()) {
      replies.reply(441, "no such newsgroup or duplicate message-ID");
      return;
    }
    server.recordPost(article);
    replies.reply(240, "article received ok");
  }

  void ihave(String[] w) throws IOException {
    if (w.length < 2 || !w[1].startsWith("<")) {
      replies.reply(501, "IHAVE message-id");
      return;
    }
    if (spool.article(w[1]).isPresent()) {
      replies.reply(435, "duplicate");
      return;
    }
    replies.reply(335, "send it");
    byte[] article = receiveArticle();
    if (article == null) {
      replies.reply(437, "article too large");
      return;
    }
    if (SpoolArticle.of(article, "", Instant.now()).messageId().isEmpty()) {
      article = prepend("Message-ID: " + w[1], article);
    }
    if (spool.post(article, Instant.now()).isEmpty()) {
      replies.reply(437, "no such newsgroup");
      return;
    }
    server.recordPost(article);
    replies.reply(235, "article transferred ok");
  }

  private static String problem(byte[] article) {
    SpoolArticle a = SpoolArticle.of(article, "", Instant.now());
    for (String name : List.of("from", "newsgroups", "subject")) {
      if (a.header(name).isBlank()) {
        return "missing " + name + " header";
      }
    }
    if (!a.header("from").matches(".*@[^@\\s>]+\\.[^@\\s>]+.*")) {
      return "From: address not in Internet syntax";
    }
    return null;
  }

  private static byte[] prepend(String header, byte[] article) {
    byte[] head = (header + "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] whole = new byte[head.length + article.length];
    System.arraycopy(head, 0, whole, 0, head.length);
    System.arraycopy(article, 0, whole, head.length, article.length);
    return whole;
  }

  /** The article the client sends, unstuffed, or null when it is over the limit (then drained). */
  private byte[] receiveArticle() throws IOException {
    replies.flush();
    DotTerminatedInputStream in = new DotTerminatedInputStream(connection.input());
    ByteArrayOutputStream article = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    boolean tooLarge = false;
    while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
      if (article.size() + n > MAX_ARTICLE) {
        tooLarge = true;
      } else {
        article.write(buffer, 0, n);
      }
    }
    return tooLarge ? null : article.toByteArray();
  }
}
