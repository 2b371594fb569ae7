package io.netkit.nntp;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a server said it can do, as its CAPABILITIES answer lists it (RFC 3977 5.2): one label per
 * line ({@code READER}, {@code OVER}, {@code STARTTLS}, ...), possibly followed by arguments
 * ({@code AUTHINFO USER SASL}, {@code LIST ACTIVE NEWSGROUPS}). A server that predates RFC 3977
 * answers no capabilities ({@link #NONE}); the client then falls back on the older commands
 * (XOVER, XHDR). Immutable.
 *
 * @param lines the lines as the server sent them
 */
public record NntpCapabilities(List<String> lines) implements NntpReply {
  /** No capabilities: a server without CAPABILITIES (RFC 977 and RFC 2980 servers). */
  public static final NntpCapabilities NONE = new NntpCapabilities(List.of());

  /** Copies the lines. */
  public NntpCapabilities {
    lines = List.copyOf(lines);
  }

  /** True when the server listed the capability {@code label} (case-insensitive). */
  public boolean has(String label) {
    return find(label).isPresent();
  }

  /** The arguments that follow {@code label}, upper-cased; empty when absent or without any. */
  public List<String> arguments(String label) {
    return find(label)
        .map(line -> Arrays.stream(line.strip().split("\\s+")).skip(1).map(a -> a.toUpperCase(Locale.ROOT)).toList())
        .orElse(List.of());
  }

  /** True when {@code label} is listed with {@code argument} among its arguments. */
  public boolean has(String label, String argument) {
    return arguments(label).contains(argument.toUpperCase(Locale.ROOT));
  }

  /** True when the server listed none (it has no CAPABILITIES command). */
  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The implementation's description ({@code IMPLEMENTATION INN 2.7.1}), when given. */
  public Optional<String> implementation() {
    return find("IMPLEMENTATION").map(line -> line.strip().substring("IMPLEMENTATION".length()).strip());
  }

  private Optional<String> find(String label) {
    String wanted = label.toUpperCase(Locale.ROOT);
    return lines.stream()
        .filter(line -> line.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }
}
