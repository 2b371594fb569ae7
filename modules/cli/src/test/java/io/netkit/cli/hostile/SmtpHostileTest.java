package io.netkit.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.cli.Cli;
import io.netkit.cli.hostile.Pop3HostileTest.Scripted;
import io.netkit.core.Endpoint;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.smtp.MailMessage;
import io.netkit.smtp.MessageTooLargeException;
import io.netkit.smtp.SmtpClient;
import io.netkit.testkit.HostileServer;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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

  /**
   * A polite SMTP server whose EHLO offers {@code size} (e.g. "SIZE 100"); {@code dataCut}: it
   * closes on the first line of the message after its 354, as if it fell over mid-DATA.
   */
  private static Scripted smtp(String size, boolean dataCut) throws IOException {
    boolean[] inData = {false};
    return new Scripted("220 hostile\r\n", line -> {
      if (inData[0]) {
        if (dataCut) {
          return Scripted.CLOSE;
        }
        if (line.equals(".")) {
          inData[0] = false;
          return "250 queued\r\n";
        }
        return null;
      }
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO")) {
        return "250-hostile\r\n250-" + size + "\r\n250 AUTH PLAIN LOGIN\r\n";
      }
      if (upper.startsWith("AUTH")) {
        return "235 ok\r\n";
      }
      if (upper.equals("DATA")) {
        inData[0] = true;
        return "354 go on\r\n";
      }
      return upper.equals("QUIT") ? "221 bye\r\n" + Scripted.CLOSE : "250 ok\r\n";
    });
  }

  private Cli.Result send(Scripted server) {
    return Cli.run(new ByteArrayInputStream("Subject: s\n\nbody\n".getBytes(StandardCharsets.UTF_8)), false,
        "send", "--timeout", "3", server.url("smtp", ""), "--from", "a@example.org", "--to", to, "-");
  }

  @Test
  void sizeAbsentNegativeOrBeyond63BitsIsNoLimitAndTheMailGoes() throws IOException {
    for (String size : List.of("SIZE", "SIZE -1", "SIZE 99999999999999999999")) {
      try (Scripted server = smtp(size, false)) {
        api(URI.create(server.url("smtp", "")), options().build());
        Cli.Result r = send(server);
        assertEquals(0, r.code(), () -> size + ": " + r);
        assertTrue(new String(r.stdout(), StandardCharsets.UTF_8).contains("sent: 250"), r::toString);
        assertEquals(2, server.received.stream().filter(l -> l.equals(".")).count(), server.received::toString);
      }
    }
  }

  @Test
  void aSizeSmallerThanTheMessageIsRefusedAndHalfAMailNeverEnds() throws IOException {
    try (Scripted server = smtp("SIZE 5", false)) {
      Throwable t = apiFails(server.url("smtp", ""), options().build());
      assertInstanceOf(MessageTooLargeException.class, t, t::toString);
      assertTrue(server.received.stream().noneMatch(l -> l.startsWith("MAIL") || l.equals("DATA")),
          () -> "known size: refused before MAIL FROM: " + server.received);
      // The command's message comes from stdin, its size unknown until DATA: cut at the limit.
      Cli.Result r = commandFails(server.url("smtp", ""));
      assertTrue(r.stderr().contains("SIZE"), r::toString);
      assertFalse(server.received.contains("."), () -> "a dot line went out: " + server.received);
    }
  }

  @Test
  void anEhloReplyCutByACloseIsATypedError() throws IOException {
    try (Scripted server = new Scripted("220 hostile\r\n", line ->
        line.toUpperCase(Locale.ROOT).startsWith("EHLO") ? "250-hostile\r\n250-SIZE 1000\r\n" + Scripted.CLOSE
            : "250 ok\r\n")) {
      assertInstanceOf(NetException.class, apiFails(server.url("smtp", ""), options().build()));
      Cli.Result r = commandFails(server.url("smtp", ""));
      assertEquals(Pop3HostileTest.PROTOCOL, r.code(), r::toString);
      assertTrue(server.received.stream().noneMatch(l -> l.startsWith("MAIL")), server.received::toString);
    }
  }

  @Test
  void aCloseDuringDataIsATypedErrorAndNeverSent() throws IOException {
    try (Scripted server = smtp("SIZE", true)) {
      Throwable t = apiFails(server.url("smtp", ""), options().build());
      assertInstanceOf(NetException.class, t, t::toString);
      Cli.Result r = commandFails(server.url("smtp", ""));
      assertFalse(new String(r.stdout(), StandardCharsets.UTF_8).contains("sent:"), r::toString);
      assertEquals(Pop3HostileTest.PROTOCOL, r.code(), r::toString);
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
