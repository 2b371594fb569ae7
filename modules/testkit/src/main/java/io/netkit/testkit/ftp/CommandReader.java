package io.netkit.testkit.ftp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.net.SocketTimeoutException;
import org.mockftpserver.core.session.DefaultSession;

/**
 * The control connection's reader for MockFtpServer's session, whose {@link #ready()} waits for
 * the next command instead of answering at once.
 *
 * <p>The session asks {@code ready()} and, while it says no, sleeps 20 ms before asking again: up
 * to 20 ms lost on every command (about 150 ms for a login, list, quit session). Waiting here
 * lets it read each command as it arrives. At the end of the input (or on a reset) it ends the
 * session, which would otherwise poll a dead connection until the server stopped.
 */
final class CommandReader extends BufferedReader {
  private static final Field READER = readerField();
  private final Runnable onEnd;

  private CommandReader(InputStream in, Runnable onEnd) {
    super(new InputStreamReader(in));
    this.onEnd = onEnd;
  }

  /**
   * Puts a command reader in {@code session} in place of its polling one (made, not yet used, when
   * its thread starts); the session keeps polling if its field cannot be reached.
   */
  static void install(DefaultSession session, InputStream in) {
    if (READER == null) {
      return;
    }
    try {
      READER.set(session, new CommandReader(in, session::close));
    } catch (IllegalAccessException e) {
      // keep the polling reader: slower, still correct
    }
  }

  @Override
  public boolean ready() throws IOException {
    try {
      mark(2); // the one char, and the LF of the last CRLF that read() may skip first
      int c = read();
      if (c >= 0) {
        reset();
        return true;
      }
    } catch (SocketTimeoutException e) {
      return false; // nothing yet: the session asks again
    } catch (IOException e) {
      // closed or reset: the conversation is over
    }
    onEnd.run();
    return false;
  }

  private static Field readerField() {
    try {
      Field field = DefaultSession.class.getDeclaredField("controlConnectionReader");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
