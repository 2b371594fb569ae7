package io.netkit.testkit.gopher.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The Gopher item type of a file on disk, from its name's extension. */
public final class FileTypes {
  private static final Map<String, Character> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("txt", '0'), Map.entry("text", '0'), Map.entry("md", '0'),
          Map.entry("csv", '0'), Map.entry("log", '0'), Map.entry("conf", '0'),
          Map.entry("java", '0'), Map.entry("c", '0'), Map.entry("py", '0'), Map.entry("sh", '0'),
          Map.entry("gif", 'g'),
          Map.entry("png", 'I'), Map.entry("jpg", 'I'), Map.entry("jpeg", 'I'),
          Map.entry("bmp", 'I'), Map.entry("webp", 'I'),
          Map.entry("html", 'h'), Map.entry("htm", 'h'),
          Map.entry("wav", 's'), Map.entry("mp3", 's'), Map.entry("ogg", 's'), Map.entry("flac", 's'),
          Map.entry("pdf", 'd'), Map.entry("doc", 'd'), Map.entry("docx", 'd'), Map.entry("odt", 'd'));

  private FileTypes() {}

  /** {@code '1'} for a directory, the extension's type for a file, {@code '9'} when unknown. */
  public static char of(Path path) {
    if (Files.isDirectory(path)) {
      return '1';
    }
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return '9';
    }
    return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), '9');
  }
}
