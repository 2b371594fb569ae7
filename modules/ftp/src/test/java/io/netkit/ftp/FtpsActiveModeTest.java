package io.netkit.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Active-mode FTPS: the server connects back and the client then runs the TLS handshake as the
 * client, so the server's certificate must be checked, chain and host name, as on every other
 * connection. MockFtpServer has no TLS: a scripted implicit-FTPS server plays the server.
 */
class FtpsActiveModeTest {
  private static final byte[] CONTENT = "secret data, active mode".getBytes(StandardCharsets.UTF_8);
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("ftp test CA").build();
  private static final HeldCertificate LOOPBACK =
      new HeldCertificate.Builder().signedBy(CA).addSubjectAlternativeName("127.0.0.1").build();
  /** Chains to the trusted CA, but names another host. */
  private static final HeldCertificate OTHER_HOST =
      new HeldCertificate.Builder().signedBy(CA).addSubjectAlternativeName("other.example").build();

  private ScriptedFtpsServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void activeDataConnectionWithTheServersCertificateWorks() throws Exception {
    server = new ScriptedFtpsServer(context(LOOPBACK));
    try (FtpClient ftp = connect()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertEquals(CONTENT.length, ftp.retrieve("d.txt", out));
      assertArrayEquals(CONTENT, out.toByteArray());
    }
  }

  @Test
  void activeDataConnectionWithACertificateForAnotherHostIsRefused() throws Exception {
    server = new ScriptedFtpsServer(context(OTHER_HOST));
    try (FtpClient ftp = connect()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThrows(NetTlsException.class, () -> ftp.retrieve("d.txt", out));
      assertEquals(0, out.size(), "no byte from an unverified peer");
      assertFalse(ftp.isConnected());
    }
  }

  private FtpClient connect() throws IOException {
    NetOptions options =
        NetOptions.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(2))
            .tlsMode(TlsMode.IMPLICIT)
            .trust(Trust.certificates(List.of(CA.certificate()), "ftp test CA"))
            .build();
    FtpClient ftp = new FtpClient(options, FtpOptions.builder().activeMode(true).build());
    ftp.connect(
        Endpoint.of("127.0.0.1", server.port()).withCredentials(new Credentials("bob", "pw")));
    return ftp;
  }

  private static SSLContext context(HeldCertificate certificate) {
    return new HandshakeCertificates.Builder()
        .heldCertificate(certificate, CA.certificate())
        .build()
        .sslContext();
  }

  /**
   * Implicit FTPS on 127.0.0.1 with the loopback certificate on the control connection and the
   * given one on data connections; one session, just enough commands for a login and a RETR.
   */
  private static final class ScriptedFtpsServer implements AutoCloseable {
    private final ServerSocket listener;
    private final SSLContext data;
    private final Thread thread;

    ScriptedFtpsServer(SSLContext data) throws IOException {
      this.data = data;
      this.listener =
          context(LOOPBACK)
              .getServerSocketFactory()
              .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
      this.listener.setSoTimeout(5000);
      this.thread = new Thread(this::serve, "scripted-ftps");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    private void serve() {
      try (Socket control = listener.accept()) {
        control.setSoTimeout(5000);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new java.io.OutputStreamWriter(control.getOutputStream(), StandardCharsets.UTF_8);
        reply(out, "220 scripted FTPS");
        String host = null;
        int port = -1;
        for (String line; (line = in.readLine()) != null; ) {
          String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
          switch (verb) {
            case "USER" -> reply(out, "331 password");
            case "PASS" -> reply(out, "230 in");
            case "PBSZ", "PROT", "TYPE" -> reply(out, "200 ok");
            case "SIZE" -> reply(out, "213 " + CONTENT.length);
            case "PORT" -> {
              String[] n = line.substring(5).trim().split(",");
              host = n[0] + "." + n[1] + "." + n[2] + "." + n[3];
              port = Integer.parseInt(n[4]) * 256 + Integer.parseInt(n[5]);
              reply(out, "200 PORT ok");
            }
            case "RETR" -> {
              reply(out, "150 opening data connection");
              reply(out, sendData(host, port) ? "226 done" : "426 TLS failed");
            }
            case "QUIT" -> {
              reply(out, "221 bye");
              return;
            }
            default -> reply(out, "502 not here");
          }
        }
      } catch (IOException e) {
        // The client went away: the test has its answer.
      }
    }

    private boolean sendData(String host, int port) {
      try (Socket plain = new Socket(host, port);
          SSLSocket tls =
              (SSLSocket) data.getSocketFactory().createSocket(plain, host, port, true)) {
        tls.setSoTimeout(5000);
        tls.setUseClientMode(false); // the client is the TLS client on data connections too
        tls.startHandshake();
        OutputStream o = tls.getOutputStream();
        o.write(CONTENT);
        o.flush();
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    private static void reply(Writer out, String line) throws IOException {
      out.write(line + "\r\n");
      out.flush();
    }

    @Override
    public void close() throws Exception {
      listener.close();
      thread.join(5000);
    }
  }
}
