package io.netkit.cli;

import io.netkit.cli.internal.AtomicDownload;
import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.LocalStreams;
import io.netkit.cli.internal.ProgressBar;
import io.netkit.cli.internal.TerminalGuard;
import io.netkit.core.NetOptions;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.InteractiveProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code netkit get URL [-o FILE]}: fetches one thing, raw, to stdout or a file. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch what a URL names to standard output or a file.",
      "",
      "Content is written as it is. Menus and directory listings (an ftp:// path ending",
      "in /) are rendered as text. Binary content is not written to a terminal: use",
      "-o FILE, redirect standard output, or -o - to write it there anyway."
    })
final class GetCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "URL", description = "What to fetch, e.g. gopher://host/0/about.txt")
  String url;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write to FILE instead of standard output; it appears only when the download is"
              + " complete ('-' = standard output).")
  String output;

  /** curl's request options, for protocols that make requests (HTTP). */
  @Mixin RequestOptions request;

  private long resumeFrom = -1;

  GetCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  @Override
  int execute() throws IOException {
    URI uri = url(url);
    ClientProvider provider = catalog.clientForScheme(uri.getScheme());
    NetOptions options = options(provider, uri);
    boolean toFile = output != null && !output.equals("-");
    if (!toFile && RawTerminalSession.wanted(terminal, provider)) {
      // An interactive protocol (Telnet) on a terminal: a session in raw mode, as `netkit telnet`.
      return RawTerminalSession.onThisTerminal(
          (InteractiveProvider) provider, uri, options, this::whenAbandoned);
    }
    resumeFrom = request.resumeOffset(toFile ? Path.of(output) : null);
    if (toFile && request.resumes()) {
      // -C: continue the file in place, as curl does (what arrives is appended to it).
      try (OutputStream append = request.appendTo(Path.of(output))) {
        fetch(provider, uri, options, append, output);
      }
      return ExitCode.OK;
    }
    if (output == null || output.equals("-")) {
      if (output == null && terminal.outputIsTerminal()) {
        // As curl: binary content would garble the terminal; -o - asks for it anyway.
        TerminalGuard guard = new TerminalGuard(terminal.out());
        try {
          fetch(provider, uri, options, guard, "standard output");
        } catch (IOException e) {
          throw guard.refusal() == null ? e : guard.refusal();
        }
      } else {
        fetch(provider, uri, options, terminal.out(), "standard output");
      }
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
    // No bar when the content itself goes to the terminal: it would be drawn into the content.
    boolean toStdout = output == null || output.equals("-");
    boolean drawBar = terminal.interactive() && !(toStdout && terminal.outputIsTerminal());
    ProgressBar bar = ProgressBar.forTransfer(terminal.err(), drawBar, common.silent);
    try {
      request.fetch(provider, uri, options, local.stream(), bar, resumeFrom);
      local.stream().flush();
    } catch (IOException e) {
      throw local.classify(e);
    } finally {
      bar.finish();
    }
  }
}
