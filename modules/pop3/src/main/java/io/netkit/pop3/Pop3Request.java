package io.netkit.pop3;

import io.netkit.core.TransferListener;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The requests {@link Pop3Client#request} takes, one record per POP3 command of the transaction
 * state (RFC 1939, RFC 2449). Immutable (the sinks are the caller's). Message numbers are those of
 * the current session (1 or more); a number the server does not know is answered with {@link
 * io.netkit.core.NetNotFoundException} ({@code Target.ITEM}).
 */
public sealed interface Pop3Request {
  /** A message number must be 1 or more. */
  private static int checkNumber(int number) {
    if (number < 1) {
      throw new IllegalArgumentException("message numbers start at 1: " + number);
    }
    return number;
  }

  /** STAT: gives {@link MailboxStatus}. */
  record Stat() implements Pop3Request {}

  /** LIST without an argument: gives {@link SizeListing} of every message. */
  record ListAll() implements Pop3Request {}

  /** LIST n: gives {@link SizeListing} of that one message. */
  record ListOne(int number) implements Pop3Request {
    /** Checks the number. */
    public ListOne {
      Pop3Request.checkNumber(number);
    }
  }

  /** UIDL without an argument: gives {@link UidListing} of every message. */
  record UidlAll() implements Pop3Request {}

  /** UIDL n: gives {@link UidListing} of that one message. */
  record UidlOne(int number) implements Pop3Request {
    /** Checks the number. */
    public UidlOne {
      Pop3Request.checkNumber(number);
    }
  }

  /**
   * RETR n: streams the raw message into {@code sink} (dot-unstuffed, without the final {@code .}
   * line, line ends as sent) and gives {@link Pop3Transfer}. Memory use is constant whatever the
   * size. The sink is not closed.
   */
  record Retrieve(int number, OutputStream sink, TransferListener progress) implements Pop3Request {
    /** Checks the parts. */
    public Retrieve {
      Pop3Request.checkNumber(number);
      Objects.requireNonNull(sink, "sink");
      Objects.requireNonNull(progress, "progress");
    }
  }

  /**
   * TOP n lines: streams the message's header, the blank line and the first {@code lines} lines of
   * its body into {@code sink}; gives {@link Pop3Transfer}.
   */
  record Top(int number, int lines, OutputStream sink) implements Pop3Request {
    /** Checks the parts. */
    public Top {
      Pop3Request.checkNumber(number);
      if (lines < 0) {
        throw new IllegalArgumentException("TOP line count must not be negative: " + lines);
      }
      Objects.requireNonNull(sink, "sink");
    }
  }

  /**
   * DELE n: marks the message deleted; gives {@link Pop3Ok}. The server removes it only when the
   * session ends with {@link Pop3Client#quit()}; {@link Reset} unmarks it, and so does {@link
   * Pop3Client#close()}.
   */
  record Delete(int number) implements Pop3Request {
    /** Checks the number. */
    public Delete {
      Pop3Request.checkNumber(number);
    }
  }

  /** NOOP: keeps the session alive; gives {@link Pop3Ok}. */
  record Noop() implements Pop3Request {}

  /** RSET: unmarks every message marked deleted in this session; gives {@link Pop3Ok}. */
  record Reset() implements Pop3Request {}

  /** CAPA: asks again what the server supports; gives {@link Pop3Capabilities}. */
  record Capabilities() implements Pop3Request {}
}
