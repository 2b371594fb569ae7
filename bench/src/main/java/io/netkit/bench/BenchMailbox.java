package io.netkit.bench;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;

/**
 * The benchmarks' own Dovecot account, which {@code bench/run.sh} adds to the running Dovecot
 * (its passwd-file) for the run and removes after, so that no test's mailbox is touched. Its
 * INBOX holds messages written straight into the Maildir, each with {@code Subject:} and {@code
 * Message-ID: <NAME@netkit.bench>} naming it ({@code bench-1k.bin}, {@code bench-4k.eml}, ...).
 * The testkit news server of the NNTP rows serves the same files.
 */
final class BenchMailbox {
  static final String USER = "netkit-bench";
  static final String PASSWORD = "netkit-bench-pass";

  private BenchMailbox() {}

  static Credentials account() {
    return new Credentials(USER, PASSWORD);
  }

  static Endpoint imap() {
    return Endpoint.of(Servers.get("MAIL_HOST"), Servers.port("IMAP_PORT")).withCredentials(account());
  }

  static Endpoint pop3() {
    return Endpoint.of(Servers.get("MAIL_HOST"), Servers.port("POP3_PORT")).withCredentials(account());
  }

  /** The Message-ID of the message or article called {@code name}. */
  static String messageId(String name) {
    return "<" + name + "@netkit.bench>";
  }
}
