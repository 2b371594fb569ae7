package io.netkit.imap;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in a mailbox while {@link ImapRequest.Idle} waited. Immutable.
 *
 * @param arrived the UIDs of messages that arrived, ascending
 * @param expunged the sequence numbers of messages the server expunged, in the order of its
 *     {@code EXPUNGE} responses (each relative to the mailbox as it was just before it; IMAP
 *     reports expunges by sequence number, not UID)
 * @param flags the new flags of messages whose flags changed, by UID
 * @param viaIdle true when the server offered IDLE, false when the client polled with NOOP
 */
public record Changes(
    List<Long> arrived, List<Integer> expunged, Map<Long, Set<String>> flags, boolean viaIdle) {
  /** Copies the parts. */
  public Changes {
    arrived = List.copyOf(arrived);
    expunged = List.copyOf(expunged);
    flags = Map.copyOf(flags);
  }

  /** True when nothing changed before the wait ended. */
  public boolean isEmpty() {
    return arrived.isEmpty() && expunged.isEmpty() && flags.isEmpty();
  }
}
