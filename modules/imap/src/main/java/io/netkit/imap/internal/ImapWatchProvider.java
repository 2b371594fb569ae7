package io.netkit.imap.internal;

import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.spi.WatchProvider;
import io.netkit.imap.Changes;
import io.netkit.imap.ImapClient;
import io.netkit.imap.ImapUrl;
import io.netkit.imap.MessageSummary;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code netkit watch imap://host/MAILBOX}: IDLE (or NOOP polling) on the mailbox, one event per
 * new message: its UID, sender address and subject. Opens the mailbox read-only (EXAMINE), so
 * watching changes nothing. Stateless and thread-safe.
 */
public final class ImapWatchProvider implements WatchProvider {
  /** The longest single wait, so a limit or an interrupt is noticed in time. */
  private static final Duration ROUND = Duration.ofMinutes(5);

  private final ImapClientProvider urls = new ImapClientProvider();

  @Override
  public Protocol protocol() {
    return Protocol.IMAP;
  }

  @Override
  public void watch(URI url, NetOptions options, Duration limit, Listener listener)
      throws IOException {
    ImapUrl target = ImapUrl.parse(url);
    String mailbox = target.mailbox().isEmpty() ? "INBOX" : target.mailbox();
    long end = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
    try (ImapClient imap = new ImapClient(urls.options(url, options))) {
      imap.connect(urls.endpoint(url), target.authMechanism());
      imap.examine(mailbox);
      while (!Thread.currentThread().isInterrupted()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return;
        }
        Duration wait = Duration.ofNanos(Math.min(left, ROUND.toNanos()));
        Changes changes = imap.idle(mailbox, wait);
        if (changes.arrived().isEmpty()) {
          continue;
        }
        for (MessageSummary m : imap.summaries(mailbox, changes.arrived())) {
          String from = m.envelope().from().isEmpty() ? "" : m.envelope().from().get(0).address();
          if (!listener.event(new Event(Long.toString(m.uid()), List.of(from, m.envelope().subject())))) {
            return;
          }
        }
      }
    }
  }
}
