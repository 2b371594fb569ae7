package io.netkit.gopher.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.gopher.GopherItem;
import io.netkit.gopher.GopherMenu;
import io.netkit.core.line.LineInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Gopher menu, tolerant where real servers differ and strict where a reply is broken.
 * Tolerated: bare LF line ends, empty lines, missing trailing fields (selector, host, port: the
 * host and port then default to the server's), extra fields (Gopher+), info lines with dummy or
 * malformed host and port, and a close after a complete line without the {@code .} terminator.
 * Refused with {@link NetProtocolException}: an answer that ends in the middle of a line, no
 * answer at all, a NUL byte, a non-numeric or out-of-range port on a selectable item, a line over
 * the length limit (by the line reader), more than {@link #MAX_ITEMS} items, and an unterminated
 * answer in which no line has a tab (a plain-text error message, not a menu).
 */
public final class MenuReader {
  /** Menus are held in memory, so their size is bounded. */
  public static final int MAX_ITEMS = 100_000;

  private MenuReader() {}

  /** Reads the menu from {@code in}; {@code host} and {@code port} fill in missing fields. */
  public static GopherMenu read(LineInputStream in, String host, int port) throws IOException {
    ErrorContext context = in.context();
    List<GopherItem> items = new ArrayList<>();
    boolean sawLine = false;
    boolean sawTab = false;
    String firstLine = null;
    for (String line = in.readLine(); ; line = in.readLine()) {
      if (line == null) {
        break;
      }
      if (!in.lastLineTerminated()) {
        throw new io.netkit.core.NetTruncatedException(context, "connection closed in the middle of a menu line");
      }
      sawLine = true;
      if (line.equals(".")) {
        return new GopherMenu(items, true);
      }
      if (line.isEmpty()) {
        continue;
      }
      firstLine = firstLine == null ? line : firstLine;
      sawTab |= line.indexOf('\t') >= 0;
      if (items.size() == MAX_ITEMS) {
        throw new NetProtocolException(context, "menu has more than " + MAX_ITEMS + " items");
      }
      items.add(parse(line, host, port, context));
    }
    if (!sawLine) {
      throw new NetProtocolException(context, "server closed the connection without answering");
    }
    if (!sawTab && firstLine != null) {
      throw new NetProtocolException(context, "answer is not a Gopher menu: " + quote(firstLine));
    }
    return new GopherMenu(items, false);
  }

  /** Parses one menu line (without its line end). */
  public static GopherItem parse(String line, String host, int port, ErrorContext context)
      throws NetProtocolException {
    if (line.indexOf('\0') >= 0) {
      throw new NetProtocolException(context, "menu line contains a NUL byte");
    }
    char type = line.charAt(0);
    String[] fields = line.substring(1).split("\t", -1);
    String display = fields[0];
    String selector = fields.length > 1 ? fields[1] : "";
    String itemHost = fields.length > 2 && !fields[2].isBlank() ? fields[2].trim() : host;
    int itemPort = port;
    if (fields.length > 3 && !fields[3].isBlank()) {
      itemPort = parsePort(fields[3].trim());
      if (itemPort < 0) {
        if (type != 'i') {
          throw new NetProtocolException(
              context, "menu item " + quote(display) + " has a bad port field: " + quote(fields[3]));
        }
        itemPort = 0; // info lines carry dummy fields; their port means nothing
      }
    }
    return new GopherItem(type, display, selector, itemHost, itemPort);
  }

  private static int parsePort(String text) {
    if (text.isEmpty() || text.length() > 5) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return -1;
      }
    }
    int port = Integer.parseInt(text);
    return port > 65_535 ? -1 : port;
  }

  private static String quote(String text) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    StringBuilder out = new StringBuilder("'");
    for (char c : shown.toCharArray()) {
      out.append(c < 0x20 ? '?' : c);
    }
    return out.append('\'').toString();
  }
}
