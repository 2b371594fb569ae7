package io.netkit.testkit.internal;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.pop3.Pop3Server;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.netkit.testkit.AbstractMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * GreenMail as the SMTP, POP3 and IMAP mocks run it: plain services on 127.0.0.1, each on a free
 * port, whose connections send without Nagle's delay and whose listeners take a burst of
 * connects.
 *
 * <p>GreenMail flushes each reply line on its own; with Nagle's algorithm on, the second line of
 * a multi-line reply waits for the ACK of the first, which the peer delays by 40 ms (delayed
 * ACK), so every multi-line reply (CAPA, LIST, CAPABILITY, EXAMINE) cost 40 ms. Here every
 * accepted socket has {@code TCP_NODELAY}, as netkit's own connections do.
 *
 * <p>GreenMail listens with Java's default backlog of 50 ({@code AbstractServer.openServerSocket}
 * binds without one); here the backlog is {@link AbstractMockServer#BACKLOG}, as in front of it
 * (the mocks' relays and proxies): past 50 pending connects Linux sends SYN cookies, and a
 * connection whose last handshake ACK meets a full accept queue is dropped by the server while
 * the client's connect has already returned. Under 500 concurrent sessions that lost 8 to 52 of
 * them (each waiting for a greeting until its read timeout); with Nagle's stalls slowing the
 * sessions that compete with the accept threads for the CPU, it only happened more rarely.
 *
 * <p>Look the services' ports up with {@link #port(String)} ({@link GreenMail#getImap()} does not
 * apply: its IMAP service is not GreenMail's final {@code ImapServer} class).
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
            case ServerSetup.PROTOCOL_SMTP -> new Smtp(setup, managers);
            case ServerSetup.PROTOCOL_POP3 -> new Pop3(setup, managers);
            case ServerSetup.PROTOCOL_IMAP -> new Imap(setup, managers);
            default -> throw new IllegalArgumentException("unsupported: " + setup.getProtocol());
          };
      made.put(setup.getProtocol(), server);
    }
    return made;
  }

  /**
   * A listening socket as GreenMail's {@code AbstractServer.openServerSocket} opens it (plain,
   * address reused), with {@link AbstractMockServer#BACKLOG} instead of Java's default 50.
   */
  static ServerSocket listen(InetAddress address, int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port), AbstractMockServer.BACKLOG);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return socket;
  }

  // The three services repeat the same two overrides: GreenMail's servers share no hook below
  // AbstractServer, and GreenMail#getSmtp() casts to SmtpServer, so each keeps its own class.

  private static final class Smtp extends SmtpServer {
    Smtp(ServerSetup setup, Managers managers) {
      super(setup, managers);
    }

    @Override
    protected ServerSocket openServerSocket() throws IOException {
      ServerSocket socket = listen(bindTo, setup.getPort());
      setup = setup.port(socket.getLocalPort());
      setName(setup.getProtocol() + ':' + setup.getBindAddress() + ':' + setup.getPort());
      return socket;
    }

    @Override
    protected void handleClientSocket(Socket socket) throws SocketException {
      socket.setTcpNoDelay(true);
      super.handleClientSocket(socket);
    }
  }

  private static final class Pop3 extends Pop3Server {
    Pop3(ServerSetup setup, Managers managers) {
      super(setup, managers);
    }

    @Override
    protected ServerSocket openServerSocket() throws IOException {
      ServerSocket socket = listen(bindTo, setup.getPort());
      setup = setup.port(socket.getLocalPort());
      setName(setup.getProtocol() + ':' + setup.getBindAddress() + ':' + setup.getPort());
      return socket;
    }

    @Override
    protected void handleClientSocket(Socket socket) throws SocketException {
      socket.setTcpNoDelay(true);
      super.handleClientSocket(socket);
    }
  }

  /** GreenMail's IMAP service ({@code ImapServer} is final: the same handler, our sockets). */
  private static final class Imap extends AbstractServer {
    Imap(ServerSetup setup, Managers managers) {
      super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket socket) {
      return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket);
    }

    @Override
    protected ServerSocket openServerSocket() throws IOException {
      ServerSocket socket = listen(bindTo, setup.getPort());
      setup = setup.port(socket.getLocalPort());
      setName(setup.getProtocol() + ':' + setup.getBindAddress() + ':' + setup.getPort());
      return socket;
    }

    @Override
    protected void handleClientSocket(Socket socket) throws SocketException {
      socket.setTcpNoDelay(true);
      super.handleClientSocket(socket);
    }
  }
}
