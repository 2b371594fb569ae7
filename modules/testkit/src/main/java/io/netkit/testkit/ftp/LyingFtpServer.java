package io.netkit.testkit.ftp;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.transport.TcpConnection;
import io.netkit.core.transport.TcpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted FTP server with a real data connection that lies, for hostile-server tests of FTP
 * clients: about the size ({@code SIZE}), about where the data connection is ({@code PASV}
 * naming another host, a port where nothing listens, a data connection that never sends), about
 * how a transfer ended (no 150, fewer bytes than announced, 426, no final reply at all), and
 * replies cut by a close. {@link io.netkit.testkit.HostileServer} cannot do this: one RETR or
 * LIST writes on the control connection, then on the data connection (or holds it open, silent),
 * then on the control connection again, and a greeting can be cut before any command is read.
 *
 * <pre>{@code
 * try (LyingFtpServer ftp = new LyingFtpServer()) {
 *   ftp.answer("SIZE", "213 1000\r\n").content(new byte[10]); // 10 bytes where 1000 were announced
 *   assertThrows(NetTruncatedException.class,
 *       () -> Netkit.fetch(URI.create(ftp.url("/f")), OutputStream.nullOutputStream()));
 * }
 * }</pre>
 *
 * <p>Defaults: greeting {@code 220}, any login accepted ({@link #url} carries {@code bob:pw}),
 * {@code EPSV} and {@code PASV} naming the real data port on 127.0.0.1, {@code SIZE} refused
 * ({@code 502}), {@code 150} before the data, an empty data connection, {@code 226} after it;
 * {@code PORT} (active mode) connects back to the loopback address it names. Everything listens on
 * 127.0.0.1; the only other address it ever uses is 127.0.0.2 (loopback too), as the source of an
 * active-mode data connection when {@link #activeFromElsewhere} asks. The control connection's
 * reads time out after 10 s, the data port's accept after 10 s. Configure before the client
 * connects; every setting is read per command. Thread-safe; {@link #close()} stops it.
 */
public final class LyingFtpServer implements AutoCloseable {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final TcpServer control;
  private final ServerSocket data;
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Set<String> closeAfter = ConcurrentHashMap.newKeySet();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<InetAddress> dataPeers = new CopyOnWriteArrayList<>();

  private volatile String greeting = "220 lying server\r\n";
  private volatile String pasvHost = "127,0,0,1";
  private volatile int advertisedPort;
  private volatile String preliminary = "150 here it comes\r\n";
  private volatile byte[] content = new byte[0];
  private volatile boolean dataSilent;
  private volatile String finalReply = "226 done\r\n";
  private volatile boolean activeFromElsewhere;
  private volatile InetSocketAddress activeTarget;

  /** Starts the control and data listeners on free ports of 127.0.0.1. */
  public LyingFtpServer() throws IOException {
    data = new ServerSocket(0, 50, LOOPBACK);
    try {
      control =
          TcpServer.builder()
              .bind(Endpoint.loopback(0))
              .name("lying-ftp")
              .options(NetOptions.builder().readTimeout(Duration.ofSeconds(10)).build())
              .handler(this::converse)
              .start();
    } catch (RuntimeException | Error e) {
      data.close();
      throw e;
    }
  }

  /** Where the control connection listens. */
  public Endpoint endpoint() {
    return control.endpoint();
  }

  /** {@code ftp://bob:pw@127.0.0.1:PORT} and {@code path} (which starts with {@code /}). */
  public String url(String path) {
    return "ftp://bob:pw@127.0.0.1:" + control.port() + path;
  }

  /** The real passive data port. */
  public int dataPort() {
    return data.getLocalPort();
  }

  /** Every command line received, in order. */
  public List<String> received() {
    return received;
  }

  /** The server's own address on each data connection, accepted (passive) or opened (active). */
  public List<InetAddress> dataPeers() {
    return dataPeers;
  }

  /** Answers {@code verb} with {@code reply} (line ends included) instead of the default. */
  public LyingFtpServer answer(String verb, String reply) {
    answers.put(verb.toUpperCase(Locale.ROOT), reply);
    return this;
  }

  /** Closes the control connection right after answering {@code verb} ({@code greeting}: after it). */
  public LyingFtpServer closeAfter(String verb) {
    closeAfter.add(verb.equals("greeting") ? verb : verb.toUpperCase(Locale.ROOT));
    return this;
  }

  /** The greeting, line ends included (a multi-line one may be cut with {@code closeAfter}). */
  public LyingFtpServer greeting(String text) {
    greeting = text;
    return this;
  }

  /** The address a PASV reply names, as its four comma-separated numbers. */
  public LyingFtpServer pasvHost(String commas) {
    pasvHost = commas;
    return this;
  }

  /** The port EPSV and PASV name; 0 (the default) names the real data port. */
  public LyingFtpServer advertisedPort(int port) {
    advertisedPort = port;
    return this;
  }

  /** The answer to RETR, LIST, NLST, MLSD before the data; null: none, and no data ever. */
  public LyingFtpServer preliminary(String reply) {
    preliminary = reply;
    return this;
  }

  /** What each data connection carries before it closes. */
  public LyingFtpServer content(byte[] bytes) {
    content = bytes.clone();
    return this;
  }

  /** True: data connections are accepted and then never written to nor closed. */
  public LyingFtpServer dataSilent(boolean silent) {
    dataSilent = silent;
    return this;
  }

  /** The final reply after the data; null: the control connection closes instead. */
  public LyingFtpServer finalReply(String reply) {
    finalReply = reply;
    return this;
  }

  /** True: an active-mode data connection comes from 127.0.0.2, not the control's 127.0.0.1. */
  public LyingFtpServer activeFromElsewhere(boolean elsewhere) {
    activeFromElsewhere = elsewhere;
    return this;
  }

  private void converse(TcpConnection c) throws IOException {
    send(c, greeting);
    if (closeAfter.contains("greeting")) {
      return;
    }
    for (String line; (line = command(c)) != null; ) {
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
          activeTarget = port(parts.length > 1 ? parts[1] : "");
          send(c, "200 PORT ok\r\n");
        }
        default -> send(c, reply(verb));
      }
      if (closeAfter.contains(verb) || verb.equals("QUIT")) {
        return;
      }
    }
  }

  private String reply(String verb) {
    String scripted = answers.get(verb);
    if (scripted != null) {
      return scripted;
    }
    int port = advertisedPort != 0 ? advertisedPort : data.getLocalPort();
    return switch (verb) {
      case "USER" -> "331 password please\r\n";
      case "PASS" -> "230 logged in\r\n";
      case "TYPE", "PBSZ", "PROT", "REST" -> "200 ok\r\n";
      case "PWD" -> "257 \"/\" is the directory\r\n";
      case "CWD" -> "250 ok\r\n";
      case "SYST" -> "215 UNIX Type: L8\r\n";
      case "EPSV" -> "229 Entering Extended Passive Mode (|||" + port + "|)\r\n";
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
    send(c, first);
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
    send(c, last);
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
    try {
      if (activeFromElsewhere) {
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
      }
      socket.connect(target, 5_000);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Reads (and records) whatever the client still sends, until it closes or the read times out. */
  private void holdUntilTheClientLeaves(TcpConnection c) {
    try {
      while (command(c) != null) {
        // say nothing
      }
    } catch (IOException clientGoneOrTimedOut) {
      // over
    }
  }

  private String command(TcpConnection c) throws IOException {
    String line = c.readLine();
    if (line != null) {
      received.add(line);
    }
    return line;
  }

  /** Writes {@code text} in one write (one TCP segment on loopback). */
  private static void send(TcpConnection c, String text) throws IOException {
    c.output().write(text.getBytes(StandardCharsets.ISO_8859_1));
    c.output().flush();
  }

  /** The address in a PORT argument, which must be loopback: no test connects anywhere else. */
  private static InetSocketAddress port(String argument) throws IOException {
    String[] n = argument.trim().split(",");
    if (n.length != 6) {
      throw new IOException("not a PORT argument: " + argument);
    }
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
