package io.netkit.pop3;

import java.util.List;

/**
 * The answer to LIST (every message, or the one asked for). Immutable.
 *
 * @param messages the entries in the server's order
 */
public record SizeListing(List<MessageSize> messages) implements Pop3Reply {
  /** Copies the list. */
  public SizeListing {
    messages = List.copyOf(messages);
  }
}
