package io.netkit.telnet.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * The raw socket input beneath Commons Net's Telnet decoder, and netkit's own NVT decoder of the
 * data. Commons Net's decoder hands data over one byte at a time, under a lock, through a queue of
 * 2048 bytes, and does not signal the session when it adds to a queue that was full: that capped
 * a session at about 7 MB/s (issue 17). So this stream splits what the socket gives: the data
 * (IAC IAC as one 0xFF byte, CR NUL as CR, as Commons Net decodes it) goes to the {@link Inbox} in
 * one piece per chunk read, and only the commands (IAC WILL/WONT/DO/DONT x, IAC SB ... IAC SE, IAC
 * NOP and the other single commands) go up to Commons Net, which answers and tracks the options
 * as before. The commands of a chunk reach Commons Net before the chunk's data reaches the
 * session, so data that follows a negotiation is seen after the negotiation was answered.
 *
 * <p>It also enforces what the decoder does not: a subnegotiation longer than the limit (Commons
 * Net truncates it silently and keeps reading an endless one forever), and too many negotiation
 * commands in a row without a data byte (a flood or loop). Either fails the read with {@link
 * NetProtocolException}; the reader thread hands that to the session, which closes.
 *
 * <p>A socket read timeout here only means the server is quiet: the session measures its own
 * waits, so the read simply resumes (the socket's close or the core's deadline ends it). The end
 * of the stream and any failure are reported to the {@link Inbox}. Used by the reader thread
 * only.
 */
final class WireGuard extends FilterInputStream {
  /** The most bytes read from the socket at once. */
  static final int CHUNK = 16 * 1024;
  private static final int IAC = 255;
  private static final int SB = 250;
  private static final int SE = 240;
  private static final int WILL = 251;
  private static final int DONT = 254;
  private static final int CR = '\r';

  private enum State { DATA, CR, IAC, OPTION, SUB, SUB_IAC }

  private final int maxSubnegotiation;
  private final int maxCommands;
  private final ErrorContext context;
  private final Inbox inbox;
  /** The chunk read from the socket; its data is decoded in place, to its start. */
  private final byte[] raw = new byte[CHUNK];
  /** The chunk's commands, for Commons Net (one more than a chunk: an IAC held from before). */
  private final byte[] commands = new byte[CHUNK + 1];
  private int commandStart;
  /** The decoded data at the start of {@link #raw}, not yet in the inbox. */
  private int pendingData;
  private int commandEnd;
  private State state = State.DATA;
  private int subLength;
  private int commandsInARow;

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

  /**
   * The next commands for Commons Net: reads the socket, hands each chunk's data to the inbox,
   * and returns only when there are commands (or the stream ended: -1).
   */
  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    inbox.awaitStart();
    while (commandStart == commandEnd) {
      // Commons Net has handled the last chunk's commands (it reads again): now its data.
      publish();
      commandStart = 0;
      commandEnd = 0;
      int n;
      try {
        n = in.read(raw, 0, raw.length);
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
        pendingData = scan(raw, 0, n);
      } catch (NetException crossed) {
        throw fail(crossed);
      }
    }
    int n = Math.min(length, commandEnd - commandStart);
    System.arraycopy(commands, commandStart, buffer, offset, n);
    commandStart += n;
    return n;
  }

  @Override
  public int available() {
    return commandEnd - commandStart;
  }

  private void publish() throws IOException {
    if (pendingData > 0) {
      int n = pendingData;
      pendingData = 0;
      try {
        inbox.publish(raw, 0, n);
      } catch (IOException e) {
        throw fail(e);
      }
    }
  }

  private IOException fail(IOException e) {
    IOException typed = Failures.translate(context, e, "reading");
    inbox.ended(typed);
    return typed;
  }

  /**
   * Follows the bytes through the states of Commons Net's decoder (data, CR, IAC, option byte,
   * subnegotiation, IAC inside a subnegotiation), counting what the limits bound: the data is
   * decoded in place, to {@code buffer[offset...]}, and the commands are added to those waiting
   * for Commons Net (an IAC is held until the next byte says whether it is data).
   *
   * @return how many data bytes now start at {@code offset}
   */
  int scan(byte[] buffer, int offset, int length) throws NetException {
    int data = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (state == State.DATA) { // the common case, plain text: move it without a state machine
        int from = i;
        while (i < end && buffer[i] != (byte) IAC && buffer[i] != CR) {
          i++;
        }
        if (i > from) {
          commandsInARow = 0;
          if (data != from) {
            System.arraycopy(buffer, from, buffer, data, i - from);
          }
          data += i - from;
          if (i == end) {
            break;
          }
        }
      }
      int b = buffer[i] & 0xff;
      switch (state) {
        case DATA, CR -> {
          if (b == IAC) {
            state = State.IAC; // held: data (IAC IAC) or a command, the next byte says
          } else {
            commandsInARow = 0;
            if (!(state == State.CR && b == 0)) { // CR NUL is CR; Commons Net stays in CR
              buffer[data++] = (byte) b;
              state = b == CR ? State.CR : State.DATA;
            }
          }
        }
        case IAC -> {
          if (b == IAC) {
            state = State.DATA; // IAC IAC: one data byte, 255
            commandsInARow = 0;
            buffer[data++] = (byte) IAC;
          } else if (b >= WILL && b <= DONT) {
            state = State.OPTION;
            command(b);
          } else if (b == SB) {
            state = State.SUB;
            subLength = 0;
            command(b);
          } else {
            state = State.DATA; // a lone command (NOP, GA, AYT, SE...): no data
            command(b);
            counted();
          }
        }
        case OPTION -> {
          state = State.DATA;
          emit(b);
          counted();
        }
        case SUB -> {
          emit(b);
          if (b == IAC) {
            state = State.SUB_IAC;
          } else {
            subByte();
          }
        }
        case SUB_IAC -> {
          emit(b);
          if (b == SE) {
            state = State.DATA;
            counted();
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
    return data - offset;
  }

  /** The held IAC and the command byte after it go to Commons Net. */
  private void command(int b) {
    emit(IAC);
    emit(b);
  }

  private void emit(int b) {
    commands[commandEnd++] = (byte) b;
  }

  private void counted() throws NetProtocolException {
    if (++commandsInARow > maxCommands) {
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
