package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.CommandException;
import io.netkit.cli.internal.LocalFileException;
import io.netkit.cli.internal.UsageException;
import io.netkit.core.NetOptions;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.MailSubmitter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netkit send URL --from A --to B ... [FILE|-]}: submits one mail through the module that
 * serves the URL's scheme, found only through the {@link MailSubmitter} SPI. With none of {@code
 * --subject}, {@code --attach}, {@code --html}, {@code -H}, FILE (or standard input) is a prepared
 * RFC 5322 message sent as it is; with any of them, it is the plain-text body of a message netkit
 * builds. Prints one line per recipient and the final reply on stdout; exits with 22 ("server
 * refused") when any recipient or the message was refused, even if the mail went to the others.
 */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Send a mail, e.g. netkit send smtp://mail.example.org:587 --tls required -u me:pw \\",
      "  --from me@example.org --to you@example.net --subject Hi --attach report.pdf body.txt",
      "",
      "Without --subject, --attach, --html and -H, FILE (or standard input) is a complete",
      "message sent as it is; otherwise it is the plain-text body. Prints one line per",
      "recipient (accepted or refused, with the server's reply) and the final reply;",
      "exits 22 when any recipient was refused."
    })
final class SendCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "URL", description = "smtp://host[:port] or smtps://host[:port]")
  String url;

  @Parameters(index = "1", arity = "0..1", paramLabel = "FILE|-", description = "The message or its text body ('-' or absent: standard input)")
  String file;

  @Option(names = "--from", required = true, paramLabel = "ADDRESS", description = "The sender, e.g. 'Me <me@example.org>'.")
  String from;

  @Option(names = "--to", paramLabel = "ADDRESS", description = "A To recipient (repeatable).")
  List<String> to = new ArrayList<>();

  @Option(names = "--cc", paramLabel = "ADDRESS", description = "A Cc recipient (repeatable).")
  List<String> cc = new ArrayList<>();

  @Option(names = "--bcc", paramLabel = "ADDRESS", description = "A Bcc recipient: envelope only (repeatable).")
  List<String> bcc = new ArrayList<>();

  @Option(names = "--subject", paramLabel = "TEXT", description = "The subject (any Unicode).")
  String subject;

  @Option(names = "--attach", paramLabel = "FILE", description = "Attach a file (repeatable).")
  List<Path> attach = new ArrayList<>();

  @Option(names = "--html", paramLabel = "FILE", description = "An HTML body (with FILE as its text alternative).")
  Path html;

  @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "Add a header (repeatable).")
  List<String> headers = new ArrayList<>();

  SendCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  @Override
  int execute() throws IOException {
    if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
      throw new UsageException("name at least one recipient with --to, --cc or --bcc");
    }
    URI uri = url(url);
    ClientProvider provider = catalog.clientForScheme(uri.getScheme());
    MailSubmitter submitter = submitter(provider);
    boolean prepared = subject == null && attach.isEmpty() && html == null && headers.isEmpty();
    for (Path a : attach) {
      readable(a, "--attach");
    }
    if (html != null) {
      readable(html, "--html");
    }
    boolean stdin = file == null || file.equals("-");
    long size = -1;
    if (!stdin) {
      readable(Path.of(file), "the message file");
      size = Files.size(Path.of(file));
    }
    NetOptions options = options(provider, uri);
    MailSubmitter.Result result;
    try (InputStream body = stdin ? nonClosing(terminal.in()) : Files.newInputStream(Path.of(file))) {
      result =
          submitter.submit(
              uri,
              options,
              new MailSubmitter.Submission(from, to, cc, bcc, subject, headers, html, attach, body, size, prepared));
    }
    for (MailSubmitter.Recipient r : result.recipients()) {
      terminal.out().println(
          (r.accepted() ? "accepted " : "refused  ") + "<" + r.address() + "> " + r.code()
              + (r.text().isEmpty() ? "" : " " + r.text().replace('\n', ' ')));
    }
    if (result.code() < 0) {
      terminal.out().println("not sent: no recipient was accepted");
    } else {
      terminal.out().println("sent: " + result.code() + (result.text().isEmpty() ? "" : " " + result.text().replace('\n', ' ')));
    }
    terminal.out().flush();
    if (!result.allAccepted()) {
      long refused = result.recipients().stream().filter(r -> !r.accepted()).count();
      throw new CommandException(
          refused + " of " + result.recipients().size() + " recipients refused"
              + (result.code() < 0 ? "; nothing was sent" : "; sent to the others"),
          ExitCode.SERVER_REFUSED,
          null);
    }
    return ExitCode.OK;
  }

  /** The submitter for the provider's protocol, found through the SPI. */
  private static MailSubmitter submitter(ClientProvider provider) {
    return ServiceLoader.load(MailSubmitter.class, SendCommand.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get)
        .filter(s -> s.protocol().equals(provider.protocol()))
        .findFirst()
        .orElseThrow(() -> new UsageException(provider.protocol().name() + " cannot send mail"));
  }

  private static void readable(Path path, String what) throws LocalFileException {
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw LocalFileException.reading("cannot read " + what + " " + path + ": no such readable file", null);
    }
  }

  private static InputStream nonClosing(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {
        // Standard input belongs to the process.
      }
    };
  }
}
