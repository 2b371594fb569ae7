package io.netkit.testkit.gopher.internal;

import io.netkit.testkit.gopher.GopherLine;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

/** Something a selector names on a mock Gopher server. */
public sealed interface Resource {
  /** Opens content on demand, so files are streamed and never held whole. */
  @FunctionalInterface
  interface Content {
    InputStream open() throws IOException;
  }

  /** A menu (type 1). */
  record Menu(List<GopherLine> lines) implements Resource {
    public Menu {
      lines = List.copyOf(lines);
    }
  }

  /** A text item (type 0): sent with CRLF line ends, dot-stuffed, with the '.' terminator. */
  record Text(Content content) implements Resource {}

  /** A binary item: sent as it is, then the connection closes. */
  record Binary(Content content) implements Resource {}

  /** A search (type 7): the query in, a menu out. */
  record Search(Function<String, List<GopherLine>> handler) implements Resource {}
}
