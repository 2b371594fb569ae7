package io.netkit.cli.hostile;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.smtp.MailMessage;
import io.netkit.smtp.SmtpClient;
import io.netkit.testkit.HostileServer;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SMTP submission against hostile servers and hostile input. */
class SmtpHostileTest extends HostileContract {
  private String to = "b@example.org";

  @Override
  Protocol protocol() {
    return Protocol.SMTP;
  }

  @Override
  String path() {
    return "";
  }

  @Override
  String greeting() {
    return "220 hostile\r\n";
  }

  @Override
  String floodLine() {
    return "220-welcome, and welcome again\r\n";
  }

  @Override
  String unparsable() {
    return "2x0 hello\r\n";
  }

  @Override
  String okLine() {
    return "250 ok\r\n";
  }

  @Override
  List<String> command(String url) {
    return List.of("send", url, "--from", "a@example.org", "--to", to, "-");
  }

  @Override
  void api(URI url, NetOptions options) throws IOException {
    NetOptions o = url.getScheme().equals("smtps")
        ? options.toBuilder().tlsMode(io.netkit.core.TlsMode.IMPLICIT).build() : options;
    try (SmtpClient client = new SmtpClient(o)) {
      client.connect(Endpoint.of(url.getHost(), url.getPort())
          .withCredentials(new io.netkit.core.Credentials("bob", "pw")));
      client.send(MailMessage.builder().from("a@example.org").to(to).subject("s").text("body").build());
    }
  }

  @Override
  String notCovered(String testCase) {
    return testCase.equals("unsafe") ? "covered by crLfAndNulInAddressesAreRefused" : null;
  }

  @Test
  void crLfAndNulInAddressesAreRefused() throws IOException {
    for (String smuggled : List.of("\r\nRCPT TO:<INJECTED@x.org>", "\nINJECTED", "\0INJECTED")) {
      try (HostileServer server = HostileServer.start(
          HostileServer.Behaviour.ANSWER, greeting(), null, okLine())) {
        to = "b@example.org" + smuggled;
        apiFails(url(server), options().build());
        commandFails(url(server));
        assertNothingSmuggled(server);
      }
    }
  }

  @Override
  Starttls starttls() {
    return new Starttls() {
      @Override
      public boolean isStarttls(String line) {
        return line.equalsIgnoreCase("STARTTLS");
      }

      @Override
      public String goAhead(String line) {
        return "220 go ahead\r\n";
      }

      @Override
      public String refusal(String line) {
        return "454 TLS not available\r\n";
      }

      @Override
      public String answer(String line) {
        return line.toUpperCase(java.util.Locale.ROOT).startsWith("EHLO")
            ? "250-hostile\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n" : "250 ok\r\n";
      }
    };
  }
}
