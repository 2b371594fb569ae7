package io.netkit.core.spi;

import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a protocol that can wait for news offers {@code netkit watch}: a mailbox's new messages
 * (IMAP IDLE), as they arrive. Found with {@link java.util.ServiceLoader} (list the implementation
 * in {@code META-INF/services/io.netkit.core.spi.WatchProvider}); the command learns protocols only
 * through this interface. Implementations must be thread-safe and stateless.
 */
public interface WatchProvider {
  /** The protocol, whose schemes this provider serves. */
  Protocol protocol();

  /**
   * Watches what the URL names and tells {@code listener} about each new thing, in order, as it
   * arrives, until {@code limit} has passed (null: no limit), the listener returns false, or the
   * calling thread is interrupted. Returns normally in those cases.
   *
   * @param options the connection options (their deadline, if any, bounds the connection too)
   * @throws io.netkit.core.NetException when connecting fails or the connection breaks
   */
  void watch(URI url, NetOptions options, Duration limit, Listener listener) throws IOException;

  /** Hears events; called on the watching thread. */
  @FunctionalInterface
  interface Listener {
    /** Hears one event; returns false to stop watching. */
    boolean event(Event event);
  }

  /**
   * One new thing. Immutable.
   *
   * @param id what identifies it, e.g. an IMAP UID
   * @param fields what to show about it, in order (e.g. sender and subject); server-supplied text
   */
  record Event(String id, List<String> fields) {
    /** Copies the fields. */
    public Event {
      Objects.requireNonNull(id, "id");
      fields = List.copyOf(fields);
    }
  }
}
