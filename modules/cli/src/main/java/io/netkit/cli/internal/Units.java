package io.netkit.cli.internal;

import java.time.Duration;
import java.util.Locale;

/** Human-readable sizes, rates and durations for tables and progress bars. */
public final class Units {
  private static final String[] PREFIXES = {"B", "KiB", "MiB", "GiB", "TiB"};
  /** The longest time an option may name: a year, far past any sensible limit. */
  private static final long MAX_SECONDS = 31_536_000;

  private Units() {}

  /** {@code 512 B}, {@code 1.5 KiB}, {@code 12.0 MiB}. */
  public static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    double value = n;
    int unit = 0;
    while (value >= 1024 && unit < PREFIXES.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, PREFIXES[unit]);
  }

  /** {@code 340.2 KiB/s}. */
  public static String rate(double bytesPerSecond) {
    return bytes(Math.round(bytesPerSecond)) + "/s";
  }

  /** {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
  public static String clock(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** {@code 12 ms}, {@code 1.24 s}. */
  public static String elapsed(Duration d) {
    long ms = d.toMillis();
    return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
  }

  /**
   * Parses a number of seconds as curl does ({@code 5}, {@code 0.5}).
   *
   * @throws UsageException when it is not a positive number, or more than a year
   */
  public static Duration seconds(String option, String text) {
    try {
      double seconds = Double.parseDouble(text.strip());
      if (!(seconds > 0)) {
        throw new UsageException(option + " must be a positive number of seconds: " + text);
      }
      if (seconds > MAX_SECONDS) {
        throw new UsageException(
            option + " must be at most " + MAX_SECONDS + " seconds (a year): " + text);
      }
      return Duration.ofNanos(Math.max(1_000_000, Math.round(seconds * 1e9)));
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a number of seconds: " + text);
    }
  }
}
