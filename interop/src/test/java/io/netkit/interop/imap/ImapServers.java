package io.netkit.interop.imap;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.core.trace.TraceEvent;
import io.netkit.interop.RealServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The IMAP side of scripts/servers.sh's mail servers: Dovecot (IMAP with STARTTLS on IMAP_PORT,
 * IMAPS on IMAPS_PORT) for the IMAP test user IMAP_USER, and Postfix on SMTP_PORT for deliveries.
 */
final class ImapServers {
  final RealServers servers = RealServers.load();

  Credentials credentials() {
    return new Credentials(servers.require("IMAP_USER"), servers.require("IMAP_PASS"));
  }

  String host() {
    return servers.require("MAIL_HOST");
  }

  /** Dovecot's IMAP port (STARTTLS offered). */
  Endpoint imap() {
    servers.requireReachable("MAIL_HOST", "IMAP_PORT");
    return Endpoint.of(host(), servers.port("IMAP_PORT")).withCredentials(credentials());
  }

  /** Dovecot's IMAPS port (implicit TLS). */
  Endpoint imaps() {
    servers.requireReachable("MAIL_HOST", "IMAPS_PORT");
    return Endpoint.of(host(), servers.port("IMAPS_PORT")).withCredentials(credentials());
  }

  Trust ca() throws IOException {
    return Trust.pemFile(servers.path("CA_PEM"));
  }

  /** STARTTLS required, the script's CA trusted, bounded timeouts, optional trace. */
  NetOptions.Builder options(List<TraceEvent> trace, TlsMode mode) throws IOException {
    return NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(20))
        .tlsMode(mode)
        .trust(ca())
        .trace(trace == null ? null : trace::add);
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A small text message whose subject carries {@code token}. */
  static byte[] message(String token, String from) {
    return ("From: " + from + "\r\n"
            + "To: someone@netkit.test\r\n"
            + "Subject: interop " + token + "\r\n"
            + "Date: Tue, 1 Dec 2026 12:00:00 +0000\r\n"
            + "Message-ID: <" + token + "@netkit.test>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + "Body of " + token + ", with a \"quote\" and a \\ backslash.\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Delivers a message to the IMAP user through Postfix with a raw SMTP conversation. */
  void deliverBySmtp(byte[] message) throws IOException {
    servers.requireReachable("MAIL_HOST", "SMTP_PORT");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host(), servers.port("SMTP_PORT")), 5000);
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      expect(in, "220");
      say(out, "EHLO interop.netkit.test");
      expect(in, "250");
      say(out, "MAIL FROM:<interop@netkit.test>");
      expect(in, "250");
      say(out, "RCPT TO:<" + servers.require("IMAP_ADDRESS") + ">");
      expect(in, "250");
      say(out, "DATA");
      expect(in, "354");
      out.write(message); // no line of the test messages starts with a dot
      say(out, ".");
      expect(in, "250");
      say(out, "QUIT");
    }
  }

  private static void say(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads a whole (multi-line) SMTP reply and checks its code. */
  private static void expect(InputStream in, String code) throws IOException {
    while (true) {
      StringBuilder line = new StringBuilder();
      for (int c; (c = in.read()) != '\n'; ) {
        if (c < 0) {
          throw new IOException("SMTP server closed, expected " + code);
        }
        line.append((char) c);
      }
      if (!line.toString().startsWith(code)) {
        throw new IOException("SMTP server said " + line + ", expected " + code);
      }
      if (line.length() < 4 || line.charAt(3) != '-') {
        return;
      }
    }
  }

  /**
   * A message of {@code length} bytes, generated as read (constant memory): headers, then lines of
   * 76 pseudo-random base64 characters and CRLF, from {@code seed}.
   */
  static InputStream generated(long length, long seed) {
    byte[] header = ("From: big@netkit.test\r\nTo: dave@netkit.test\r\nSubject: big " + seed
        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
    return new InputStream() {
      private final SplittableRandom random = new SplittableRandom(seed);
      private long position;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= length) {
          return -1;
        }
        int n = (int) Math.min(len, length - position);
        for (int i = 0; i < n; i++, position++) {
          if (position < header.length) {
            b[off + i] = header[(int) position];
            continue;
          }
          long column = (position - header.length) % 78;
          boolean lastTwo = length - position <= 2;
          if (lastTwo) {
            b[off + i] = (byte) (length - position == 2 ? '\r' : '\n');
          } else if (column == 76) {
            b[off + i] = '\r';
          } else if (column == 77) {
            b[off + i] = '\n';
          } else {
            b[off + i] = alphabet[random.nextInt(64)];
          }
        }
        return n;
      }
    };
  }
}
