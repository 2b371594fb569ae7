package io.netkit.smtp;

import java.util.Objects;

/**
 * What the server answered to one envelope recipient (RCPT TO). Immutable.
 *
 * @param address the recipient's address
 * @param code the reply code: 250 or 251 accepted, 4xx refused for now, 5xx refused
 * @param text the reply text (an enhanced status code first, where the server sends one)
 */
public record RecipientResult(String address, int code, String text) {
  /** Checks the parts. */
  public RecipientResult {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(text, "text");
  }

  /** True when the server accepted the recipient (2xx). */
  public boolean accepted() {
    return code >= 200 && code < 300;
  }

  /** True when the refusal is temporary (4xx): the same recipient may be accepted later. */
  public boolean temporary() {
    return code >= 400 && code < 500;
  }

  /** {@code accepted <bob@example.org>: 250 2.1.5 Ok}, or {@code refused ...}. */
  @Override
  public String toString() {
    return (accepted() ? "accepted" : "refused") + " <" + address + ">: " + code + (text.isEmpty() ? "" : " " + text);
  }
}
