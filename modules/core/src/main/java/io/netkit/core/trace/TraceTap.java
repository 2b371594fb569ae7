package io.netkit.core.trace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A process-wide observer for test suites that check no secret leaks (testkit's {@code
 * SecretsGuard}). While a tap is installed, every connection traces into it, masked with the
 * connection's own {@link TraceMasker}, whether or not its options ask for a trace (they keep
 * their own sink too; the connections a server accepts are left out: they are told the
 * client's secrets by design), and it is told the password of every {@link io.netkit.core.Credentials}
 * made, so it knows what must never appear.
 *
 * <p>Not for production use: a tap sees every connection of the process. With none installed
 * (the normal case) it costs one read of an empty list per connection and per credential.
 * Thread-safe.
 */
public final class TraceTap {
  private static final List<TraceTap> INSTALLED = new CopyOnWriteArrayList<>();

  /** What a tap is told. Implementations must be thread-safe and must not throw. */
  public interface Listener extends TraceSink {
    /** A password (or token) was put into a {@link io.netkit.core.Credentials} for {@code user}. */
    void secret(String user, String password);
  }

  private final Listener listener;

  private TraceTap(Listener listener) {
    this.listener = listener;
  }

  /** Installs {@code listener} until the returned tap is {@linkplain #close() closed}. */
  public static TraceTap install(Listener listener) {
    TraceTap tap = new TraceTap(Objects.requireNonNull(listener, "listener"));
    INSTALLED.add(tap);
    return tap;
  }

  /** Removes this tap; later connections and credentials no longer reach it. Idempotent. */
  public void close() {
    INSTALLED.remove(this);
  }

  /**
   * The sink a connection traces into: {@code own} alone when no tap is installed, else one that
   * records into {@code own} (when present) and every tap.
   */
  public static Optional<TraceSink> sinkFor(TraceSink own) {
    if (INSTALLED.isEmpty()) {
      return Optional.ofNullable(own);
    }
    return Optional.of(new Tapped(own));
  }

  /**
   * {@code sink} without the taps: for the connections a server accepts, which receive the
   * client's secrets by design (a tap watches what clients send and show, not what a test's
   * servers are told).
   */
  public static Optional<TraceSink> untapped(Optional<TraceSink> sink) {
    return sink.isPresent() && sink.get() instanceof Tapped tapped
        ? Optional.ofNullable(tapped.own)
        : sink;
  }

  /** The options' own sink (if any) and every installed tap. */
  private static final class Tapped implements TraceSink {
    private final TraceSink own;

    Tapped(TraceSink own) {
      this.own = own;
    }

    @Override
    public void record(TraceEvent event) {
      if (own != null) {
        own.record(event);
      }
      for (TraceTap tap : INSTALLED) {
        try {
          tap.listener.record(event);
        } catch (RuntimeException ignored) {
          // a tap must never break the connection it watches
        }
      }
    }
  }

  /** Tells every tap about a credential's secret (called by {@code Credentials}). */
  public static void secret(String user, String password) {
    if (INSTALLED.isEmpty() || password.isEmpty()) {
      return;
    }
    for (TraceTap tap : INSTALLED) {
      try {
        tap.listener.secret(user, password);
      } catch (RuntimeException ignored) {
        // as above
      }
    }
  }
}
