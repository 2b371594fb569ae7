package io.netkit.testkit.gopher;

import java.util.Objects;

/**
 * One line of a menu a {@link GopherMockServer} sends: item type, display string, selector, and
 * the host and port the item lives on. A null host (port 0) means "this server": the server fills
 * in its own address when it sends the menu, so menus can be written before the port is known.
 * Immutable.
 *
 * @param type the item type character ({@code '0'} text, {@code '1'} menu, {@code 'i'} info, ...)
 * @param display what a client shows
 * @param selector what a client sends to fetch the item
 * @param host the item's host, or null for this server
 * @param port the item's port, or 0 for this server
 */
public record GopherLine(char type, String display, String selector, String host, int port) {
  /** Checks that no field can break the menu's line and field structure. */
  public GopherLine {
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(selector, "selector");
    check("display", display);
    check("selector", selector);
    if (host != null) {
      check("host", host);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (type == '\t' || type == '\r' || type == '\n' || type == '\0') {
      throw new IllegalArgumentException("bad item type character");
    }
  }

  /** An item served by this server. */
  public static GopherLine item(char type, String display, String selector) {
    return new GopherLine(type, display, selector, null, 0);
  }

  /** An informational line (type {@code i}), not selectable. */
  public static GopherLine info(String text) {
    return new GopherLine('i', text, "", null, 0);
  }

  /** An item on another server. */
  public static GopherLine external(char type, String display, String selector, String host, int port) {
    return new GopherLine(type, display, selector, Objects.requireNonNull(host, "host"), port);
  }

  private static void check(String what, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\t' || c == '\r' || c == '\n' || c == '\0') {
        throw new IllegalArgumentException(what + " contains a tab, CR, LF or NUL at index " + i);
      }
    }
  }
}
