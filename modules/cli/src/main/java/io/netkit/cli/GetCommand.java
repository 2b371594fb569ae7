package io.netkit.cli;

import io.netkit.cli.internal.AtomicDownload;
import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.LocalStreams;
import io.netkit.cli.internal.ProgressBar;
import io.netkit.core.NetOptions;
import io.netkit.core.spi.ClientProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code netkit get URL [-o FILE]}: fetches one thing, raw, to stdout or a file. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch what a URL names to standard output or a file.",
      "Text and binary content is written raw; menus and directory listings (an ftp path",
      "ending in /) are rendered as text by the protocol module."
    })
final class GetCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "URL", description = "e.g. gopher://host/0/about.txt")
  String url;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write to FILE instead of standard output; it appears only when the download is"
              + " complete ('-' = standard output).")
  String output;

  GetCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  @Override
  int execute() throws IOException {
    URI uri = url(url);
    ClientProvider provider = catalog.clientForScheme(uri.getScheme());
    NetOptions options = provider.options(uri, common.netOptions(terminal, secrets(uri)));
    if (output == null || output.equals("-")) {
      fetch(provider, uri, options, terminal.out(), "standard output");
      return ExitCode.OK;
    }
    // Opened before connecting: an unwritable target fails without any network traffic.
    try (AtomicDownload download = AtomicDownload.to(Path.of(output))) {
      whenAbandoned(download::close);
      fetch(provider, uri, options, download.stream(), output);
      download.commit();
    }
    return ExitCode.OK;
  }

  private void fetch(
      ClientProvider provider, URI uri, NetOptions options, OutputStream sink, String name)
      throws IOException {
    LocalStreams.Recording<OutputStream> local = LocalStreams.output(sink, name);
    whenAbandoned(local::abandon);
    ProgressBar bar = ProgressBar.forTransfer(terminal.err(), terminal.interactive(), common.silent);
    try {
      provider.fetch(uri, options, local.stream(), bar);
      local.stream().flush();
    } catch (IOException e) {
      throw local.classify(e);
    } finally {
      bar.finish();
    }
  }
}
