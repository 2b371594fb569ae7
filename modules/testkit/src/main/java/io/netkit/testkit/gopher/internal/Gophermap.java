package io.netkit.testkit.gopher.internal;

import io.netkit.testkit.gopher.GopherLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a gophermap file, in the subset of gophernicus's format that a test tree needs: a line
 * with a tab is an item ({@code Xdisplay<TAB>selector<TAB>host<TAB>port}, trailing fields
 * optional); a relative selector is relative to the map's directory and a missing selector is the
 * display string; a missing host or port means this server; a line without a tab is an info line;
 * {@code #} starts a comment line; a {@code .} line ends the map.
 */
public final class Gophermap {
  private Gophermap() {}

  /** Parses {@code map}, which sits in the directory whose selector is {@code directory}. */
  public static List<GopherLine> read(Path map, String directory) throws IOException {
    String base = directory.endsWith("/") ? directory : directory + "/";
    List<GopherLine> lines = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(map, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.equals(".")) {
          break;
        }
        if (line.startsWith("#")) {
          continue;
        }
        lines.add(parse(line, base));
      }
    }
    return lines;
  }

  private static GopherLine parse(String line, String base) {
    int tab = line.indexOf('\t');
    if (tab < 0 || line.isEmpty()) {
      return GopherLine.info(line);
    }
    String[] fields = line.split("\t", -1);
    char type = fields[0].isEmpty() ? 'i' : fields[0].charAt(0);
    String display = fields[0].isEmpty() ? "" : fields[0].substring(1);
    String selector = fields.length > 1 && !fields[1].isEmpty() ? fields[1] : display;
    String host = fields.length > 2 && !fields[2].isEmpty() ? fields[2] : null;
    if (host == null && !selector.startsWith("/") && !selector.startsWith("URL:")) {
      selector = base + selector;
    }
    if (host == null) {
      return GopherLine.item(type, display, selector);
    }
    int port = fields.length > 3 && !fields[3].isEmpty() ? Integer.parseInt(fields[3].trim()) : 70;
    return GopherLine.external(type, display, selector, host, port);
  }
}
