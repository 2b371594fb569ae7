package io.netkit.examples.imap;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.imap.ImapClient;
import io.netkit.imap.MailboxStatus;
import io.netkit.imap.MessageSummary;
import io.netkit.imap.SearchTerm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Searches a mailbox and saves the matching messages: opens the mailbox read-only, searches (by
 * sender, or every unseen message), prints one line per match and streams each message to a
 * {@code .eml} file (fetched with BODY.PEEK, so \Seen stays as it was).
 *
 * <pre>
 * java -cp examples/target/netkit-examples.jar io.netkit.examples.imap.SearchAndFetch \
 *     HOST[:PORT] USER:PASSWORD [MAILBOX] [--from TEXT] [--save DIR] [--tls CA.pem]
 * </pre>
 *
 * <p>With {@code --tls} the session upgrades with STARTTLS (required: never plain text) and trusts
 * the CA certificates in the PEM file.
 */
public final class SearchAndFetch {
  private SearchAndFetch() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("SearchAndFetch: " + e.getMessage());
      System.exit(2);
    } catch (IOException e) {
      // A refused login, a missing mailbox, a server that is not there: one line, not a trace.
      System.err.println("SearchAndFetch: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void run(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: SearchAndFetch HOST[:PORT] USER:PASSWORD [MAILBOX] [--from TEXT]"
          + " [--save DIR] [--tls CA.pem]");
      System.exit(2);
    }
    Endpoint endpoint = Endpoint.parse(args[0]).withCredentials(Credentials.parse(args[1]));
    NetOptions.Builder options = NetOptions.builder().connectTimeout(Duration.ofSeconds(10));
    String mailbox = "INBOX";
    SearchTerm term = SearchTerm.unseen();
    Path save = null;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--from" -> term = SearchTerm.from(args[++i]);
        case "--save" -> save = Path.of(args[++i]);
        case "--tls" ->
            options.tlsMode(TlsMode.STARTTLS_REQUIRED).trust(Trust.pemFile(Path.of(args[++i])));
        default -> mailbox = args[i];
      }
    }

    try (ImapClient imap = new ImapClient(options.build())) {
      imap.connect(endpoint);
      MailboxStatus status = imap.examine(mailbox);
      System.out.printf("%s: %d messages, %d unseen%n", mailbox, status.messages(), status.unseen());
      List<Long> uids = imap.search(mailbox, term);
      if (uids.isEmpty()) {
        System.out.println("no match");
        return;
      }
      for (MessageSummary m : imap.summaries(mailbox, uids)) {
        String from = m.envelope().from().isEmpty() ? "-" : m.envelope().from().get(0).toString();
        System.out.printf("%6d  %8d  %-30s  %s%n", m.uid(), m.size(), from, m.envelope().subject());
        if (save != null) {
          Files.createDirectories(save);
          Path file = save.resolve(m.uid() + ".eml");
          try (OutputStream out = Files.newOutputStream(file)) {
            imap.fetch(mailbox, m.uid(), out);
          }
        }
      }
    }
  }
}
