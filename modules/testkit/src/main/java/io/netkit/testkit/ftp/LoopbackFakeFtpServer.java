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
    Socket control =
        fault.get() == Fault.DRIP ? new DripSocket(clientSocket, dripDelay.get()) : clientSocket;
    return new LoopbackSession(control, getCommandHandlers());
  }

  /**
   * The sessions' view of the handlers. AbstractFtpServer keeps its map private but sessions only
   * ever {@code get} from it, so a view over the public lookup is enough (and sees later changes).
   */
  private Map<String, CommandHandler> getCommandHandlers() {
    return new AbstractMap<>() {
      @Override
      public CommandHandler get(Object name) {
        return name == null ? null : getCommandHandler(name.toString());
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
