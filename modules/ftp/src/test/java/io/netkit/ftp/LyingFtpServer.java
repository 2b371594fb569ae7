package io.netkit.ftp;

import io.netkit.core.transport.TcpConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted FTP server, on {@link ScriptedFtpServer}, with a real data connection that lies: about
 * the size (SIZE), about where the data connection is (PASV naming another host, a port where
 * nothing listens or one that never sends), about how a transfer ended (no 150, fewer bytes than
 * SIZE, 426, no final reply), and replies cut by a close. Everything listens on 127.0.0.1; the
 * only other address it ever uses is 127.0.0.2 (loopback too), as the source of an active-mode
 * data connection. Configure before the client connects; every setting is read per command.
 */
final class LyingFtpServer implements AutoCloseable {
  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final ScriptedFtpServer control;
  private final ServerSocket data;
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Set<String> closeAfter = ConcurrentHashMap.newKeySet();
  /** The server's own address on each data connection, accepted (passive) or opened (active). */
  final List<InetAddress> dataPeers = new CopyOnWriteArrayList<>();

  volatile String greeting = "220 lying server\r\n";
  /** The address a PASV reply names (commas), its port being the real data port. */
  volatile String pasvHost = "127,0,0,1";
  /** The port EPSV and PASV name; 0: the real data port. */
  volatile int advertisedPort;
  /** The answer to RETR, LIST, NLST, MLSD before the data; null: none (and no data ever). */
  volatile String preliminary = "150 here it comes\r\n";
  /** What the data connection carries before it closes. */
  volatile byte[] content = new byte[0];
  /** True: the data connection is accepted and then never written to nor closed. */
  volatile boolean dataSilent;
  /** The final reply after the data; null: the control connection closes instead. */
  volatile String finalReply = "226 done\r\n";
  /** True: an active-mode data connection comes from 127.0.0.2, not the control's 127.0.0.1. */
  volatile boolean activeFromElsewhere;

  private volatile InetSocketAddress activeTarget;

  LyingFtpServer() throws IOException {
    data = new ServerSocket(0, 50, LOOPBACK);
    control = new ScriptedFtpServer((s, c) -> converse(c));
    answers.put("EPSV", "");
  }

  io.netkit.core.Endpoint endpoint() {
    return control.endpoint();
  }

  int dataPort() {
    return data.getLocalPort();
  }

  List<String> received() {
    return control.received;
  }

  /** Answers {@code verb} with {@code reply} (line ends included). */
  LyingFtpServer answer(String verb, String reply) {
    answers.put(verb, reply);
    return this;
  }

  /** Closes the control connection right after answering {@code verb}. */
  LyingFtpServer closeAfter(String verb) {
    closeAfter.add(verb);
    return this;
  }

  private void converse(TcpConnection c) throws IOException {
    ScriptedFtpServer.send(c, greeting);
    if (closeAfter.contains("greeting")) {
      return;
    }
    for (String line; (line = control.command(c)) != null; ) {
      String[] parts = line.split(" ", 2);
      String verb = parts[0].toUpperCase(Locale.ROOT);
      switch (verb) {
        case "RETR", "LIST", "NLST", "MLSD" -> {
          if (!transfer(c)) {
            return;
          }
          continue;
        }
        case "PORT" -> {
          activeTarget = port(parts[1]);
          ScriptedFtpServer.send(c, "200 PORT ok\r\n");
        }
        default -> ScriptedFtpServer.send(c, reply(verb));
      }
      if (closeAfter.contains(verb) || verb.equals("QUIT")) {
        return;
      }
    }
  }

  private String reply(String verb) {
    String scripted = answers.get(verb);
    int port = advertisedPort != 0 ? advertisedPort : data.getLocalPort();
    if (verb.equals("EPSV") && "".equals(scripted)) {
      return "229 Entering Extended Passive Mode (|||" + port + "|)\r\n";
    }
    if (scripted != null) {
      return scripted;
    }
    return switch (verb) {
      case "USER" -> "331 password please\r\n";
      case "PASS" -> "230 logged in\r\n";
      case "TYPE", "PBSZ", "PROT", "REST" -> "200 ok\r\n";
      case "PWD" -> "257 \"/\" is the directory\r\n";
      case "CWD" -> "250 ok\r\n";
      case "SYST" -> "215 UNIX Type: L8\r\n";
      case "PASV" -> "227 Entering Passive Mode (" + pasvHost + "," + (port >> 8) + ","
          + (port & 255) + ")\r\n";
      case "QUIT" -> "221 bye\r\n";
      default -> "502 not here\r\n";
    };
  }

  /** One transfer; false when the control connection is to close (or has been held to the end). */
  private boolean transfer(TcpConnection c) throws IOException {
    String first = preliminary;
    if (first == null) {
      holdUntilTheClientLeaves(c);
      return false;
    }
    ScriptedFtpServer.send(c, first);
    if (!first.startsWith("1")) {
      return true; // refused before any data
    }
    try (Socket socket = dataSocket()) {
      dataPeers.add(socket.getLocalAddress());
      if (dataSilent) {
        holdUntilTheClientLeaves(c);
        return false;
      }
      OutputStream out = socket.getOutputStream();
      out.write(content);
      out.flush();
    }
    String last = finalReply;
    if (last == null) {
      return false;
    }
    ScriptedFtpServer.send(c, last);
    return true;
  }

  private Socket dataSocket() throws IOException {
    InetSocketAddress target = activeTarget;
    if (target == null) {
      data.setSoTimeout(10_000);
      return data.accept();
    }
    activeTarget = null;
    Socket socket = new Socket();
    if (activeFromElsewhere) {
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
    }
    socket.connect(target, 5_000);
    return socket;
  }

  /** Reads (and records) whatever the client still sends, until it closes or the read times out. */
  private void holdUntilTheClientLeaves(TcpConnection c) {
    try {
      while (control.command(c) != null) {
        // say nothing
      }
    } catch (IOException clientGoneOrTimedOut) {
      // over
    }
  }

  /** The address in a PORT argument, which must be loopback: no test connects anywhere else. */
  private static InetSocketAddress port(String argument) throws IOException {
    String[] n = argument.trim().split(",");
    InetAddress host = InetAddress.getByName(n[0] + "." + n[1] + "." + n[2] + "." + n[3]);
    if (!host.isLoopbackAddress()) {
      throw new IOException("PORT names a non-loopback address: " + argument);
    }
    return new InetSocketAddress(host, Integer.parseInt(n[4]) << 8 | Integer.parseInt(n[5]));
  }

  @Override
  public void close() {
    control.close();
    try {
      data.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
