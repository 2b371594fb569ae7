package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.LocalFileException;
import io.netkit.cli.internal.LocalStreams;
import io.netkit.cli.internal.ProgressBar;
import io.netkit.cli.internal.UrlArgument;
import io.netkit.core.spi.ClientProvider;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code netkit put URL [FILE|-]}: uploads a file, or standard input, to where the URL names. A
 * URL ending in {@code /} names a directory: the file's own name is appended, as curl's {@code
 * -T} does. A refusal by the server exits with curl's 25 ("upload failed"), a local file that
 * cannot be read with 26.
 */
@Command(
    name = "put",
    mixinStandardHelpOptions = true,
    description = {
      "Upload a file, or standard input, to where a URL names.",
      "",
      "A URL ending in / names a directory: the file's own name is appended,",
      "as curl -T does (netkit put ftp://host/in/ notes.txt stores in/notes.txt)."
    })
final class PutCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "URL", description = "Where to store, e.g. ftp://host/in/a.txt")
  String url;

  @Mixin ProxyOptions proxies;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "FILE|-",
      description = "What to upload ('-' or absent: standard input)")
  String file;

  PutCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  @Override
  int execute() throws IOException {
    boolean stdin = file == null || file.equals("-");
    URI uri = url(stdin ? url : intoDirectory(url, Path.of(file)));
    ClientProvider provider = catalog.clientForScheme(uri.getScheme());
    // Opened before connecting: a missing file fails without any network traffic.
    long size = stdin ? -1 : size(Path.of(file));
    InputStream source = stdin ? terminal.in() : open(Path.of(file));
    try {
      LocalStreams.Recording<InputStream> local =
          LocalStreams.input(source, stdin ? "standard input" : file);
      whenAbandoned(local::abandon);
      ProgressBar bar =
          ProgressBar.forTransfer(terminal.err(), terminal.interactive(), common.silent);
      try {
        provider.store(uri, proxies.apply(provider, options(provider, uri), uri), local.stream(), size, bar);
      } catch (IOException e) {
        throw local.classify(e);
      } finally {
        bar.finish();
      }
    } finally {
      if (!stdin) {
        source.close(); // standard input belongs to the process, not to this command
      }
    }
    return ExitCode.OK;
  }

  /**
   * A refusal is curl's "upload failed" (25), unless it says the directory is missing (9); what
   * the server said about the login (67) or anything else keeps its own code.
   */
  @Override
  int exitCode(Exception failure) {
    int code = super.exitCode(failure);
    return code == ExitCode.SERVER_REFUSED || code == ExitCode.NOT_FOUND
        ? ExitCode.UPLOAD_FAILED
        : code;
  }

  /** {@code url} with the file's name appended when it ends in {@code /}. */
  static String intoDirectory(String url, Path file) {
    String trimmed = url.strip();
    if (!trimmed.endsWith("/") || file.getFileName() == null) {
      return url;
    }
    // Without the authority's own slash: "ftp://host/" has a path too, "ftp://host" has none.
    String name = UrlArgument.encodeSegment(file.getFileName().toString());
    return trimmed + name;
  }

  private static long size(Path path) throws LocalFileException {
    try {
      if (Files.isDirectory(path)) {
        throw LocalFileException.reading("cannot read " + path + ": it is a directory", null);
      }
      return Files.size(path);
    } catch (IOException e) {
      throw e instanceof LocalFileException l ? l : unreadable(path, e);
    }
  }

  private static InputStream open(Path path) throws LocalFileException {
    try {
      return new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  private static LocalFileException unreadable(Path path, IOException e) {
    String why =
        e instanceof java.nio.file.NoSuchFileException
            ? "no such file"
            : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
    return LocalFileException.reading("cannot read " + path + ": " + why, e);
  }
}
