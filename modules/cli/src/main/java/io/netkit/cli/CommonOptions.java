package io.netkit.cli;

import io.netkit.cli.internal.LocalFileException;
import io.netkit.cli.internal.SecretMaskingSink;
import io.netkit.cli.internal.Units;
import io.netkit.cli.internal.UsageException;
import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.core.trace.TraceSink;
import io.netkit.core.spi.ClientProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options every command takes (curl's names where curl has them), turned into {@link
 * NetOptions}. A picocli mixin: one instance per command invocation.
 */
public final class CommonOptions {
  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER:PASSWORD",
      description =
          "Log in as USER (overrides the URL's userinfo). With USER alone, the password is"
              + " asked for on a terminal, without echo.")
  String user;

  /** The credentials once a password was asked for; null until then. */
  private Credentials asked;

  @Option(
      names = "--connect-timeout",
      paramLabel = "SECONDS",
      description = "Give up connecting (and the TLS handshake) after SECONDS (default 10).")
  String connectTimeout;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Give up when the server sends nothing for SECONDS (default 30).")
  String timeout;

  @Option(
      names = {"-m", "--max-time"},
      paramLabel = "SECONDS",
      description = "Give up when the whole operation takes longer than SECONDS.")
  String maxTime;

  @Option(
      names = "--tls",
      paramLabel = "MODE",
      description =
          "STARTTLS for plain schemes: required, if-offered or none (default). The s schemes"
              + " (ftps, gophers) are TLS from the first byte.")
  String tls;

  @Option(
      names = "--cacert",
      paramLabel = "FILE",
      description = "Trust the CA certificates in this PEM file instead of the system's.")
  Path cacert;

  @Option(
      names = {"-k", "--insecure"},
      description = "Accept any TLS certificate and host name (for tests only; warns loudly).")
  boolean insecure;

  @Option(names = "--trace", description = "Print the wire transcript (passwords masked) on stderr.")
  boolean trace;

  @Option(
      names = {"-s", "--silent"},
      description = "No progress bar and no notices (errors are still printed).")
  boolean silent;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces with errors.")
  boolean verbose;

  /**
   * The credentials from {@code -u}, or null.
   *
   * @throws UsageException when {@code -u} has no user name or an unsafe character
   */
  Credentials credentials() {
    if (user == null) {
      return null;
    }
    if (asked != null) {
      return asked;
    }
    Credentials parsed;
    try {
      parsed = Credentials.parse(user);
    } catch (UnsafeArgumentException e) {
      throw new UsageException("bad -u value: " + e.getMessage());
    }
    if (parsed.user().isEmpty()) {
      throw new UsageException("-u needs a user name: -u USER[:PASSWORD]");
    }
    return parsed;
  }

  /**
   * As curl does for {@code -u USER} without a password: asks for it at the terminal, without
   * echo. Nothing happens when {@code -u} has a password, or there is nobody to ask (the empty
   * password then goes to the server, which may accept it: anonymous FTP does).
   *
   * @throws UsageException when {@code -u} is malformed
   */
  void askForPassword(Terminal terminal) {
    if (user == null || user.indexOf(':') >= 0 || terminal.passwords() == null) {
      return;
    }
    Credentials named = credentials();
    char[] typed = terminal.passwords().read("Enter password for user '" + named.user() + "': ");
    if (typed != null) {
      try {
        asked = new Credentials(named.user(), new String(typed));
      } catch (UnsafeArgumentException e) {
        throw new UsageException("bad password: " + e.getMessage());
      } finally {
        java.util.Arrays.fill(typed, '\0');
      }
    }
  }

  /**
   * The options these flags describe. {@code secrets} are the credentials in play, masked in the
   * trace even if a module forgets to.
   *
   * @throws UsageException for a bad value
   * @throws LocalFileException when the {@code --cacert} file cannot be read
   */
  NetOptions netOptions(Terminal terminal, List<Credentials> secrets) throws LocalFileException {
    NetOptions options = baseOptions(terminal, secrets);
    warnIfInsecure(terminal, options, true);
    return options;
  }

  /**
   * The options for one URL: these flags, adjusted by the URL's provider (an {@code s} scheme
   * turns TLS on). {@code --insecure}'s warning is printed only when the connection will use TLS:
   * it means nothing on a plain {@code ftp://} connection.
   *
   * @throws UsageException for a bad value
   * @throws LocalFileException when the {@code --cacert} file cannot be read
   */
  NetOptions netOptions(
      Terminal terminal, List<Credentials> secrets, ClientProvider provider, URI url)
      throws LocalFileException {
    NetOptions options = provider.options(url, baseOptions(terminal, secrets));
    warnIfInsecure(terminal, options, options.tlsMode() != TlsMode.NONE);
    return options;
  }

  private void warnIfInsecure(Terminal terminal, NetOptions options, boolean usesTls) {
    if (insecure && usesTls) {
      // Loud on purpose, and even with -s: this turns off the protection TLS exists for.
      terminal.err().println(
          "netkit: WARNING: --insecure: TLS certificates and host names are NOT checked;"
              + " anyone on the network path can read and change this connection");
    }
  }

  private NetOptions baseOptions(Terminal terminal, List<Credentials> secrets)
      throws LocalFileException {
    NetOptions.Builder b = NetOptions.builder();
    if (connectTimeout != null) {
      b.connectTimeout(Units.seconds("--connect-timeout", connectTimeout));
    }
    if (timeout != null) {
      b.readTimeout(Units.seconds("--timeout", timeout));
    }
    if (maxTime != null) {
      b.deadline(Units.seconds("--max-time", maxTime));
    }
    if (tls != null) {
      b.tlsMode(tlsMode(tls));
    }
    if (cacert != null && insecure) {
      throw new UsageException("--cacert and --insecure contradict each other: choose one");
    }
    if (cacert != null) {
      try {
        b.trust(Trust.pemFile(cacert));
      } catch (IOException e) {
        String why =
            e instanceof java.nio.file.NoSuchFileException
                ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied"
                    : e.getMessage();
        throw new LocalFileException(
            "cannot read --cacert " + cacert + ": " + why, e, ExitCode.CACERT_FILE);
      }
    }
    if (insecure) {
      b.trust(Trust.insecureTrustAllForTestsOnly());
    }
    if (trace) {
      List<Credentials> all = new ArrayList<>(secrets);
      b.trace(SecretMaskingSink.masking(TraceSink.printingTo(terminal.err()), all));
    }
    return b.build();
  }

  private static TlsMode tlsMode(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "required" -> TlsMode.STARTTLS_REQUIRED;
      case "if-offered" -> TlsMode.STARTTLS_IF_OFFERED;
      case "none" -> TlsMode.NONE;
      default ->
          throw new UsageException("--tls must be required, if-offered or none, not '" + value + "'");
    };
  }
}
