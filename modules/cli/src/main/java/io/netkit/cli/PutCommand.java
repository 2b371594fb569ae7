package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.LocalFileException;
import io.netkit.cli.internal.LocalStreams;
import io.netkit.cli.internal.ProgressBar;
import io.netkit.core.spi.ClientProvider;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code netkit put URL [FILE|-]}: uploads a file, or standard input, to where the URL names. */
@Command(
    name = "put",
    mixinStandardHelpOptions = true,
    description = "Upload FILE (or standard input) to where a URL names, e.g. ftp://host/in/a.txt.")
final class PutCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "URL", description = "where to store")
  String url;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "FILE|-",
      description = "what to upload ('-' or absent = standard input)")
  String file;

  PutCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  @Override
  int execute() throws IOException {
    URI uri = url(url);
    ClientProvider provider = catalog.clientForScheme(uri.getScheme());
    boolean stdin = file == null || file.equals("-");
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
        provider.store(
            uri,
            provider.options(uri, common.netOptions(terminal, secrets(uri))),
            local.stream(),
            size,
            bar);
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

  private static long size(Path path) throws LocalFileException {
    try {
      if (Files.isDirectory(path)) {
        throw new LocalFileException("cannot read " + path + ": it is a directory", null);
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
    return new LocalFileException("cannot read " + path + ": " + why, e);
  }
}
