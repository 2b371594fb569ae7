package io.netkit.pop3;

import java.util.List;

/**
 * The answer to UIDL (every message, or the one asked for). Immutable.
 *
 * @param messages the entries in the server's order
 */
public record UidListing(List<MessageUid> messages) implements Pop3Reply {
  /** Copies the list. */
  public UidListing {
    messages = List.copyOf(messages);
  }
}
