package io.netkit.pop3;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the server said to CAPA (RFC 2449): capability names (upper-cased) and their arguments.
 * {@link #known()} is false when the server does not support CAPA at all (it answered
 * {@code -ERR}): then nothing is known, not "nothing is supported". Immutable.
 *
 * @param known false when CAPA was refused
 * @param entries each capability name, upper-case, with its arguments as sent
 */
public record Pop3Capabilities(boolean known, Map<String, List<String>> entries) implements Pop3Reply {
  /** CAPA refused: nothing known. */
  public static final Pop3Capabilities UNKNOWN = new Pop3Capabilities(false, Map.of());

  /** Copies the entries, keeping their order. */
  public Pop3Capabilities {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    entries.forEach((name, args) -> copy.put(name.toUpperCase(Locale.ROOT), List.copyOf(args)));
    entries = java.util.Collections.unmodifiableMap(copy);
  }

  /** True when the server listed {@code name} (case-insensitive). */
  public boolean has(String name) {
    return entries.containsKey(name.toUpperCase(Locale.ROOT));
  }

  /** The arguments of {@code name}, when listed. */
  public Optional<List<String>> arguments(String name) {
    return Optional.ofNullable(entries.get(name.toUpperCase(Locale.ROOT)));
  }

  /** The SASL mechanisms offered (upper-case), empty when none. */
  public List<String> saslMechanisms() {
    return arguments("SASL").orElse(List.of()).stream()
        .map(m -> m.toUpperCase(Locale.ROOT))
        .toList();
  }

  /** True when STLS is offered. */
  public boolean stls() {
    return has("STLS");
  }
}
