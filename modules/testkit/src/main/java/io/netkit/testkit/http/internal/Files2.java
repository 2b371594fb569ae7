package io.netkit.testkit.http.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Maps URL paths to files under a root, never outside it, and lists directories. */
public final class Files2 {
  private Files2() {}

  /** The file a URL path names under {@code root}, or empty when it would leave the root. */
  public static Optional<Path> resolve(Path root, String encodedPath) {
    String path = URLDecoder.decode(encodedPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    if (path.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
    return file.startsWith(root) ? Optional.of(file) : Optional.empty();
  }

  /** One name a line, directories with a trailing slash, sorted. */
  public static String listing(Path dir) throws IOException {
    StringBuilder s = new StringBuilder();
    try (Stream<Path> children = Files.list(dir)) {
      children.sorted().forEach(p -> s.append(p.getFileName()).append(Files.isDirectory(p) ? "/" : "").append('\n'));
    }
    return s.toString();
  }
}
