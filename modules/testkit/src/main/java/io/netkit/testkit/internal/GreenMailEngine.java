package io.netkit.testkit.internal;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.pop3.Pop3Server;
import com.icegreen.greenmail.server.AbstractServer;
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
 * port; the SMTP and POP3 connections send without Nagle's delay.
 *
 * <p>GreenMail flushes each reply line on its own; with Nagle's algorithm on, the second line of
 * a multi-line reply waits for the ACK of the first, which the peer delays by 40 ms (delayed
 * ACK), so every multi-line reply (CAPA, LIST, UIDL) cost 40 ms. Here every accepted SMTP and
 * POP3 socket has {@code TCP_NODELAY}, as netkit's own connections do; IMAP stays GreenMail's own
 * (see {@link #createServices}), so its multi-line replies (CAPABILITY, EXAMINE) still wait. Look
 * the services' ports up with {@link #port(String)}.
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
            // GreenMail's own IMAP service, Nagle and all: with TCP_NODELAY on its sockets, 8 to
            // 17 of 500 concurrent sessions through the IMAP mock never got their greeting
            // (bench ConcurrencyMain imap 500; 500 of 500 without it). Cause not found yet.
            case ServerSetup.PROTOCOL_IMAP -> new ImapServer(setup, managers);
            default -> throw new IllegalArgumentException("unsupported: " + setup.getProtocol());
          };
      made.put(setup.getProtocol(), server);
    }
    return made;
  }
}
