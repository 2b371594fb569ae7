package io.netkit.cli.internal;

import io.netkit.core.TransferListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error, redrawn in place with {@code \r}: with a known size,
 * {@code [#####.....]  42%  1.2 MiB  340.0 KiB/s  ETA 0:03}; without, bytes and rate. Redraws
 * at most ten times a second so that small reads cost nothing. A disabled bar prints nothing at
 * all. When the process is stopped mid-transfer (Ctrl-C), a shutdown hook ends the bar's line,
 * so the shell's prompt starts on a line of its own. Used by one transfer on one thread; not
 * thread-safe, except that the hook and {@link #finish()} agree on who ends the line.
 */
public final class ProgressBar implements TransferListener {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 24;

  private final PrintStream err;
  private final boolean enabled;
  private final LongSupplier nanoTime;
  private final long start;
  private long lastDraw = Long.MIN_VALUE;
  private long transferred;
  private long total = -1;
  private int lastLength;
  private volatile boolean lineOpen;
  private volatile boolean stopped; // the process is exiting: draw no more
  private Thread lineEnder;

  /** A bar on {@code err}, drawing only when {@code enabled}, timed by {@code nanoTime}. */
  public ProgressBar(PrintStream err, boolean enabled, LongSupplier nanoTime) {
    this.err = err;
    this.enabled = enabled;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
  }

  /** A bar for a transfer: drawn only on an interactive terminal and when not silenced. */
  public static ProgressBar forTransfer(PrintStream err, boolean interactive, boolean silent) {
    return new ProgressBar(err, interactive && !silent, System::nanoTime);
  }

  @Override
  public void progress(long transferredSoFar, long totalSize) {
    transferred = transferredSoFar;
    total = totalSize;
    if (!enabled) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      draw(now);
    }
  }

  /** Draws the final state and ends the line, if anything was drawn. */
  public void finish() {
    if (enabled && lastDraw != Long.MIN_VALUE && !stopped) {
      draw(nanoTime.getAsLong());
      endLine();
    }
    if (lineEnder != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(lineEnder);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it ends the line itself, once.
      }
      lineEnder = null;
    }
  }

  /** What the shutdown hook does: ends the bar's line if it is still open. */
  void endLineOnExit() {
    stopped = true;
    endLine();
  }

  private synchronized void endLine() {
    if (lineOpen) {
      lineOpen = false;
      err.println();
      err.flush();
    }
  }

  /** The line for the current state, at time {@code now}. */
  String render(long now) {
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    double rate = transferred / seconds;
    String moved = Units.bytes(transferred) + "  " + Units.rate(rate);
    if (total <= 0) {
      return moved;
    }
    double fraction = Math.min(1.0, (double) transferred / total);
    int filled = (int) Math.round(fraction * WIDTH);
    String eta =
        rate > 0
            ? Units.clock(Duration.ofSeconds(Math.round((total - transferred) / rate)))
            : "-:--";
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%%  %s  ETA %s",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        Math.round(fraction * 100),
        moved,
        eta);
  }

  private void draw(long now) {
    if (stopped) {
      return;
    }
    String line = render(now);
    // Blank out what a longer previous line left behind.
    String pad = " ".repeat(Math.max(0, lastLength - line.length()));
    lastLength = line.length();
    err.print("\r" + line + pad);
    err.flush();
    lineOpen = true;
    if (lineEnder == null) {
      lineEnder = new Thread(this::endLineOnExit, "netkit-progress-line");
      Runtime.getRuntime().addShutdownHook(lineEnder);
    }
  }
}
