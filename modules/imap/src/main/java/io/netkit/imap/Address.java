package io.netkit.imap;

import java.util.Objects;

/**
 * A mail address from a message's envelope. Immutable.
 *
 * @param personal the display name, decoded from RFC 2047 encoded words; empty when there is none
 * @param address the address ({@code alice@example.org}); may be empty for a group's name
 */
public record Address(String personal, String address) {
  /** Checks the parts. */
  public Address {
    Objects.requireNonNull(personal, "personal");
    Objects.requireNonNull(address, "address");
  }

  /** {@code Alice <alice@example.org>}, or the address alone. */
  @Override
  public String toString() {
    return personal.isEmpty() ? address : personal + " <" + address + ">";
  }
}
