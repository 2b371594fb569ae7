package io.netkit.gopher;

import java.util.List;
import java.util.Optional;

/**
 * A menu (or search result): its items in order, info lines and items of unknown types included.
 * Immutable.
 *
 * @param items every line of the menu
 * @param terminated true when the menu ended with the {@code .} line; false when the server closed
 *     after a complete line without it (tolerated, but the menu may be incomplete)
 */
public record GopherMenu(List<GopherItem> items, boolean terminated) implements GopherReply {
  /** Copies the list. */
  public GopherMenu {
    items = List.copyOf(items);
  }

  /** The items that can be selected: everything but info lines. */
  public List<GopherItem> links() {
    return items.stream().filter(item -> !item.isInfo()).toList();
  }

  /** The first item whose display string is {@code display}. */
  public Optional<GopherItem> find(String display) {
    return items.stream().filter(item -> item.display().equals(display)).findFirst();
  }
}
