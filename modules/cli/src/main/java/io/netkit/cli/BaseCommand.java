package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import io.netkit.cli.internal.Failures;
import io.netkit.cli.internal.Units;
import io.netkit.cli.internal.UrlArgument;
import io.netkit.cli.internal.UsageException;
import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.spi.ClientProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Mixin;

/**
 * What every command shares: the common options, the terminal, the catalog of protocols, and
 * turning a failure into one line on stderr and an {@link ExitCode}.
 */
abstract class BaseCommand implements Callable<Integer> {
  /**
   * How long past {@code --max-time} the command waits before abandoning the work itself: long
   * enough that when one connection's own deadline fires, the module's more telling message wins.
   */
  private static final long GRACE_NANOS = 250_000_000L;

  private final AtomicBoolean reported = new AtomicBoolean();
  private final List<Runnable> onAbandon = new CopyOnWriteArrayList<>();

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
    Duration limit;
    try {
      if (asksForPassword()) {
        common.askForPassword(terminal); // before the clock starts, as curl asks
      }
      limit = boundedByMaxTime() && common.maxTime != null
          ? Units.seconds("--max-time", common.maxTime)
          : null;
    } catch (UsageException e) {
      return report(e, System.nanoTime());
    }
    long start = System.nanoTime();
    return limit == null ? runAndReport(start) : runWithin(limit, start);
  }

  /**
   * True for a command that logs in to a server: {@code -u USER} without a password then asks for
   * one at the terminal. False for {@code serve}, whose {@code -u} names the account served.
   */
  boolean asksForPassword() {
    return true;
  }

  /**
   * The exit code for a failure of this command: {@link Failures#exitCode} unless the command
   * knows better (a refusal of {@code put} is curl's "upload failed").
   */
  int exitCode(Exception failure) {
    return Failures.exitCode(failure);
  }

  /**
   * Common options that mean nothing to this command, left out of its help and refused: e.g.
   * {@code ports} talks to no server. Names as the options spell them ({@code "--user"}).
   */
  java.util.List<String> unusedCommonOptions() {
    return java.util.List.of();
  }

  /** False for a command that --max-time does not bound (a server runs until stopped). */
  boolean boundedByMaxTime() {
    return true;
  }

  /**
   * Registers what to undo when the command gives up on its work at {@code --max-time} while the
   * work is still running (on another thread): delete a part file, so nothing looks complete.
   * Must be safe to run concurrently with the work.
   */
  void whenAbandoned(Runnable undo) {
    onAbandon.add(undo);
  }

  private int runAndReport(long start) {
    try {
      return execute();
    } catch (Exception e) {
      return report(e, start);
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }

  /**
   * Runs the command on a worker thread and gives up at {@code limit}. The core's deadline bounds
   * each connection from its own start, but one operation may open several (an FTP data
   * connection after a slow login, every step of the demo) or wait on standard input, which no
   * socket timeout covers; curl's {@code --max-time} bounds the whole, and so does this. The
   * abandoned worker is a daemon: it ends with the process, or in process when its connections'
   * own deadlines close them; it reports nothing once the command has.
   */
  private int runWithin(Duration limit, long start) {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                done.complete(runAndReport(start));
              } catch (Throwable t) {
                done.completeExceptionally(t);
              }
            },
            "netkit-command");
    worker.setDaemon(true);
    worker.start();
    String why;
    int code;
    try {
      return done.get(limit.toNanos() + GRACE_NANOS, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      why = "--max-time " + common.maxTime + " s exceeded";
      code = ExitCode.TIMEOUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why = "interrupted";
      code = ExitCode.FAILURE;
    } catch (ExecutionException e) {
      // runAndReport catches every Exception: only an Error gets here.
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
    if (!reported.compareAndSet(false, true)) {
      // The worker is reporting its own failure at this very moment: its code stands.
      return done.join();
    }
    // No interrupt for the worker: it would not unblock a socket or terminal read, and libraries
    // print what they make of one (a testkit server stopped mid-demo). It ends as said above.
    onAbandon.forEach(Runnable::run);
    terminal.out().flush();
    terminal.err().println("netkit: " + why);
    terminal.err().flush();
    return code;
  }

  /** Prints the failure as one line (unless the command already reported) and picks the code. */
  private int report(Exception e, long start) {
    int code = exitCode(e);
    String message = Failures.message(e);
    if (code != ExitCode.TIMEOUT && ranPastMaxTime(start)) {
      // The deadline closes the connection under the module, which may then report a closed
      // socket; past --max-time, the deadline is the cause whatever the module called it.
      code = ExitCode.TIMEOUT;
      message = "--max-time " + common.maxTime + " s exceeded (" + message + ")";
    }
    if (!reported.compareAndSet(false, true)) {
      return code; // given up on at --max-time, which was reported: say nothing more
    }
    terminal.out().flush();
    terminal.err().println("netkit: " + message);
    if (common.verbose) {
      e.printStackTrace(terminal.err());
    }
    return code;
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
    return UrlArgument.parse(text, common.credentials(), catalog::allowsNoHost);
  }

  /**
   * The options for {@code url}: the common options as its provider adjusts them (TLS for an
   * {@code s} scheme), with the credentials in play masked in the trace; {@code --insecure}
   * warns only when the connection will use TLS.
   *
   * @throws io.netkit.cli.internal.LocalFileException when the {@code --cacert} file cannot be
   *     read
   */
  NetOptions options(ClientProvider provider, URI url)
      throws io.netkit.cli.internal.LocalFileException {
    return common.netOptions(terminal, secrets(url), provider, url);
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
