package io.netkit.examples.pop3;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.pop3.MessageSummary;
import io.netkit.pop3.Pop3Client;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads a POP3 mailbox: lists every message (number, size, unique id, sender, decoded subject,
 * read with TOP n 0), then, with {@code --show N}, writes message N raw to standard output. It
 * never deletes anything (it ends with close(), which leaves the mailbox as it was).
 *
 * <pre>
 * java -cp examples/target/netkit-examples.jar io.netkit.examples.pop3.ReadMailbox \
 *     HOST[:PORT] --user USER:PASSWORD [--starttls CA.pem | --tls CA.pem] [--show N]
 * </pre>
 *
 * The port defaults to 110 (995 with {@code --tls}). {@code --starttls} requires STLS before the
 * login and trusts the CA certificates in the PEM file; {@code --tls} is POP3S. Try it against
 * the testkit server ({@code ./netkit serve pop3 --root DIR -u alice:secret}, serving the
 * {@code .eml} files of DIR) or the real-server harness's Dovecot ({@code 127.0.0.1:17110
 * --user carol:carol-pass --starttls /tmp/netkit-servers/tls/ca.pem}).
 */
public final class ReadMailbox {
  private ReadMailbox() {}

  public static void main(String[] args) throws IOException {
    String host = null;
    Credentials credentials = null;
    TlsMode tls = TlsMode.NONE;
    Path ca = null;
    int show = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--user" -> credentials = Credentials.parse(args[++i]);
        case "--starttls" -> {
          tls = TlsMode.STARTTLS_REQUIRED;
          ca = Path.of(args[++i]);
        }
        case "--tls" -> {
          tls = TlsMode.IMPLICIT;
          ca = Path.of(args[++i]);
        }
        case "--show" -> show = Integer.parseInt(args[++i]);
        default -> host = args[i];
      }
    }
    if (host == null || credentials == null) {
      System.err.println("usage: ReadMailbox HOST[:PORT] --user USER:PASSWORD [--starttls CA.pem | --tls CA.pem] [--show N]");
      System.exit(2);
    }
    NetOptions.Builder options =
        NetOptions.builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)).tlsMode(tls);
    if (ca != null) {
      options.trust(Trust.pemFile(ca));
    }
    try (Pop3Client pop3 = new Pop3Client(options.build())) {
      pop3.connect(Endpoint.parse(host).withCredentials(credentials));
      System.out.println(pop3.stat().messages() + " messages" + (pop3.isTls() ? " (TLS)" : ""));
      for (MessageSummary m : pop3.messages()) {
        InternetHeaders headers = pop3.headers(m.number());
        System.out.println(m.number() + "  " + m.octets() + "  " + m.knownUid().orElse("-") + "  "
            + decoded(headers.getHeader("From", ",")) + "  " + decoded(headers.getHeader("Subject", null)));
      }
      if (show > 0) {
        System.out.println("--- message " + show + " ---");
        // Streamed straight to stdout: a 1 GiB message costs no more memory than a small one.
        pop3.retrieve(show, System.out);
        System.out.flush();
      }
    } catch (NetException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  private static String decoded(String header) {
    if (header == null) {
      return "-";
    }
    try {
      return MimeUtility.decodeText(header.replaceAll("\\r?\\n[ \\t]*", " ").strip());
    } catch (java.io.UnsupportedEncodingException e) {
      return header;
    }
  }
}
