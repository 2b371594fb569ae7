package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.core.spi.ClientProvider;
import java.io.IOException;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code netkit rm URL}: deletes what the URL names, through the protocol's {@link
 * ClientProvider#delete}: an FTP file (DELE), a POP3 message (DELE, then QUIT, which is when a
 * POP3 server removes it). Prints nothing on success (as {@code rm} does); when it returns 0 the
 * server has confirmed the deletion. A protocol that cannot delete is a usage error (2); a
 * missing file or message exits with 78, other refusals with 22.
 */
@Command(
    name = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Delete what a URL names: an FTP file, a POP3 message (pop3://host/N).",
      "",
      "Nothing is printed on success; exit 0 means the server confirmed the deletion."
    })
final class RmCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "URL", description = "What to delete, e.g. ftp://host/in/old.txt")
  String url;

  @Mixin ProxyOptions proxies;

  RmCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  @Override
  int execute() throws IOException {
    URI uri = url(url);
    ClientProvider provider = catalog.clientForScheme(uri.getScheme());
    provider.delete(uri, proxies.apply(provider, options(provider, uri), uri));
    return ExitCode.OK;
  }
}
