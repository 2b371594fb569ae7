package io.netkit.gopher.internal;

import io.netkit.core.Endpoint;
import io.netkit.gopher.GopherItem;
import io.netkit.gopher.GopherMenu;

/**
 * Renders a menu as text for people and scripts, one item per line, in a stable form:
 *
 * <pre>
 * i  Welcome to the server
 * 0  Hello text    /hello.txt
 * 1  Elsewhere     /x          @ other.example:70
 * </pre>
 *
 * The type character, two spaces, the display string padded to a common width (at most 40), two
 * spaces, the selector, and {@code @ host:port} only for items on another server. Info lines show
 * only their text. A menu that ended without its {@code .} line gets a last line saying so.
 */
public final class MenuRenderer {
  private static final int MAX_WIDTH = 40;

  private MenuRenderer() {}

  /** The menu as text, each line ending in LF; {@code from} is where the menu came from. */
  public static String render(GopherMenu menu, Endpoint from) {
    int width = 0;
    for (GopherItem item : menu.links()) {
      width = Math.max(width, Math.min(MAX_WIDTH, item.display().length()));
    }
    StringBuilder out = new StringBuilder();
    for (GopherItem item : menu.items()) {
      StringBuilder line = new StringBuilder().append(item.type()).append("  ");
      if (item.isInfo()) {
        line.append(item.display());
      } else {
        line.append(pad(item.display(), width)).append("  ").append(item.selector());
        if (!item.host().equalsIgnoreCase(from.host()) || item.port() != from.port()) {
          line.append("  @ ").append(item.host()).append(':').append(item.port());
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    if (!menu.terminated()) {
      out.append("# menu ended without its '.' line: it may be incomplete\n");
    }
    return out.toString();
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
