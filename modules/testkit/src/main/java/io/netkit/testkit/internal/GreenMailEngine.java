package io.netkit.testkit.internal;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.pop3.Pop3Server;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * GreenMail as the SMTP, POP3 and IMAP mocks run it: plain services on 127.0.0.1, each on a free
 * port, whose connections send without Nagle's delay.
 *
 * <p>GreenMail flushes each reply line on its own; with Nagle's algorithm on, the second line of
 * a multi-line reply waits for the ACK of the first, which the peer delays by 40 ms (delayed
 * ACK), so every multi-line reply (CAPA, LIST, CAPABILITY, EXAMINE) cost 40 ms. Here every
 * accepted socket has {@code TCP_NODELAY}, as netkit's own connections do. Look the services'
 * ports up with {@link #port(String)} ({@link GreenMail#getImap()} does not apply: its IMAP
 * service is not GreenMail's final {@code ImapServer} class).
 */
public final class GreenMailEngine extends GreenMail {
  /** The address every service listens on. */
  public static final String HOST = "127.0.0.1";

  private GreenMailEngine(ServerSetup[] setups) {
    super(setups);
  }

  /**
   * A started engine with one service per protocol ({@link ServerSetup#PROTOCOL_SMTP}, {@code
   * PROTOCOL_POP3}, {@code PROTOCOL_IMAP}), each on a free port; {@code configure} is applied
   * before the start.
   *
   * @throws IOException when GreenMail cannot start (saying {@code what} failed)
   */
  public static GreenMailEngine start(String what, Consumer<GreenMail> configure, String... protocols)
      throws IOException {
    ServerSetup[] setups = new ServerSetup[protocols.length];
    for (int i = 0; i < protocols.length; i++) {
      setups[i] = new ServerSetup(0, HOST, protocols[i]).dynamicPort();
    }
    GreenMailEngine engine = new GreenMailEngine(setups);
    configure.accept(engine);
    try {
      engine.start();
    } catch (RuntimeException e) {
      engine.stop();
      throw new IOException("cannot start " + what + "'s GreenMail: " + e.getMessage(), e);
    }
    return engine;
  }

  /** The port the service for {@code protocol} listens on. */
  public int port(String protocol) {
    AbstractServer server = services.get(protocol);
    if (server == null) {
      throw new IllegalArgumentException("no " + protocol + " service");
    }
    return server.getPort();
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
    Map<String, AbstractServer> made = new HashMap<>();
    for (ServerSetup setup : setups) {
      AbstractServer server =
          switch (setup.getProtocol()) {
            case ServerSetup.PROTOCOL_SMTP -> new SmtpServer(setup, managers) {
              @Override
              protected void handleClientSocket(Socket socket) throws SocketException {
                socket.setTcpNoDelay(true);
                super.handleClientSocket(socket);
              }
            };
            case ServerSetup.PROTOCOL_POP3 -> new Pop3Server(setup, managers) {
              @Override
              protected void handleClientSocket(Socket socket) throws SocketException {
                socket.setTcpNoDelay(true);
                super.handleClientSocket(socket);
              }
            };
            case ServerSetup.PROTOCOL_IMAP -> new ImapService(setup, managers);
            default -> throw new IllegalArgumentException("unsupported: " + setup.getProtocol());
          };
      made.put(setup.getProtocol(), server);
    }
    return made;
  }

  /** GreenMail's IMAP service ({@code ImapServer} is final), with TCP_NODELAY sockets. */
  private static final class ImapService extends AbstractServer {
    ImapService(ServerSetup setup, Managers managers) {
      super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket socket) {
      return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket);
    }

    @Override
    protected void handleClientSocket(Socket socket) throws SocketException {
      socket.setTcpNoDelay(true);
      super.handleClientSocket(socket);
    }
  }
}
