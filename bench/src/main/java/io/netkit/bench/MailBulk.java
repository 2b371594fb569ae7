package io.netkit.bench;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.imap.ImapClient;
import io.netkit.imap.SearchTerm;
import io.netkit.nntp.ArticleId;
import io.netkit.nntp.NntpClient;
import io.netkit.pop3.MessageSize;
import io.netkit.pop3.Pop3Client;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The large-message transfers of the memory rows, netkit only: POP3 RETR and IMAP fetch of the
 * message with {@code Subject: NAME} in the {@link BenchMailbox} (Dovecot), NNTP ARTICLE of
 * {@code <NAME@netkit.bench>} from the testkit news server that {@link NewsSpoolMain} runs in a
 * JVM of its own (port in {@code -Dbench.nntp.port}).
 */
final class MailBulk {
  private static final NetOptions OPTIONS =
      NetOptions.builder().readTimeout(Duration.ofSeconds(120)).build();

  private MailBulk() {}

  static void pop3(String name, OutputStream sink) throws IOException {
    try (Pop3Client client = new Pop3Client(OPTIONS)) {
      client.connect(BenchMailbox.pop3());
      client.retrieve(pop3Number(client, name), sink);
      client.quit();
    }
  }

  /** The number of the message whose Subject is {@code name} (TOP n 0 of each: a handful). */
  private static int pop3Number(Pop3Client client, String name) throws IOException {
    String wanted = "\nsubject: " + name.toLowerCase(java.util.Locale.ROOT) + "\r";
    List<MessageSize> all = client.list();
    for (MessageSize m : all) {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      client.top(m.number(), 0, head);
      if (("\n" + head.toString(StandardCharsets.US_ASCII)).toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
        return m.number();
      }
    }
    throw new IOException("no message " + name + " in the bench mailbox (" + all.size() + " messages)");
  }

  static void imap(String name, OutputStream sink) throws IOException {
    try (ImapClient client = new ImapClient(OPTIONS)) {
      client.connect(BenchMailbox.imap());
      List<Long> uids = client.search("INBOX", SearchTerm.subject(name));
      if (uids.size() != 1) {
        throw new IOException("messages " + name + " in the bench INBOX: " + uids);
      }
      client.fetch("INBOX", uids.get(0), sink);
    }
  }

  static void nntp(String name, OutputStream sink) throws IOException {
    try (NntpClient client = new NntpClient(OPTIONS)) {
      client.connect(Endpoint.of("127.0.0.1", Integer.getInteger("bench.nntp.port")));
      client.article(ArticleId.messageId(BenchMailbox.messageId(name)), sink);
    }
  }
}
