package io.netkit.testkit.gopher.internal;

import java.io.IOException;
import java.util.Optional;

/** Where a mock Gopher server finds what a selector names: a tree in memory or a directory. */
public interface GopherSource {
  /** The resource {@code selector} names, or empty when there is none. */
  Optional<Resource> find(String selector) throws IOException;

  /** The root menu's selector is written both as {@code ""} (curl) and {@code "/"}. */
  static String normalise(String selector) {
    return selector.isEmpty() ? "/" : selector;
  }
}
