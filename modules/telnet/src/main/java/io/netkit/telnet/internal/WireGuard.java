package io.netkit.telnet.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * The raw socket input, beneath Commons Net's Telnet decoder, where netkit enforces what the
 * decoder does not: a subnegotiation longer than the limit (Commons Net truncates it silently and
 * keeps reading an endless one forever), and too many negotiation commands in a row without a
 * data byte (Commons Net answers each one and delivers nothing, so its reader would never return).
 * Either fails the read with {@link NetProtocolException}; the decoder's reader thread hands that
 * to the session, which closes.
 *
 * <p>It mirrors the decoder's states exactly (data, IAC, option byte, subnegotiation, IAC inside a
 * subnegotiation) so both count the same bytes. A socket read timeout here only means the server
 * is quiet: the session measures its own waits, so the read simply resumes (the socket's close or
 * the core's deadline ends it). The end of the stream and any failure are reported to the {@link
 * Inbox}. Used by the reader thread only.
 */
final class WireGuard extends FilterInputStream {
  private static final int IAC = 255;
  private static final int SB = 250;
  private static final int SE = 240;
  private static final int WILL = 251;
  private static final int DONT = 254;

  private enum State { DATA, IAC, OPTION, SUB, SUB_IAC }

  private final int maxSubnegotiation;
  private final int maxCommands;
  private final ErrorContext context;
  private final Inbox inbox;
  private State state = State.DATA;
  private int subLength;
  private int commands;

  WireGuard(InputStream in, TelnetLimits limits, ErrorContext context, Inbox inbox) {
    super(in);
    this.maxSubnegotiation = limits.maxSubnegotiation();
    this.maxCommands = limits.maxNegotiationsWithoutData();
    this.context = context;
    this.inbox = inbox;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    inbox.awaitStart();
    while (true) {
      int n;
      try {
        inbox.readerIdle(in.available() == 0); // back at the socket: all before is decoded
        n = in.read(buffer, offset, length);
        inbox.readerBusy();
      } catch (SocketTimeoutException quiet) {
        if (inbox.isClosing()) {
          throw fail(quiet);
        }
        continue; // a quiet server: the session's own waits decide what that means
      } catch (IOException e) {
        throw fail(e);
      }
      if (n < 0) {
        inbox.ended(null);
        return -1;
      }
      try {
        scan(buffer, offset, n);
      } catch (NetException crossed) {
        throw fail(crossed);
      }
      return n;
    }
  }

  private IOException fail(IOException e) {
    IOException typed = Failures.translate(context, e, "reading");
    inbox.ended(typed);
    return typed;
  }

  /** Follows the bytes through the decoder's states, counting what the limits bound. */
  void scan(byte[] buffer, int offset, int length) throws NetException {
    for (int i = offset; i < offset + length; i++) {
      int b = buffer[i] & 0xff;
      switch (state) {
        case DATA -> {
          if (b == IAC) {
            state = State.IAC;
          } else {
            commands = 0;
          }
        }
        case IAC -> {
          if (b >= WILL && b <= DONT) {
            state = State.OPTION;
          } else if (b == SB) {
            state = State.SUB;
            subLength = 0;
          } else if (b == IAC) {
            state = State.DATA; // IAC IAC: one data byte, 255
            commands = 0;
          } else {
            state = State.DATA; // a lone command (NOP, GA, AYT, SE...): no data
            command();
          }
        }
        case OPTION -> {
          state = State.DATA;
          command();
        }
        case SUB -> {
          if (b == IAC) {
            state = State.SUB_IAC;
          } else {
            subByte();
          }
        }
        case SUB_IAC -> {
          if (b == SE) {
            state = State.DATA;
            command();
          } else {
            state = State.SUB;
            if (b == IAC) {
              subByte(); // a doubled IAC inside the subnegotiation
            }
          }
        }
        default -> throw new IllegalStateException("unknown state " + state);
      }
    }
  }

  private void command() throws NetProtocolException {
    if (++commands > maxCommands) {
      throw new NetProtocolException(
          context,
          "the server sent more than " + maxCommands
              + " negotiation commands without any data (a negotiation flood or loop)");
    }
  }

  private void subByte() throws NetProtocolException {
    if (++subLength > maxSubnegotiation) {
      throw new NetProtocolException(
          context,
          "the server sent a subnegotiation longer than " + maxSubnegotiation + " bytes");
    }
  }
}
