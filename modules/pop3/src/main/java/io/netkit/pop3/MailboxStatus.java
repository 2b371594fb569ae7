package io.netkit.pop3;

/**
 * The answer to STAT: how many messages the mailbox holds and their total size, both as the
 * server counts them (messages marked for deletion in this session are left out). Immutable.
 *
 * @param messages the number of messages
 * @param octets their total size in bytes, as the server counts it (with CRLF line ends)
 */
public record MailboxStatus(int messages, long octets) implements Pop3Reply {
  /** Checks that neither is negative. */
  public MailboxStatus {
    if (messages < 0 || octets < 0) {
      throw new IllegalArgumentException("negative STAT values: " + messages + " " + octets);
    }
  }
}
