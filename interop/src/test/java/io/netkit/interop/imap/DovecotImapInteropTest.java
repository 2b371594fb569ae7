package io.netkit.interop.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetNotFoundException;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import io.netkit.core.trace.TraceEvent;
import io.netkit.imap.Changes;
import io.netkit.imap.ImapAnswer;
import io.netkit.imap.ImapClient;
import io.netkit.imap.ImapFlags;
import io.netkit.imap.ImapFolder;
import io.netkit.imap.MailboxStatus;
import io.netkit.imap.MessageSummary;
import io.netkit.imap.SearchTerm;
import io.netkit.interop.Digests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The IMAP client against Dovecot: every request kind, over STARTTLS (required) and IMAPS. */
class DovecotImapInteropTest {
  private final ImapServers mail = new ImapServers();

  @Test
  void startTlsRequiredLogsInOverTlsAndTheTraceSeesTheSessionWithoutThePassword() throws Exception {
    List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
    try (ImapClient imap = new ImapClient(mail.options(trace, TlsMode.STARTTLS_REQUIRED).build())) {
      imap.connect(mail.imap());
      assertTrue(imap.capabilities().contains("IDLE"));
      assertTrue(imap.folders().stream().anyMatch(f -> f.name().equals("INBOX")));
    }
    List<String> lines = trace.stream().map(TraceEvent::text).toList();
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("STARTTLS")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("AUTHENTICATE PLAIN") || l.contains("LOGIN ****")),
        lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains(mail.credentials().password())));
  }

  @Test
  void implicitTlsWorks() throws Exception {
    try (ImapClient imap = new ImapClient(mail.options(null, TlsMode.IMPLICIT).build())) {
      imap.connect(mail.imaps());
      assertTrue(imap.examine("INBOX").uidValidity() > 0);
    }
  }

  @Test
  void foldersWithUnicodeNamesAndSpecialUse() throws Exception {
    String name = ImapServers.unique("Entwürfe \"quoted\"");
    try (ImapClient imap = new ImapClient(mail.options(null, TlsMode.STARTTLS_REQUIRED).build())) {
      imap.connect(mail.imap());
      imap.create(name);
      try {
        List<ImapFolder> folders = imap.folders();
        assertTrue(folders.stream().anyMatch(f -> f.name().equals(name)), folders.toString());
        String renamed = name + " renamed";
        imap.request(new io.netkit.imap.ImapRequest.RenameFolder(name, renamed));
        imap.request(new io.netkit.imap.ImapRequest.Subscribe(renamed, true));
        assertTrue(((ImapAnswer.Folders) imap.request(
            new io.netkit.imap.ImapRequest.ListFolders("*", true))).folders().stream()
            .anyMatch(f -> f.name().equals(renamed)));
        imap.request(new io.netkit.imap.ImapRequest.DeleteFolder(renamed));
        assertThrows(NetNotFoundException.class, () -> imap.select(renamed));
      } catch (RuntimeException | java.io.IOException e) {
        try {
          imap.request(new io.netkit.imap.ImapRequest.DeleteFolder(name));
        } catch (java.io.IOException ignored) {
          // best effort
        }
        throw e;
      }
      if (imap.folders().stream().noneMatch(f -> f.name().equals("Sent"))) {
        imap.create("Sent");
      }
      ImapFolder sent = imap.folders().stream().filter(f -> f.name().equals("Sent")).findFirst().orElseThrow();
      assertEquals("\\Sent", sent.specialUse().orElse(""), sent.toString());
    }
  }

  @Test
  void appendSelectSearchFetchFlagsCopyMove() throws Exception {
    String token = ImapServers.unique("t");
    String box = ImapServers.unique("netkit-interop");
    String other = box + "-other";
    byte[] message = ImapServers.message(token, "Zed Sender <zed@netkit.test>");
    try (ImapClient imap = new ImapClient(mail.options(null, TlsMode.STARTTLS_REQUIRED).build())) {
      imap.connect(mail.imap());
      imap.create(box);
      imap.create(other);
      try {
        Instant when = Instant.parse("2026-11-30T08:00:00Z");
        ImapAnswer.Appended appended = imap.append(box, new ByteArrayInputStream(message),
            message.length, Set.of(ImapFlags.FLAGGED), when);
        assertTrue(appended.uid() > 0 && appended.uidValidity() > 0, appended.toString());
        imap.append(box, new ByteArrayInputStream(ImapServers.message(ImapServers.unique("other"), "amy@netkit.test")),
            -1, Set.of(), null);

        MailboxStatus status = imap.select(box);
        assertEquals(2, status.messages());
        assertEquals(2, status.unseen());
        assertEquals(appended.uidValidity(), status.uidValidity());
        assertTrue(status.uidNext() > appended.uid());

        long uid = appended.uid();
        assertEquals(List.of(uid), imap.search(box, SearchTerm.from("zed")));
        assertEquals(List.of(uid), imap.search(box, SearchTerm.subject("interop " + token)));
        assertEquals(List.of(uid), imap.search(box, SearchTerm.flagged()));
        assertEquals(List.of(uid), imap.search(box, SearchTerm.and(SearchTerm.body("backslash"),
            SearchTerm.not(SearchTerm.from("amy")), SearchTerm.before(LocalDate.of(2026, 12, 1)))));
        assertEquals(2, imap.search(box, SearchTerm.or(SearchTerm.from("zed"), SearchTerm.from("amy"))).size());
        assertEquals(List.of(uid), imap.search(box, SearchTerm.uids(uid, uid)));
        assertEquals(List.of(uid), imap.search(box, SearchTerm.or(
            SearchTerm.and(SearchTerm.from("zed"), SearchTerm.smaller(10_000)),
            SearchTerm.and(SearchTerm.from("nobody"), SearchTerm.seen()))));
        assertEquals(List.of(uid), imap.search(box,
            SearchTerm.header("Message-ID", "<" + token + "@netkit.test>")));
        assertEquals(List.of(), imap.search(box, SearchTerm.larger(100_000)));
        assertEquals(List.of(), imap.search(box, SearchTerm.subject("nichts-da-ü")));

        ByteArrayOutputStream fetched = new ByteArrayOutputStream();
        imap.fetch(box, uid, fetched);
        assertEquals(Digests.sha256(message), Digests.sha256(fetched.toByteArray()), "byte-identical");
        assertEquals(2, imap.search(box, SearchTerm.unseen()).size(), "fetching set no \\Seen");

        MessageSummary summary = imap.summaries(box, List.of(uid)).get(0);
        assertEquals("interop " + token, summary.envelope().subject());
        assertEquals("zed@netkit.test", summary.envelope().from().get(0).address());
        assertEquals(when, summary.internalDate());
        assertEquals(message.length, summary.size());

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        imap.fetch(box, uid, "1", false, body, TransferListener.NONE);
        assertTrue(body.toString(java.nio.charset.StandardCharsets.UTF_8).startsWith("Body of " + token));

        imap.flags(box, List.of(uid), Set.of(ImapFlags.SEEN, "NetkitKeyword"), true);
        assertEquals(List.of(uid), imap.search(box, SearchTerm.flag("NetkitKeyword")));
        imap.flags(box, List.of(uid), Set.of("NetkitKeyword"), false);
        assertEquals(List.of(), imap.search(box, SearchTerm.flag("NetkitKeyword")));

        ImapAnswer.Copied copied = imap.copy(box, List.of(uid), other);
        assertEquals(1, copied.targetUids().size(), copied.toString());
        ImapAnswer.Copied moved = imap.move(box, List.of(uid), other);
        assertTrue(moved.originalsRemoved());
        assertEquals(1, imap.status(box).messages());
        assertEquals(2, imap.status(other).messages());
        assertEquals(2, imap.search(other, SearchTerm.subject(token)).size());
      } finally {
        imap.request(new io.netkit.imap.ImapRequest.DeleteFolder(box));
        imap.request(new io.netkit.imap.ImapRequest.DeleteFolder(other));
      }
    }
  }

  @Test
  void idleSeesAMailDeliveredDuringTheWaitWithinTwoSeconds() throws Exception {
    String token = ImapServers.unique("idle");
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    long[] sentAt = new long[1];
    try (ImapClient imap = new ImapClient(mail.options(null, TlsMode.STARTTLS_REQUIRED).build())) {
      imap.connect(mail.imap());
      imap.examine("INBOX");
      later.schedule(() -> {
        sentAt[0] = System.nanoTime();
        mail.deliverBySmtp(ImapServers.message(token, "idler@netkit.test"));
        return null;
      }, 500, TimeUnit.MILLISECONDS);
      Changes changes = imap.idle("INBOX", Duration.ofSeconds(30));
      long seen = System.nanoTime();
      assertTrue(changes.viaIdle());
      assertFalse(changes.arrived().isEmpty(), changes.toString());
      assertTrue(seen - sentAt[0] < TimeUnit.SECONDS.toNanos(2),
          "seen " + (seen - sentAt[0]) / 1_000_000 + " ms after sending");
      long uid = changes.arrived().get(changes.arrived().size() - 1);
      assertEquals("interop " + token, imap.summaries("INBOX", List.of(uid)).get(0).envelope().subject());
      imap.delete("INBOX", List.of(uid));
    } finally {
      later.shutdownNow();
    }
  }
}
