package io.netkit.testkit.telnet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The server's side of the Telnet wire for {@link TelnetMockServer}: reads the client's bytes,
 * answers and records its negotiation (a TERMINAL-TYPE request once the client agrees to it, the
 * terminal type and window sizes it reports), turns IAC IAC into one 0xFF byte and CR NUL into
 * CR, and hands out lines of data, echoing them character by character while echo is on (the
 * server said WILL ECHO). Not thread-safe: one per connection.
 */
final class ServerWire {
  static final int IAC = 255;
  static final int DONT = 254;
  static final int DO = 253;
  static final int WONT = 252;
  static final int WILL = 251;
  static final int SB = 250;
  static final int SE = 240;
  static final int ECHO = 1;
  static final int SGA = 3;
  static final int TTYPE = 24;
  static final int NAWS = 31;
  private static final int MAX_LINE = 8192;
  private static final int MAX_SUB = 1024;

  private final InputStream in;
  private final OutputStream out;
  private final Recorder recorder;
  private final java.util.Set<Integer> answered = new java.util.HashSet<>();
  private boolean lastWasCr;

  ServerWire(InputStream in, OutputStream out, Recorder recorder) {
    this.in = in;
    this.out = out;
    this.recorder = recorder;
  }

  /** Offers what a telnetd offers: it echoes, suppresses go-ahead, asks for TTYPE and NAWS. */
  void offerOptions() throws IOException {
    out.write(new byte[] {
      (byte) IAC, (byte) WILL, ECHO, (byte) IAC, (byte) WILL, SGA,
      (byte) IAC, (byte) DO, TTYPE, (byte) IAC, (byte) DO, NAWS
    });
    out.flush();
  }

  /** Writes text in UTF-8 (which has no 0xFF byte, so nothing to double) and flushes. */
  void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * Reads one line of data (without its end), echoing it when {@code echo}; null when the client
   * closed. A line ends at CR LF, CR NUL or a bare LF.
   */
  String readLine(boolean echo) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = readData();
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
      }
      if (b == '\r' || (b == '\n' && !lastWasCr)) {
        lastWasCr = b == '\r';
        if (echo) {
          write("\r\n");
        }
        String text = line.toString(StandardCharsets.UTF_8);
        recorder.line(text);
        return text;
      }
      if (b == '\n') {
        lastWasCr = false; // the LF of a CR LF already ended the line
        continue;
      }
      lastWasCr = false;
      if (b == 0) {
        continue;
      }
      if (line.size() < MAX_LINE) {
        line.write(b);
      }
      if (echo) {
        out.write(b);
        out.flush();
      }
    }
  }

  /** The next data byte, after handling any commands before it; -1 at the end. */
  private int readData() throws IOException {
    while (true) {
      int b = in.read();
      if (b < 0) {
        return -1;
      }
      recorder.raw(b);
      if (b != IAC) {
        return b;
      }
      int command = next();
      switch (command) {
        case IAC -> {
          return IAC;
        }
        case WILL, WONT, DO, DONT -> negotiation(command, next());
        case SB -> subnegotiation();
        default -> recorder.negotiation("CMD " + command);
      }
    }
  }

  private int next() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new java.io.EOFException("the client closed in the middle of a command");
    }
    recorder.raw(b);
    return b;
  }

  private void negotiation(int command, int option) throws IOException {
    String verb =
        switch (command) {
          case WILL -> "WILL";
          case WONT -> "WONT";
          case DO -> "DO";
          default -> "DONT";
        };
    recorder.negotiation(verb + " " + option);
    // Each answer at most once per option: the mock must never be the side that loops.
    if (!answered.add(command * 256 + option)) {
      return;
    }
    if (command == WILL && option == TTYPE) {
      send(SB, TTYPE, 1, IAC, SE);
    } else if (command == WILL && option == SGA) {
      send(DO, SGA);
    } else if (command == WILL && option != NAWS) {
      send(DONT, option);
    } else if (command == DO && option != ECHO && option != SGA) {
      send(WONT, option);
    }
  }

  /** Sends IAC and then {@code bytes}. */
  private void send(int... bytes) throws IOException {
    out.write(IAC);
    for (int b : bytes) {
      out.write(b);
    }
    out.flush();
  }

  private void subnegotiation() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int b = next();
      if (b == IAC) {
        int after = next();
        if (after == SE) {
          break;
        }
        b = after; // IAC IAC inside: one 0xFF
      }
      if (body.size() < MAX_SUB) {
        body.write(b);
      }
    }
    byte[] sub = body.toByteArray();
    if (sub.length >= 2 && sub[0] == TTYPE && sub[1] == 0) {
      recorder.terminalType(new String(sub, 2, sub.length - 2, StandardCharsets.US_ASCII));
    } else if (sub.length == 5 && sub[0] == NAWS) {
      int columns = (sub[1] & 0xff) << 8 | (sub[2] & 0xff);
      int rows = (sub[3] & 0xff) << 8 | (sub[4] & 0xff);
      recorder.windowSize(columns + "x" + rows);
    } else {
      recorder.negotiation("SB " + (sub.length > 0 ? sub[0] & 0xff : -1));
    }
  }
}
