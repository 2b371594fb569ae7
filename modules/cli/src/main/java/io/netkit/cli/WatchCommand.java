package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.Units;
import io.netkit.cli.internal.UsageException;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.WatchProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ServiceLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code netkit watch URL}: waits for new things where the URL points (new mail in an IMAP
 * mailbox, by IDLE) and prints one line per new thing as it arrives: its id, then its fields,
 * tab-separated (IMAP: {@code UID<TAB>FROM<TAB>SUBJECT}). Runs until interrupted (Ctrl-C) or, with
 * {@code --max-time}, until that much time has passed, which is a normal end (exit 0). Protocols
 * take part through the {@link WatchProvider} SPI.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Wait for new things at a URL and print a line for each as it arrives,",
      "e.g. new mail in imap://host/INBOX: UID<TAB>FROM<TAB>SUBJECT.",
      "Runs until Ctrl-C, or for --max-time seconds (then exits 0)."
    })
final class WatchCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "URL", description = "e.g. imaps://host/INBOX")
  String url;

  WatchCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  /** --max-time is the watch's length here, not a limit that makes it fail. */
  @Override
  boolean boundedByMaxTime() {
    return false;
  }

  @Override
  int execute() throws Exception {
    URI uri = url(url);
    ClientProvider client = catalog.clientForScheme(uri.getScheme());
    WatchProvider watcher = watcher(client.protocol());
    Duration limit = common.maxTime == null ? null : Units.seconds("--max-time", common.maxTime);
    // The connection lives as long as the watch: no deadline on it beyond the watch's own limit.
    NetOptions options = options(client, uri).toBuilder().deadline(null).build();
    watcher.watch(uri, options, limit, event -> {
      StringBuilder line = new StringBuilder(clean(event.id()));
      event.fields().forEach(f -> line.append('\t').append(clean(f)));
      terminal.out().println(line);
      terminal.out().flush();
      return true;
    });
    return ExitCode.OK;
  }

  private static WatchProvider watcher(Protocol protocol) {
    return ServiceLoader.load(WatchProvider.class, WatchCommand.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get)
        .filter(w -> w.protocol().equals(protocol))
        .findFirst()
        .orElseThrow(() -> new UsageException(protocol.name() + " URLs cannot be watched"));
  }

  /** Server text: no control characters (tabs and line ends included) reach the terminal. */
  private static String clean(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }
}
