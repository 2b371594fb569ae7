package io.netkit.core.trace;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Receives the wire transcript of connections, both directions, line by line. Implementations
 * must be thread-safe: several connections may trace into one sink at once. Lines reach the
 * sink only after {@linkplain TraceMasker masking}.
 */
@FunctionalInterface
public interface TraceSink {
  /** Records one line. Must not throw; a sink that fails should drop the line. */
  void record(TraceEvent event);

  /**
   * A sink that prints {@code 12:00:00.123 ftp#1 127.0.0.1:21 > USER bob} lines to {@code out}
   * ({@code >} sent, {@code <} received, {@code *} notes).
   */
  static TraceSink printingTo(PrintStream out) {
    DateTimeFormatter clock =
        DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    return event -> {
      String arrow =
          switch (event.direction()) {
            case SENT -> ">";
            case RECEIVED -> "<";
            case NOTE -> "*";
          };
      synchronized (out) {
        out.println(
            clock.format(event.time()) + " " + event.connection() + " " + arrow + " "
                + event.text());
      }
    };
  }
}
