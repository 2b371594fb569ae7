package io.netkit.examples.nntp;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import java.nio.file.Path;
import io.netkit.nntp.ArticleId;
import io.netkit.nntp.ArticleRange;
import io.netkit.nntp.NntpClient;
import io.netkit.nntp.NntpReply;
import io.netkit.nntp.Overview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * Reads a newsgroup: selects it, prints the overview of its newest articles (number, date, sender,
 * decoded subject), then the newest article's body.
 *
 * <pre>
 * java -cp examples/target/netkit-examples.jar io.netkit.examples.nntp.ReadGroup HOST[:PORT] GROUP [COUNT]
 *     [--user USER:PASSWORD] [--starttls | --nntps] [--cacert CA.pem]
 * </pre>
 *
 * COUNT defaults to 10 and the port to 119 (563 with {@code --nntps}). {@code --starttls}
 * requires TLS (STARTTLS) before anything else, and so before the login; {@code --cacert} trusts
 * a PEM file's CAs instead of the system's. Try it against the testkit server ({@code ./netkit serve
 * nntp --root DIR}, one folder per group) or the real-server harness's INN ({@code 127.0.0.1:17119
 * netkit.test}).
 */
public final class ReadGroup {
  private ReadGroup() {}

  public static void main(String[] args) throws IOException {
    String host = null;
    String group = null;
    int count = 10;
    Credentials credentials = null;
    TlsMode tls = TlsMode.NONE;
    Trust trust = Trust.system();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--user" -> credentials = Credentials.parse(args[++i]);
        case "--starttls" -> tls = TlsMode.STARTTLS_REQUIRED;
        case "--nntps" -> tls = TlsMode.IMPLICIT;
        case "--cacert" -> trust = Trust.pemFile(Path.of(args[++i]));
        default -> {
          if (host == null) {
            host = args[i];
          } else if (group == null) {
            group = args[i];
          } else {
            count = Integer.parseInt(args[i]);
          }
        }
      }
    }
    if (host == null || group == null || count < 1) {
      System.err.println("usage: ReadGroup HOST[:PORT] GROUP [COUNT] [--user USER:PASSWORD] [--starttls | --nntps] [--cacert CA.pem]");
      System.exit(2);
    }
    NetOptions options =
        NetOptions.builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .tlsMode(tls)
            .trust(trust)
            .build();
    try (NntpClient news = new NntpClient(options)) {
      Endpoint endpoint = Endpoint.parse(host);
      news.connect(credentials == null ? endpoint : endpoint.withCredentials(credentials));
      NntpReply.GroupSelected selected = news.group(group);
      System.out.println(selected.name() + ": " + selected.count() + " articles, " + selected.low() + "-" + selected.high());
      if (selected.count() == 0) {
        return;
      }
      long from = Math.max(selected.low(), selected.high() - count + 1);
      // Streamed: a group with a million articles costs no more memory than one with ten.
      news.over(ArticleRange.between(from, selected.high()), ReadGroup::print);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      NntpReply.ArticleTransfer newest = news.body(ArticleId.number(selected.high()), body);
      System.out.println();
      System.out.println("--- article " + newest.number() + " " + newest.messageId() + " ---");
      System.out.print(body.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    } catch (NetException e) {
      System.err.println("nntp: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void print(Overview o) {
    String date = o.time().map(Object::toString).orElse(o.date());
    System.out.println(o.number() + "  " + date + "  " + o.decodedFrom() + "  " + o.decodedSubject());
  }
}
