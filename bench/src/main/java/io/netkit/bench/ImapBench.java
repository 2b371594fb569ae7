package io.netkit.bench;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.imap.ImapClient;
import io.netkit.imap.SearchTerm;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Facade overhead for IMAP: the whole of one 4 KiB message ({@code BODY.PEEK[]}) fetched from
 * Dovecot on an open, logged-in connection with INBOX selected, by netkit's {@link ImapClient}
 * and by Angus Mail's {@code IMAPFolder} used directly (the message object looked up by UID once;
 * Angus does not keep the content, so each {@code writeTo} fetches the body again). The message
 * is {@code bench-4k.eml} of {@link BenchMailbox}, put there by {@code bench/run.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ImapBench {
  static final String MESSAGE = "bench-4k.eml";
  /**
   * The account, {@link BenchMailbox}'s unless {@code -Dbench.imap.user} and {@code
   * -Dbench.imap.password} name another with the same message (for runs beside bench/run.sh's
   * own account; pass them to the forks with {@code -jvmArgsAppend}).
   */
  static final String USER = System.getProperty("bench.imap.user", BenchMailbox.USER);
  static final String PASSWORD = System.getProperty("bench.imap.password", BenchMailbox.PASSWORD);

  /** netkit, one session, INBOX selected by the first fetch and kept. */
  @State(Scope.Thread)
  public static class Netkit {
    ImapClient client;
    long uid;

    @Setup(Level.Trial)
    public void open() throws IOException {
      client = new ImapClient(NetOptions.defaults());
      client.connect(BenchMailbox.imap().withCredentials(new Credentials(USER, PASSWORD)));
      List<Long> uids = client.search("INBOX", SearchTerm.subject(MESSAGE));
      if (uids.size() != 1) {
        throw new IOException(MESSAGE + " in the bench INBOX: " + uids);
      }
      uid = uids.get(0);
    }

    @TearDown(Level.Trial)
    public void close() {
      client.close();
    }
  }

  /** Angus Mail: an IMAPStore and its INBOX, open read-only (so BODY.PEEK, as netkit). */
  @State(Scope.Thread)
  public static class Angus {
    Store store;
    IMAPFolder folder;
    IMAPMessage message;

    @Setup(Level.Trial)
    public void open() throws MessagingException, IOException {
      Properties p = new Properties();
      p.put("mail.imap.host", Servers.get("MAIL_HOST"));
      p.put("mail.imap.port", Servers.get("IMAP_PORT"));
      p.put("mail.imap.peek", "true");
      store = Session.getInstance(p).getStore("imap");
      store.connect(USER, PASSWORD);
      folder = (IMAPFolder) store.getFolder("INBOX");
      folder.open(Folder.READ_ONLY);
      for (jakarta.mail.Message m : folder.search(new jakarta.mail.search.SubjectTerm(MESSAGE))) {
        message = (IMAPMessage) m;
      }
      if (message == null) {
        throw new IOException(MESSAGE + " is not in the bench INBOX");
      }
    }

    @TearDown(Level.Trial)
    public void close() throws MessagingException {
      folder.close(false);
      store.close();
    }
  }

  @Benchmark
  public long imapFetchNetkit(Netkit s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    return s.client.fetch("INBOX", s.uid, out);
  }

  @Benchmark
  public int imapFetchAngus(Angus s) throws IOException, MessagingException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    s.message.writeTo(out);
    return out.size();
  }
}
