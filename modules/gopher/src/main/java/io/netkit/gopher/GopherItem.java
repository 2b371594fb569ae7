package io.netkit.gopher;

import java.net.URI;
import java.util.Objects;

/**
 * One line of a Gopher menu: type character, display string, selector, host and port. Items of
 * unknown types are kept as they came. For a line that left the host or port out, they are the
 * server's the menu came from. Immutable.
 *
 * @param type the type character as sent
 * @param display the display string (for an info line, the text)
 * @param selector what to send to fetch the item ({@code ""} when the line had none)
 * @param host the item's host
 * @param port the item's port (for info lines, whatever the server put there, or 0)
 */
public record GopherItem(char type, String display, String selector, String host, int port) {
  /** Checks that nothing is null. */
  public GopherItem {
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(host, "host");
  }

  /** The item's type ({@link GopherType#UNKNOWN} for a type character netkit does not know). */
  public GopherType kind() {
    return GopherType.of(type);
  }

  /** True for an information line ({@code i}), which is text to show, not a link. */
  public boolean isInfo() {
    return type == 'i';
  }

  /**
   * The item's URL ({@code gopher://host:port/<type><selector>}, RFC 4266), or {@code gophers}
   * when {@code tls}; the selector is percent-encoded.
   *
   * @throws IllegalArgumentException when the item has no usable port (0, as on info lines)
   */
  public URI url(boolean tls) {
    return new GopherUrl(tls, host, port, type, selector, null).toUri();
  }
}
