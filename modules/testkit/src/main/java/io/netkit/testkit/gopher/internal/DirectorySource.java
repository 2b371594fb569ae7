package io.netkit.testkit.gopher.internal;

import io.netkit.testkit.gopher.GopherLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Serves a directory on disk: selector {@code /a/b.txt} is the file {@code a/b.txt} under the
 * root. A directory is a menu: its {@code gophermap} when it has one, else a generated listing
 * (sub-directories first, then files, by name; hidden files left out). Files are typed by
 * extension; text files are served as text, all others as binary, streamed from disk. Selectors
 * that would leave the root ({@code ..}, or a symbolic link that points out of it) name nothing and
 * such links are not listed. A file-name search is built in at {@link
 * #SEARCH_SELECTOR}, and the generated root listing links to it.
 */
public final class DirectorySource implements GopherSource {
  /** The built-in search: menu of the files whose names contain the query (case-insensitive). */
  public static final String SEARCH_SELECTOR = "/.search";

  private final Path root;

  public DirectorySource(Path root) throws IOException {
    this.root = root.toRealPath();
    if (!Files.isDirectory(this.root)) {
      throw new IOException("not a directory: " + root);
    }
  }

  @Override
  public Optional<Resource> find(String selector) throws IOException {
    String normal = GopherSource.normalise(selector);
    if (normal.equals(SEARCH_SELECTOR)) {
      return Optional.of(new Resource.Search(this::searchQuietly));
    }
    Optional<Path> path = resolve(normal);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Path file = path.get();
    if (Files.isDirectory(file)) {
      String directory = normal.endsWith("/") ? normal : normal + "/";
      Path map = file.resolve("gophermap");
      return Optional.of(
          new Resource.Menu(Files.isRegularFile(map) ? Gophermap.read(map, directory) : listing(file, directory)));
    }
    Resource.Content content = () -> Files.newInputStream(file);
    return Optional.of(FileTypes.of(file) == '0' ? new Resource.Text(content) : new Resource.Binary(content));
  }

  private Optional<Path> resolve(String selector) {
    String relative = selector.startsWith("/") ? selector.substring(1) : selector;
    Path path;
    try {
      path = root.resolve(relative).normalize();
    } catch (RuntimeException e) {
      return Optional.empty(); // not a valid path on this file system
    }
    if (!path.startsWith(root) || !Files.exists(path) || hidden(path) || !insideRoot(path)) {
      return Optional.empty();
    }
    return Optional.of(path);
  }

  /** False for a path that a symbolic link (anywhere along it) leads out of the root. */
  private boolean insideRoot(Path path) {
    try {
      return path.toRealPath().startsWith(root);
    } catch (IOException e) {
      return false; // a dangling link, or gone since it was listed
    }
  }

  private boolean hidden(Path path) {
    for (Path part : root.relativize(path)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private List<GopherLine> listing(Path directory, String selector) throws IOException {
    List<GopherLine> lines = new ArrayList<>();
    for (Path entry : children(directory)) {
      String name = entry.getFileName().toString();
      char type = FileTypes.of(entry);
      lines.add(GopherLine.item(type, name, selector + name + (type == '1' ? "/" : "")));
    }
    if (selector.equals("/")) {
      lines.add(GopherLine.item('7', "Search file names", SEARCH_SELECTOR));
    }
    return lines;
  }

  private List<Path> children(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().equals("gophermap"))
          .filter(this::insideRoot)
          .sorted((a, b) -> {
            boolean da = Files.isDirectory(a);
            boolean db = Files.isDirectory(b);
            return da != db ? (da ? -1 : 1) : a.getFileName().toString().compareTo(b.getFileName().toString());
          })
          .toList();
    }
  }

  private List<GopherLine> searchQuietly(String query) {
    String needle = query.toLowerCase(Locale.ROOT);
    List<GopherLine> hits = new ArrayList<>();
    try (Stream<Path> all = Files.walk(root, 16)) {
      all.filter(p -> !p.equals(root) && !hidden(p) && insideRoot(p))
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).contains(needle))
          .sorted()
          .forEach(p -> {
            String relative = root.relativize(p).toString().replace('\\', '/');
            char type = FileTypes.of(p);
            hits.add(GopherLine.item(type, relative, "/" + relative + (type == '1' ? "/" : "")));
          });
    } catch (IOException | java.io.UncheckedIOException e) {
      hits.add(new GopherLine('3', "search failed: " + e.getMessage(), "", "error.host", 1));
    }
    return hits;
  }
}
