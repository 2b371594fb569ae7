package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.Literals;
import io.netkit.cli.internal.UsageException;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.RemoteCallProvider;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code netkit xmlrpc URL METHOD [ARGS...]}: one remote call through the URL scheme's {@link
 * RemoteCallProvider} (HTTP's XML-RPC), its result printed readably. A fault exits 22 with its
 * code and string.
 */
@Command(
    name = "xmlrpc",
    mixinStandardHelpOptions = true,
    description = {
      "Call an XML-RPC method and print its result.",
      "",
      "ARGS are JSON-style literals: 42, 3.5, true, null, \"text\" (bare text is a string",
      "too), [1, \"a\"], {\"name\": 1}, 19980717T14:08:55. A fault exits 22 and prints its",
      "code and string. Try: netkit serve xmlrpc, then",
      "netkit xmlrpc http://127.0.0.1:PORT/RPC2 examples.add 2 3"
    })
final class XmlRpcCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "URL", description = "The endpoint, e.g. http://host/RPC2")
  String url;

  @Parameters(index = "1", paramLabel = "METHOD", description = "e.g. system.listMethods")
  String method;

  @Parameters(index = "2..*", arity = "0..*", paramLabel = "ARGS", description = "The arguments.")
  List<String> arguments = new ArrayList<>();

  XmlRpcCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  @Override
  int execute() throws IOException {
    URI uri = url(url);
    ClientProvider provider = catalog.clientForScheme(uri.getScheme());
    if (!(provider instanceof RemoteCallProvider calls)) {
      throw new UsageException(uri.getScheme() + ":// URLs name no remote-call endpoints");
    }
    List<Object> params = new ArrayList<>();
    for (String argument : arguments) {
      params.add(Literals.parse(argument));
    }
    Object result = calls.call(uri, options(provider, uri), method, params);
    terminal.out().println(Literals.format(result));
    return ExitCode.OK;
  }
}
