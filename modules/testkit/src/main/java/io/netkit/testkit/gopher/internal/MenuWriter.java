package io.netkit.testkit.gopher.internal;

import io.netkit.testkit.gopher.GopherLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes RFC 1436 menu lines and the '.' terminator, filling in this server's address. */
public final class MenuWriter {
  private final String host;
  private final int port;

  public MenuWriter(String host, int port) {
    this.host = host;
    this.port = port;
  }

  public void write(List<GopherLine> lines, OutputStream out) throws IOException {
    StringBuilder menu = new StringBuilder();
    for (GopherLine line : lines) {
      menu.append(line.type()).append(line.display()).append('\t');
      if (line.type() == 'i') {
        // The usual dummy fields for info lines, as gophernicus sends them.
        menu.append("\tnull.host\t1");
      } else {
        menu.append(line.selector())
            .append('\t')
            .append(line.host() == null ? host : line.host())
            .append('\t')
            .append(line.host() == null ? port : line.port());
      }
      menu.append("\r\n");
    }
    menu.append(".\r\n");
    out.write(menu.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The conventional error menu: one type-3 item. */
  public void error(String message, OutputStream out) throws IOException {
    out.write(("3" + message + "\t\terror.host\t1\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
  }
}
