package io.netkit.telnet.internal;

import io.netkit.telnet.TelnetOptions;
import java.io.IOException;
import org.apache.commons.net.telnet.EchoOptionHandler;
import org.apache.commons.net.telnet.InvalidTelnetOptionException;
import org.apache.commons.net.telnet.SuppressGAOptionHandler;
import org.apache.commons.net.telnet.TelnetOption;
import org.apache.commons.net.telnet.TerminalTypeOptionHandler;

/**
 * Commons Net's Telnet client, set up for netkit: its reader thread answers the commands and
 * subnegotiations that the {@link WireGuard} beneath it passes up (the data goes from the guard
 * straight to the session's {@link Inbox}, never through Commons Net's byte-at-a-time queue); the
 * options it may agree to are the server echoing (ECHO, RFC 857), SUPPRESS-GO-AHEAD both ways
 * (RFC 858, offered at once), TERMINAL-TYPE (RFC 1091) and NAWS (RFC 1073); every other option is
 * refused (WONT/DONT), and Commons Net answers a request only when it changes a state, so two
 * sides cannot loop.
 *
 * <p>Data goes out through {@link #writeRaw}, already escaped by {@link NvtEncoder}, under the
 * engine's lock, which Commons Net also holds while it writes negotiation answers: the two never
 * interleave. Commons Net's own output stream (which holds a CR back until the next byte) is not
 * used. One engine per connection.
 */
final class Engine extends org.apache.commons.net.telnet.TelnetClient {
  private final NawsHandler naws;

  Engine(TelnetOptions options) {
    // Commons Net keeps up to this many subnegotiation bytes; the WireGuard fails beyond it.
    super(options.terminalType(), options.maxSubnegotiation());
    setReaderThread(true);
    naws = new NawsHandler(options.columns(), options.rows());
    try {
      addOptionHandler(new EchoOptionHandler(false, false, false, true));
      addOptionHandler(new SuppressGAOptionHandler(true, true, true, true));
      addOptionHandler(
          new TerminalTypeOptionHandler(options.terminalType(), false, false, true, false));
      addOptionHandler(naws);
    } catch (InvalidTelnetOptionException | IOException e) {
      throw new IllegalStateException("cannot set up the Telnet options", e); // not connected yet
    }
  }

  /** Writes bytes that are already wire bytes, and flushes. */
  void writeRaw(byte[] wire) throws IOException {
    synchronized (this) {
      if (_output_ == null) {
        throw new IOException("not connected");
      }
      _output_.write(wire);
      _output_.flush();
    }
  }

  /** Reports a new window size: at once when NAWS is on, else when the server asks for it. */
  void resize(int columns, int rows) throws IOException {
    naws.size(columns, rows);
    synchronized (this) {
      if (getLocalOptionState(TelnetOption.WINDOW_SIZE)) {
        writeRaw(naws.wire());
      }
    }
  }

  /** True when the server has agreed to echo (so the local terminal should not). */
  boolean remoteEcho() {
    return getRemoteOptionState(TelnetOption.ECHO);
  }
}
