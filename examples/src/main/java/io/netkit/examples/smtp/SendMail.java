package io.netkit.examples.smtp;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.smtp.MailMessage;
import io.netkit.smtp.RecipientResult;
import io.netkit.smtp.SendResult;
import io.netkit.smtp.SmtpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one mail with an optional attachment and prints what the server said to each recipient.
 *
 * <pre>
 * java -cp examples/target/netkit-examples.jar io.netkit.examples.smtp.SendMail \
 *     HOST[:PORT] FROM TO[,TO...] SUBJECT TEXT [--attach FILE] [--user USER:PASSWORD] [--tls CA.pem]
 * </pre>
 *
 * <p>With {@code --tls} the session upgrades with STARTTLS and refuses to go on in plain text
 * (submission on port 587), trusting the CA certificates in the PEM file. Exits 0 when every
 * recipient was accepted, 3 when some were refused (the others got the mail), 1 on failure.
 */
public final class SendMail {
  private SendMail() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println(
          "usage: SendMail HOST[:PORT] FROM TO[,TO...] SUBJECT TEXT [--attach FILE] [--user U:P] [--tls CA.pem]");
      System.exit(2);
    }
    Endpoint endpoint = Endpoint.parse(args[0]);
    NetOptions.Builder options = NetOptions.builder().connectTimeout(Duration.ofSeconds(10));
    MailMessage.Builder message =
        MailMessage.builder().from(args[1]).to(args[2].split(",")).subject(args[3]).text(args[4]);
    List<Path> attachments = new ArrayList<>();
    for (int i = 5; i < args.length; i++) {
      switch (args[i]) {
        case "--attach" -> attachments.add(Path.of(args[++i]));
        case "--user" -> endpoint = endpoint.withCredentials(Credentials.parse(args[++i]));
        case "--tls" -> options.tlsMode(TlsMode.STARTTLS_REQUIRED).trust(Trust.pemFile(Path.of(args[++i])));
        default -> {
          System.err.println("unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    attachments.forEach(message::attach);
    try (SmtpClient smtp = new SmtpClient(options.build())) {
      smtp.connect(endpoint);
      SendResult result = smtp.send(message.build());
      for (RecipientResult r : result.recipients()) {
        System.out.println(r);
      }
      System.out.println(result.finalReply());
      System.exit(result.allAccepted() ? 0 : 3);
    } catch (NetException e) {
      System.out.println(e.getMessage()); // one line: protocol, host, the server's reply
      System.exit(1);
    }
  }
}
