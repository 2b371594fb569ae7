package io.netkit.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.cli.Cli;
import io.netkit.core.Credentials;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.Netkit;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.smtp.MailMessage;
import io.netkit.smtp.SmtpClient;
import io.netkit.testkit.Fault;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every protocol's own mock (found as {@code netkit serve} finds it, through the testkit SPI) with
 * each connection-level {@link Fault}: the engine-backed ones (MockFtpServer, GreenMail for SMTP,
 * POP3 and IMAP, MockWebServer) included. The API and the command must fail typed and promptly.
 * Telnet is left out: its {@code get} prints whatever a server says until it is quiet, so a
 * silent, garbled or closed session is output, not an error.
 */
class MockFaultsTest {
  private static final List<Fault> FAULTS =
      List.of(Fault.DISCONNECT_AT_START, Fault.STALL, Fault.GARBAGE_REPLY, Fault.OVERLONG_LINE,
          Fault.DISCONNECT_MID_RESPONSE);

  static Stream<Arguments> mocksAndFaults() {
    List<Arguments> all = new ArrayList<>();
    for (MockServerProvider p : ServiceLoader.load(MockServerProvider.class)) {
      if (p.name().equals(p.protocol().name()) && p.protocol() != Protocol.TELNET) {
        for (Fault f : FAULTS) {
          all.add(Arguments.of(p.protocol().name(), f));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("mocksAndFaults")
  void everyMockProducesTheFaultAndTheClientFailsTyped(String name, Fault fault, @TempDir Path root)
      throws IOException {
    MockServerProvider provider = ServiceLoader.load(MockServerProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    assumeTrue(Cli.catalog().supports(provider.protocol()), "no " + name + " module in this build");
    // Large enough that a cut mid-response falls inside the body for the file servers.
    Files.writeString(root.resolve("hello.txt"), "hello, hostile world\n".repeat(5_000));
    Files.writeString(root.resolve("m.eml"), "Subject: m\r\n\r\n" + "body line\r\n".repeat(5_000));
    try (MockServer server = provider.newServer(root, Optional.of(new Credentials("bob", "pw")))) {
      server.start();
      server.fault(fault);
      String file = switch (name) {
        case "smtp" -> "";
        case "pop3" -> "1";
        case "gopher" -> "0/hello.txt";
        case "imap" -> "INBOX/;UID=1";
        case "nntp" -> "local.test/1";
        default -> "hello.txt";
      };
      URI url = URI.create(server.url().toString().replace("://", "://bob:pw@") + file);
      NetOptions options = NetOptions.builder()
          .connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(1)).build();
      Throwable thrown = assertTimeoutPreemptively(HostileContract.BOUND, () -> {
        try {
          operate(provider.protocol(), url, options);
        } catch (IOException | RuntimeException e) {
          return e;
        }
        return fail(name + " reported success under " + fault);
      });
      Class<? extends NetException> expected =
          fault == Fault.STALL ? NetTimeoutException.class : NetException.class;
      assertInstanceOf(expected, thrown, () -> name + " under " + fault + ": " + thrown);
      List<String> args = new ArrayList<>(List.of("--connect-timeout", "3", "--timeout", "1"));
      if (provider.protocol() == Protocol.SMTP) {
        args.addAll(0, List.of("send", url.toString(), "--from", "a@example.org", "--to", "b@example.org",
            "--subject", "s", "-"));
      } else {
        args.addAll(0, List.of("get", url.toString()));
      }
      Cli.Result r = assertTimeoutPreemptively(HostileContract.BOUND,
          () -> Cli.run(new java.io.ByteArrayInputStream("body\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              false, args.toArray(String[]::new)));
      assertNotEquals(0, r.code(), r::toString);
      assertEquals(1, r.stderr().strip().lines().count(), r::toString);
    }
  }

  private static void operate(Protocol protocol, URI url, NetOptions options) throws IOException {
    if (protocol == Protocol.SMTP) {
      try (SmtpClient client = new SmtpClient(options)) {
        client.connect(io.netkit.core.Endpoint.of(url.getHost(), url.getPort()));
        client.send(MailMessage.builder().from("a@example.org").to("b@example.org").subject("s").text("b").build());
      }
    } else {
      Netkit.fetch(url, options, OutputStream.nullOutputStream(), TransferListener.NONE);
    }
  }
}
