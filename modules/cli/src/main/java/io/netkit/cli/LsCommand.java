package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.DetailedLister;
import io.netkit.core.spi.ListEntry;
import java.io.IOException;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netkit ls URL}: one entry per line in stable, space-separated columns: kind (8 wide),
 * size in bytes (12 wide, right-aligned, {@code -} when unknown), modification time (ISO-8601
 * UTC, 20 wide, {@code -} when unknown), the entry's URL (padded to the longest in the listing;
 * {@code -} for entries that cannot be fetched, such as a Gopher info line), then the name, which
 * may contain spaces and is last. The URL is what the next {@code get} or {@code ls} takes, and
 * never carries a password.
 */
@Command(
    name = "ls",
    mixinStandardHelpOptions = true,
    description = {
      "List a directory or menu, one entry per line.",
      "",
      "Columns: KIND SIZE MODIFIED URL NAME. SIZE and MODIFIED are '-' when unknown;",
      "URL is what to give the next get or ls ('-' when the entry cannot be fetched);",
      "NAME is last, so it may contain spaces."
    })
final class LsCommand extends BaseCommand {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  @Parameters(index = "0", paramLabel = "URL", description = "What to list, e.g. ftp://host/pub/")
  String url;

  @Option(
      names = "--headers",
      description = "Add details where the protocol has them (mail: date, sender, subject)")
  boolean headers;

  LsCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  @Override
  int execute() throws IOException {
    URI uri = url(url);
    ClientProvider provider = catalog.clientForScheme(uri.getScheme());
    List<ListEntry> entries = headers
        ? detailed(provider, uri).listDetailed(uri, options(provider, uri))
        : provider.list(uri, options(provider, uri));
    int urlWidth = entries.stream().mapToInt(e -> url(e).length()).max().orElse(1);
    for (ListEntry entry : entries) {
      terminal.out().println(format(entry, urlWidth));
    }
    return ExitCode.OK;
  }

  private static DetailedLister detailed(ClientProvider provider, URI uri) {
    if (provider instanceof DetailedLister lister) {
      return lister;
    }
    throw new UnsupportedOperationException("--headers is not supported for " + uri.getScheme() + " URLs");
  }

  /** One line for an entry, its URL unpadded. */
  static String format(ListEntry entry) {
    return format(entry, 1);
  }

  /** One line for an entry, its URL padded to {@code urlWidth}. */
  static String format(ListEntry entry, int urlWidth) {
    String size = entry.size() < 0 ? "-" : Long.toString(entry.size());
    String modified =
        entry.modified() == null ? "-" : ISO.format(entry.modified().truncatedTo(ChronoUnit.SECONDS));
    // Names come from the server: keep control characters from reaching the terminal.
    String name = entry.name().replaceAll("\\p{Cntrl}", "?");
    return String.format(
        Locale.ROOT, "%-8s %12s %-20s %-" + urlWidth + "s %s", entry.kind(), size, modified,
        url(entry), name);
  }

  /**
   * The entry's URL as a single token: without userinfo (a listing is shown, a password must not
   * be), with any space or control character percent-encoded; {@code -} when there is none.
   */
  static String url(ListEntry entry) {
    if (entry.url() == null) {
      return "-";
    }
    URI u = entry.url();
    String text = u.getRawUserInfo() == null ? u.toString() : u.toString().replace(u.getRawUserInfo() + "@", "");
    StringBuilder safe = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c <= ' ' || c == 0x7f) {
        safe.append(String.format(Locale.ROOT, "%%%02X", (int) c));
      } else {
        safe.append(c);
      }
    }
    return safe.toString();
  }
}
