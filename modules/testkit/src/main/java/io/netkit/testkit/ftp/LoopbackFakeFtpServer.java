package io.netkit.testkit.ftp;

import io.netkit.testkit.Fault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.mockftpserver.core.command.CommandHandler;
import org.mockftpserver.core.session.DefaultSession;
import org.mockftpserver.core.session.Session;
import org.mockftpserver.core.socket.ServerSocketFactory;
import org.mockftpserver.fake.FakeFtpServer;

/**
 * MockFtpServer's fake server bound to 127.0.0.1 only (control and passive data sockets), with
 * sessions that can write raw bytes (for garbage and overlong replies) and drip their output.
 */
final class LoopbackFakeFtpServer extends FakeFtpServer {
  static final ServerSocketFactory LOOPBACK =
      port -> new ServerSocket(port, 50, InetAddress.getLoopbackAddress());

  private final Supplier<Fault> fault;
  private final Supplier<Duration> dripDelay;
  private volatile IOException bindFailure;

  LoopbackFakeFtpServer(Supplier<Fault> fault, Supplier<Duration> dripDelay) {
    this.fault = fault;
    this.dripDelay = dripDelay;
    // MockFtpServer binds on its own thread and only logs a failure: keep it for start() to say.
    this.serverSocketFactory =
        port -> {
          try {
            return LOOPBACK.createServerSocket(port);
          } catch (IOException e) {
            bindFailure = e;
            throw e;
          }
        };
  }

  /** Why the control port could not be bound, if it could not. */
  IOException bindFailure() {
    return bindFailure;
  }

  @Override
  protected Session createSession(Socket clientSocket) {
    try {
      // Replies are small writes, some in a row (150, then 226 after the data): without this the
      // second waits for the client's delayed ACK of the first, 40 ms.
      clientSocket.setTcpNoDelay(true);
    } catch (java.net.SocketException e) {
      // the client has gone already: the session will find out
    }
    Socket control =
        fault.get() == Fault.DRIP ? new DripSocket(clientSocket, dripDelay.get()) : clientSocket;
    return new LoopbackSession(control, getCommandHandlers());
  }

  /**
   * The sessions' view of the handlers. AbstractFtpServer keeps its map private but sessions only
   * ever {@code get} from it, so a view over the public lookup is enough (and sees later changes).
   * Its CONNECT (the greeting, run once the session has made its reader) first gives the session
   * a {@link CommandReader}.
   */
  private Map<String, CommandHandler> getCommandHandlers() {
    return new AbstractMap<>() {
      @Override
      public CommandHandler get(Object name) {
        CommandHandler handler = name == null ? null : getCommandHandler(name.toString());
        if (handler == null || !"CONNECT".equals(name)) {
          return handler;
        }
        return (command, session) -> {
          if (session instanceof LoopbackSession loopback) {
            loopback.readPromptly();
          }
          handler.handleCommand(command, session);
        };
      }

      @Override
      public Set<Map.Entry<String, CommandHandler>> entrySet() {
        return Set.of();
      }
    };
  }

  /** A session bound to loopback for passive data, able to write raw bytes. */
  static final class LoopbackSession extends DefaultSession {
    private final Socket control;

    LoopbackSession(Socket control, Map<String, CommandHandler> handlers) {
      super(control, handlers);
      this.control = control;
      this.serverSocketFactory = LOOPBACK;
    }

    /** Replaces the reader the session made (at its start, unused yet) by a {@link CommandReader}. */
    void readPromptly() {
      try {
        CommandReader.install(this, control.getInputStream());
      } catch (IOException e) {
        // the client has gone already: the session will find out
      }
    }

    /**
     * Ends the session and closes its control connection: the session's thread may be waiting in
     * {@link CommandReader} for the next command, and only the close wakes it.
     */
    @Override
    public void close() {
      super.close();
      try {
        control.close();
      } catch (IOException e) {
        // closed already
      }
    }

    /** Writes bytes to the control connection as they are, bypassing reply formatting. */
    void writeRaw(byte[] bytes) {
      try {
        control.getOutputStream().write(bytes);
        control.getOutputStream().flush();
      } catch (IOException e) {
        // The client went away: the fault has done its job.
      }
    }
  }
}
