package io.netkit.pop3;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.transport.TcpConnection;
import io.netkit.core.transport.TcpServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A scripted POP3 server on the core's TCP server, for what GreenMail cannot do: STLS, APOP,
 * response codes, broken and hostile answers. Records every line the client sent.
 */
final class FakePop3 implements AutoCloseable {
  static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("pop3 test CA").build();
  static final HeldCertificate SERVER =
      new HeldCertificate.Builder().signedBy(CA).addSubjectAlternativeName("127.0.0.1").build();
  static final SSLContext SERVER_TLS =
      new HandshakeCertificates.Builder().heldCertificate(SERVER, CA.certificate()).build().sslContext();

  /** One client's conversation, as the script sees it. */
  interface Script {
    void run(Conversation c) throws IOException;
  }

  /** The server side of one connection. */
  final class Conversation {
    private final TcpConnection connection;

    Conversation(TcpConnection connection) {
      this.connection = connection;
    }

    /** Reads one line from the client (null at the end) and records it. */
    String read() throws IOException {
      String line = connection.readLine();
      if (line != null) {
        received.add(line);
      }
      return line;
    }

    /** Reads a line and checks it starts with {@code prefix}. */
    String expect(String prefix) throws IOException {
      String line = read();
      if (line == null || !line.startsWith(prefix)) {
        throw new IOException("expected " + prefix + ", got " + line);
      }
      return line;
    }

    /** Sends lines, each with CRLF. */
    void send(String... lines) throws IOException {
      for (String line : lines) {
        connection.output().write((line + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      connection.output().flush();
    }

    /** Sends raw bytes. */
    void raw(byte[] bytes) throws IOException {
      connection.output().write(bytes);
      connection.output().flush();
    }

    /** Upgrades to TLS as the server. */
    void startTls() throws IOException {
      connection.startTlsAsServer(SERVER_TLS);
    }

    /** Answers every command with +OK until QUIT or the end. */
    void okUntilQuit() throws IOException {
      String line;
      while ((line = read()) != null) {
        send("+OK");
        if (line.equals("QUIT")) {
          return;
        }
      }
    }
  }

  private final TcpServer server;
  final List<String> received = new CopyOnWriteArrayList<>();

  private FakePop3(Script script) throws IOException {
    server =
        TcpServer.builder()
            .name("pop3-fake")
            .options(NetOptions.builder().readTimeout(Duration.ofSeconds(10)).build())
            .handler(connection -> script.run(new Conversation(connection)))
            .start();
  }

  static FakePop3 start(Script script) throws IOException {
    return new FakePop3(script);
  }

  /** Greets, answers CAPA with USER, TOP and UIDL, accepts USER/PASS, then runs {@code rest}. */
  static FakePop3 loggedIn(Script rest) throws IOException {
    return start(c -> {
      c.send("+OK hello");
      c.expect("CAPA");
      c.send("+OK", "USER", "TOP", "UIDL", ".");
      c.expect("USER");
      c.send("+OK");
      c.expect("PASS");
      c.send("+OK");
      rest.run(c);
    });
  }

  Endpoint endpoint() {
    return server.endpoint();
  }

  @Override
  public void close() {
    server.close();
  }
}
