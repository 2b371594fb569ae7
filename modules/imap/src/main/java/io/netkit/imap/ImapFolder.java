package io.netkit.imap;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One mailbox as LIST reports it. Immutable.
 *
 * @param name the full name in plain Unicode (decoded from IMAP's modified UTF-7), hierarchy
 *     levels joined by {@code separator}
 * @param separator the hierarchy separator, or {@code 0} when the server has none
 * @param attributes the LIST attributes as the server spelt them ({@code \HasNoChildren}, {@code
 *     \Noselect}, and the RFC 6154 special-use ones such as {@code \Sent}, {@code \Trash})
 */
public record ImapFolder(String name, char separator, Set<String> attributes) {
  private static final Set<String> SPECIAL_USE =
      Set.of("\\all", "\\archive", "\\drafts", "\\flagged", "\\junk", "\\sent", "\\trash");

  /** Copies the attributes. */
  public ImapFolder {
    Objects.requireNonNull(name, "name");
    attributes = Set.copyOf(attributes);
  }

  /** True unless the folder only holds other folders ({@code \Noselect} or {@code \NonExistent}). */
  public boolean selectable() {
    return attributes.stream()
        .map(a -> a.toLowerCase(Locale.ROOT))
        .noneMatch(a -> a.equals("\\noselect") || a.equals("\\nonexistent"));
  }

  /** The RFC 6154 special use ({@code \Sent}, {@code \Trash}, ...), when the server names one. */
  public Optional<String> specialUse() {
    return attributes.stream()
        .filter(a -> SPECIAL_USE.contains(a.toLowerCase(Locale.ROOT)))
        .sorted()
        .findFirst();
  }
}
