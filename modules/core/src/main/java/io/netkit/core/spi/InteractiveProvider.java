package io.netkit.core.spi;

import io.netkit.core.NetOptions;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * An optional capability of a {@link ClientProvider} whose protocol is a conversation with a
 * person or a script at the keyboard (Telnet): the {@code netkit} command checks {@code provider
 * instanceof InteractiveProvider} and never names the protocol. Implementations are stateless and
 * thread-safe; the sessions they open are not, except as {@link Session} says.
 */
public interface InteractiveProvider {
  /**
   * Connects to what the URL names (logging in when it carries credentials) and returns the open
   * session.
   *
   * @param terminal the local terminal's type and size, reported to the server when it asks
   * @throws io.netkit.core.NetException when connecting or logging in fails
   */
  Session open(URI url, NetOptions options, TerminalInfo terminal) throws IOException;

  /**
   * The local terminal as the server is told about it.
   *
   * @param type the terminal type, e.g. {@code xterm-256color}
   * @param columns the width in characters
   * @param rows the height in lines
   */
  record TerminalInfo(String type, int columns, int rows) {}

  /** Implemented by failures that can tell what was received before they happened. */
  interface Seen {
    /** The text received (its tail, when long). */
    String seen();
  }

  /**
   * One open conversation. One thread may {@link #read} while another writes ({@link #write},
   * {@link #resize}); {@link #close} may be called from any thread and ends a blocked read.
   */
  interface Session extends Closeable {
    /**
     * Reads what the server sent (data only, protocol commands removed), waiting at most {@code
     * wait} for the first byte.
     *
     * @return the byte count; 0 when nothing came within {@code wait}; -1 when the server closed
     * @throws io.netkit.core.NetException when the connection fails or the protocol's bounds are
     *     crossed
     */
    int read(byte[] buffer, int offset, int length, Duration wait) throws IOException;

    /** Sends keystrokes or bytes as they are (escaped as the protocol needs). */
    void write(byte[] buffer, int offset, int length) throws IOException;

    /** Sends a line of text and the protocol's line end. */
    void sendLine(String line) throws IOException;

    /**
     * Reads until {@code pattern} is found, within {@code timeout}, and returns the text from
     * where the previous expect stopped up to the end of the match.
     *
     * @throws io.netkit.core.NetTimeoutException (which implements {@link Seen}) when it does not
     *     appear in time
     */
    String expect(Pattern pattern, Duration timeout) throws IOException;

    /** Tells the server the terminal's new size. */
    void resize(int columns, int rows) throws IOException;

    /** True when the server echoes what is typed (the local terminal should not). */
    boolean remoteEcho();

    /** Ends the session; idempotent. */
    @Override
    void close();
  }
}
