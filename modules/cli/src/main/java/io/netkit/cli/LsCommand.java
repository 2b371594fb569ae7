package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import java.io.IOException;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code netkit ls URL}: one entry per line in stable, space-separated columns: kind (8 wide),
 * size in bytes (12 wide, right-aligned, {@code -} when unknown), modification time (ISO-8601
 * UTC, 20 wide, {@code -} when unknown), then the name, which may contain spaces and is last.
 */
@Command(
    name = "ls",
    mixinStandardHelpOptions = true,
    description = {
      "List what a URL names (an FTP directory, a Gopher menu), one entry per line:",
      "KIND  SIZE  MODIFIED  NAME (size and time '-' when unknown; the name is last)."
    })
final class LsCommand extends BaseCommand {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  @Parameters(index = "0", paramLabel = "URL", description = "e.g. ftp://host/pub/")
  String url;

  LsCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  @Override
  int execute() throws IOException {
    URI uri = url(url);
    ClientProvider provider = catalog.clientForScheme(uri.getScheme());
    List<ListEntry> entries =
        provider.list(uri, provider.options(uri, common.netOptions(terminal, secrets(uri))));
    for (ListEntry entry : entries) {
      terminal.out().println(format(entry));
    }
    return ExitCode.OK;
  }

  /** One line for an entry. */
  static String format(ListEntry entry) {
    String size = entry.size() < 0 ? "-" : Long.toString(entry.size());
    String modified =
        entry.modified() == null ? "-" : ISO.format(entry.modified().truncatedTo(ChronoUnit.SECONDS));
    // Names come from the server: keep control characters from reaching the terminal.
    String name = entry.name().replaceAll("\\p{Cntrl}", "?");
    return String.format(Locale.ROOT, "%-8s %12s %-20s %s", entry.kind(), size, modified, name);
  }
}
