package io.netkit.imap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netkit.core.TransferListener;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/** The sections a {@link ImapRequest.FetchBody} accepts: none, a part number, HEADER, TEXT, MIME. */
class ImapFetchBodySectionTest {
  private static ImapRequest.FetchBody body(String section) {
    return new ImapRequest.FetchBody("INBOX", 1, section, false, OutputStream.nullOutputStream(),
        TransferListener.NONE);
  }

  @Test
  void theWholeMessagePartNumbersAndTheirHeaderTextOrMimeAreAccepted() {
    for (String ok : new String[] {"", "1", "2.3", "1.2.10", "HEADER", "TEXT", "1.HEADER", "2.3.TEXT", "4.MIME"}) {
      assertDoesNotThrow(() -> body(ok), ok);
    }
  }

  @Test
  void anythingElseIsRefusedBeforeAnythingIsSent() {
    for (String bad : new String[] {"MIME", "1.", ".1", "1..2", "HEADER.1", "1 2", "1]", "header", "1.HEADER.FIELDS (TO)"}) {
      assertThrows(IllegalArgumentException.class, () -> body(bad), bad);
    }
  }
}
