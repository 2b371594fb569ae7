package io.netkit.interop.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.TlsMode;
import io.netkit.imap.ImapAnswer;
import io.netkit.imap.ImapClient;
import io.netkit.imap.ImapRequest;
import io.netkit.interop.Digests.Sha256Sink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A fetch of a message larger than the JVM's heap: 100 MiB is appended to Dovecot (streamed), then
 * a child JVM with {@code -Xmx64m} fetches it into a hashing sink. If the client (or Angus under
 * it) held the message in memory, the child would die of OutOfMemoryError.
 */
class SmallHeapFetchInteropTest {
  private static final long SIZE = 100L * 1024 * 1024;

  @Test
  void aMessageLargerThanTheHeapStreamsToTheCallersStream() throws Exception {
    ImapServers mail = new ImapServers();
    String box = ImapServers.unique("netkit-big");
    Sha256Sink expected = new Sha256Sink();
    ImapServers.generated(SIZE, 100).transferTo(expected);
    try (ImapClient imap = new ImapClient(mail.options(null, TlsMode.STARTTLS_REQUIRED).build())) {
      imap.connect(mail.imap());
      imap.create(box);
      try {
        ImapAnswer.Appended appended =
            imap.append(box, ImapServers.generated(SIZE, 100), SIZE, Set.of(), null);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(
                java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SmallHeapFetchChild.class.getName(),
                mail.host(), mail.servers.require("IMAP_PORT"),
                mail.credentials().user(), mail.credentials().password(), box,
                Long.toString(appended.uid()), mail.servers.require("CA_PEM")))
            .redirectErrorStream(true)
            .start();
        assertTrue(child.waitFor(180, TimeUnit.SECONDS), "child finished in time");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, child.exitValue(), output);
        String[] last = output.lines().reduce((a, b) -> b).orElse("").split(" ");
        assertEquals(Long.toString(SIZE), last[0], output);
        assertEquals(expected.hex(), last[1], output);
        assertTrue(Long.parseLong(last[2]) < SIZE, "the heap is smaller than the message: " + last[2]);
      } finally {
        imap.request(new ImapRequest.DeleteFolder(box));
      }
    }
  }
}
