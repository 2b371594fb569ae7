package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.ProbeText;
import io.netkit.cli.internal.UsageException;
import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.probe.ProbeReport;
import io.netkit.core.probe.ProbeReport.LoginStatus;
import io.netkit.core.spi.ClientProvider;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netkit probe URL}: what the server at a URL offers, for any protocol with a {@link
 * io.netkit.core.spi.ProbeProvider}: resolution, connect time, greeting, capabilities, STARTTLS,
 * TLS and its certificate chain, login mechanisms and, with {@code -u}, whether the login works.
 * Readable text, or {@code --json} (the shape of {@link ProbeReport#toJson()}, documented in
 * {@code docs/probe.md}). The exit code says the worst thing found, for monitoring scripts: see
 * {@link #exitCode(ProbeReport, Integer)}.
 */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "Show what the server at a URL offers: addresses, connect time, greeting, capabilities,",
      "STARTTLS, TLS version, cipher and certificate chain, login mechanisms; with -u, whether",
      "the login works (the password is never printed).",
      "",
      "Exit codes: 0 all well; 6 not resolved; 7 cannot connect; 8 protocol error; 28 timeout;",
      "35 TLS handshake failed; 60 certificate not trusted or for another host; 64 --tls required",
      "but STARTTLS not offered or refused; 67 login refused; 112 certificate expires within",
      "--warn-days days."
    })
final class ProbeCommand extends BaseCommand {
  /** curl 64, "requested SSL level failed": required STARTTLS not offered or refused. */
  static final int STARTTLS_FAILED = 64;

  /** netkit's own (curl has none): the server's certificate expires within {@code --warn-days}. */
  static final int EXPIRES_SOON = 112;

  @Parameters(index = "0", paramLabel = "URL", description = "e.g. smtp://mail.example.com:587")
  String url;

  @Option(names = "--json", description = "Print the report as one JSON object (docs/probe.md).")
  boolean json;

  @Option(
      names = "--warn-days",
      paramLabel = "N",
      description = "Exit 112 when the server's certificate expires in fewer than N days.")
  Integer warnDays;

  ProbeCommand(Terminal terminal, Catalog catalog) {
    super(terminal, catalog);
  }

  @Override
  int execute() throws Exception {
    if (warnDays != null && warnDays < 0) {
      throw new UsageException("--warn-days must not be negative: " + warnDays);
    }
    URI uri = url(url);
    ClientProvider provider = catalog.clientForScheme(uri.getScheme());
    NetOptions options = options(provider, uri);
    ProbeReport report;
    try {
      report = Netkit.probe(uri, options);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    terminal.out().print(json ? report.toJson() + "\n" : ProbeText.render(report, warnDays));
    terminal.out().flush();
    return exitCode(report, warnDays);
  }

  /**
   * The worst thing the report shows: where the probe stopped (curl's code for the same failure),
   * then a refused login, then a certificate expiring within {@code warnDays}; 0 when all is well.
   */
  static int exitCode(ProbeReport report, Integer warnDays) {
    if (report.failure() != null) {
      return switch (report.failure().stage()) {
        case RESOLVE -> ExitCode.CANNOT_RESOLVE;
        case CONNECT -> ExitCode.CANNOT_CONNECT;
        case TIMEOUT -> ExitCode.TIMEOUT;
        case TLS -> ExitCode.TLS;
        case VERIFY -> ExitCode.TLS_VERIFY;
        case STARTTLS -> STARTTLS_FAILED;
        case PROTOCOL -> ExitCode.PROTOCOL_ERROR;
      };
    }
    if (report.login().status() == LoginStatus.FAILED) {
      return ExitCode.AUTHENTICATION;
    }
    if (warnDays != null && ProbeText.expiresWithin(report, warnDays)) {
      return EXPIRES_SOON;
    }
    return ExitCode.OK;
  }
}
