package io.netkit.imap.internal;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetClient;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.imap.ImapClient;
import io.netkit.imap.ImapFolder;
import io.netkit.imap.ImapRequest;
import io.netkit.imap.ImapUrl;
import io.netkit.imap.MailboxStatus;
import io.netkit.imap.MessageSummary;
import io.netkit.imap.SearchTerm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code imap} and {@code imaps} URL schemes (RFC 5092; imaps = implicit TLS on 993):
 *
 * <ul>
 *   <li>{@code imap://host/} names the server: list gives one entry per mailbox, kind {@code
 *       inbox}, {@code mailbox}, {@code dir} (not selectable) or its special use ({@code sent},
 *       {@code trash}, ...), name {@code MESSAGES UNSEEN NAME} (from STATUS);
 *   <li>{@code imap://host/MAILBOX} names a mailbox, {@code imap://host/MAILBOX?KEYS} the messages
 *       matching IMAP SEARCH keys: list gives one entry per message, kind {@code message}, size and
 *       internal date, name {@code UID FLAGS FROM SUBJECT} (flags comma-joined without {@code
 *       \Recent}, {@code -} when none; FROM the first sender's address);
 *   <li>{@code imap://host/MAILBOX/;UID=n} (or {@code MAILBOX;UID=n}) names a message, with {@code
 *       /;SECTION=x} one part: fetch streams it raw (never setting {@code \Seen}); delete flags
 *       it {@code \Deleted} and expunges just it (UID EXPUNGE).
 * </ul>
 *
 * <p>Fetching a server or mailbox URL renders its listing as text, one entry a line. Store
 * appends to the mailbox a URL names. A {@code ;UIDVALIDITY=} that no longer matches fails with
 * {@link NetNotFoundException}: the URL's UIDs are stale. Stateless and thread-safe.
 */
public final class ImapClientProvider implements ClientProvider {
  private static final Pattern AUTH = Pattern.compile(";AUTH=[^;:@]*", Pattern.CASE_INSENSITIVE);

  @Override
  public Protocol protocol() {
    return Protocol.IMAP;
  }

  @Override
  public NetClient<?, ?> newClient(NetOptions options) {
    return new ImapClient(options);
  }

  /** The endpoint, with {@code ;AUTH=} taken out of the user name. */
  @Override
  public Endpoint endpoint(URI url) {
    Endpoint endpoint = ClientProvider.super.endpoint(url);
    if (url.getRawUserInfo() == null) {
      return endpoint;
    }
    String info = AUTH.matcher(url.getRawUserInfo()).replaceAll("");
    int colon = info.indexOf(':');
    String user = ClientProvider.decode(colon < 0 ? info : info.substring(0, colon));
    String password = colon < 0 ? "" : ClientProvider.decode(info.substring(colon + 1));
    return endpoint.withCredentials(new Credentials(user, password));
  }

  @Override
  public void fetch(URI url, NetOptions options, OutputStream out, TransferListener progress)
      throws IOException {
    ImapUrl target = ImapUrl.parse(url);
    if (target.uid() < 0) {
      for (ListEntry entry : list(url, options)) {
        out.write((entry.kind() + " " + entry.name() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return;
    }
    try (ImapClient imap = open(url, options, target)) {
      checkValidity(imap, target);
      imap.request(new ImapRequest.FetchBody(
          target.mailbox(), target.uid(), target.section(), false, out, progress));
    }
  }

  @Override
  public List<ListEntry> list(URI url, NetOptions options) throws IOException {
    ImapUrl target = ImapUrl.parse(url);
    try (ImapClient imap = open(url, options, target)) {
      if (target.mailbox().isEmpty()) {
        return folders(imap, url);
      }
      checkValidity(imap, target);
      if (target.uid() >= 0) {
        return messages(imap, url, target.mailbox(), List.of(target.uid()));
      }
      SearchTerm term = target.knownSearch().map(k -> (SearchTerm) new SearchTerm.Raw(k))
          .orElse(SearchTerm.all());
      return messages(imap, url, target.mailbox(), imap.search(target.mailbox(), term));
    }
  }

  @Override
  public void store(URI url, NetOptions options, InputStream in, long size, TransferListener progress)
      throws IOException {
    ImapUrl target = ImapUrl.parse(url);
    if (target.mailbox().isEmpty() || target.uid() >= 0) {
      throw new IllegalArgumentException("an upload URL names a mailbox, imap://host/MAILBOX: " + url);
    }
    try (ImapClient imap = open(url, options, target)) {
      ImapRequest.Append append = new ImapRequest.Append(target.mailbox(), in, size, Set.of(), null);
      imap.request(append);
      progress.progress(Math.max(size, 0), size);
    }
  }

  @Override
  public void delete(URI url, NetOptions options) throws IOException {
    ImapUrl target = ImapUrl.parse(url);
    if (target.uid() < 0) {
      throw new IllegalArgumentException("rm needs a message URL, imap://host/MAILBOX/;UID=n: " + url);
    }
    try (ImapClient imap = open(url, options, target)) {
      checkValidity(imap, target);
      // Existence first: UID EXPUNGE of a UID that is not there is no error in IMAP.
      imap.summaries(target.mailbox(), List.of(target.uid())).stream().findFirst()
          .orElseThrow(() -> new NetNotFoundException(
              io.netkit.core.ErrorContext.of("imap", endpoint(url)), NetNotFoundException.Target.ITEM,
              "no message with UID " + target.uid() + " in '" + target.mailbox() + "'", "deleting"));
      imap.delete(target.mailbox(), List.of(target.uid()));
    }
  }

  private ImapClient open(URI url, NetOptions options, ImapUrl target) throws IOException {
    return ClientProvider.connected(
        new ImapClient(options(url, options)),
        imap -> imap.connect(endpoint(url), target.authMechanism()));
  }

  private static void checkValidity(ImapClient imap, ImapUrl target) throws IOException {
    if (target.uidValidity() < 0) {
      return;
    }
    MailboxStatus status = imap.examine(target.mailbox());
    if (status.uidValidity() != target.uidValidity()) {
      throw new NetNotFoundException(io.netkit.core.ErrorContext.of("imap", null),
          NetNotFoundException.Target.ITEM,
          "the UIDVALIDITY of '" + target.mailbox() + "' is now " + status.uidValidity() + ", not "
              + target.uidValidity() + ": the URL's UIDs are stale", "opening");
    }
  }

  private static List<ListEntry> folders(ImapClient imap, URI url) throws IOException {
    List<ListEntry> out = new ArrayList<>();
    for (ImapFolder folder : imap.folders()) {
      String counts = "- -";
      if (folder.selectable()) {
        MailboxStatus s = imap.status(folder.name());
        counts = s.messages() + " " + Math.max(s.unseen(), 0);
      }
      out.add(new ListEntry(kind(folder), counts + " " + folder.name(), -1, null,
          folder.selectable() ? ImapUrl.mailboxUri(url, folder.name()) : null));
    }
    return out;
  }

  private static String kind(ImapFolder folder) {
    if (!folder.selectable()) {
      return "dir";
    }
    if (folder.name().equalsIgnoreCase("INBOX")) {
      return "inbox";
    }
    return folder.specialUse().map(u -> u.substring(1).toLowerCase(Locale.ROOT)).orElse("mailbox");
  }

  private static List<ListEntry> messages(ImapClient imap, URI url, String mailbox, List<Long> uids)
      throws IOException {
    List<ListEntry> out = new ArrayList<>();
    if (uids.isEmpty()) {
      return out;
    }
    for (MessageSummary m : imap.summaries(mailbox, uids)) {
      // \Recent says only whether this session is the first to see the message: noise here.
      java.util.TreeSet<String> shown = new java.util.TreeSet<>(m.flags());
      shown.remove(io.netkit.imap.ImapFlags.RECENT);
      String flags = shown.isEmpty() ? "-" : String.join(",", shown);
      String from = m.envelope().from().isEmpty() || m.envelope().from().get(0).address().isEmpty()
          ? "-" : m.envelope().from().get(0).address();
      String subject = m.envelope().subject().isEmpty() ? "-" : m.envelope().subject();
      out.add(new ListEntry("message", m.uid() + " " + flags + " " + from + " " + subject, m.size(),
          m.internalDate(), ImapUrl.messageUri(url, mailbox, m.uid())));
    }
    return out;
  }
}
