package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.Failures;
import io.netkit.cli.internal.Units;
import io.netkit.cli.internal.UrlArgument;
import io.netkit.cli.internal.UsageException;
import io.netkit.core.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What every command shares: the common options, the terminal, the catalog of protocols, and
 * turning a failure into one line on stderr and an {@link ExitCode}.
 */
abstract class BaseCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  final Terminal terminal;
  final Catalog catalog;

  BaseCommand(Terminal terminal, Catalog catalog) {
    this.terminal = terminal;
    this.catalog = catalog;
  }

  /** Does the command's work; failures propagate. */
  abstract int execute() throws Exception;

  @Override
  public final Integer call() {
    long start = System.nanoTime();
    try {
      return execute();
    } catch (Exception e) {
      terminal.out().flush();
      int code = Failures.exitCode(e);
      String message = Failures.message(e);
      if (code != ExitCode.TIMEOUT && ranPastMaxTime(start)) {
        // The deadline closes the connection under the module, which may then report a closed
        // socket; past --max-time, the deadline is the cause whatever the module called it.
        code = ExitCode.TIMEOUT;
        message = "--max-time " + common.maxTime + " s exceeded (" + message + ")";
      }
      terminal.err().println("netkit: " + message);
      if (common.verbose) {
        e.printStackTrace(terminal.err());
      }
      return code;
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }

  private boolean ranPastMaxTime(long start) {
    if (common.maxTime == null) {
      return false;
    }
    try {
      Duration limit = Units.seconds("--max-time", common.maxTime);
      return System.nanoTime() - start >= limit.toNanos();
    } catch (UsageException badValue) {
      return false;
    }
  }

  /** Parses the URL argument, applying {@code -u}. */
  URI url(String text) {
    return UrlArgument.parse(text, common.credentials());
  }

  /** The credentials in a URL and from {@code -u}, for trace masking. */
  List<Credentials> secrets(URI url) {
    List<Credentials> secrets = new ArrayList<>();
    Credentials fromOption = common.credentials();
    if (fromOption != null) {
      secrets.add(fromOption);
    }
    if (url != null && url.getUserInfo() != null) {
      secrets.add(Credentials.parse(url.getUserInfo()));
    }
    return secrets;
  }

  /** Prints a notice on stderr unless {@code -s}. */
  void notice(String text) {
    if (!common.silent) {
      terminal.err().println("netkit: " + text);
    }
  }
}
