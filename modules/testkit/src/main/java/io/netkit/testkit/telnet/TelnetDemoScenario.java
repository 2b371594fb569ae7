package io.netkit.testkit.telnet;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.Netkit;
import io.netkit.core.Protocol;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.InteractiveProvider;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.DemoResult;
import io.netkit.testkit.spi.DemoScenario;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Telnet demo: log in through the server's prompts, send a line and see it echoed, say {@code
 * quit} and see the server close. Written against the core's SPIs only (the Telnet module is
 * found as a {@link ClientProvider} that is an {@link InteractiveProvider}); the generic demo
 * (list and fetch) does not fit a protocol with nothing to list.
 */
public final class TelnetDemoScenario implements DemoScenario {
  private static final Credentials ACCOUNT = new Credentials("demo", "demo-telnet");
  private static final Duration STEP = Duration.ofSeconds(10);
  private static final String LINE = "hello from netkit";

  @Override
  public Protocol protocol() {
    return Protocol.TELNET;
  }

  @Override
  public void prepare(Path root) {
    // A Telnet server serves no files.
  }

  @Override
  public Optional<Credentials> account() {
    return Optional.of(ACCOUNT);
  }

  @Override
  public DemoResult run(MockServer server, NetOptions options) throws IOException {
    InteractiveProvider telnet = interactive();
    URI url =
        URI.create(
            "telnet://" + encode(ACCOUNT.user()) + ":" + encode(ACCOUNT.password()) + "@"
                + server.host() + ":" + server.port());
    long bytes = 0;
    try (InteractiveProvider.Session session =
        telnet.open(url, options, new InteractiveProvider.TerminalInfo("VT100", 80, 24))) {
      session.sendLine(LINE);
      bytes += LINE.length() + 2;
      // The shell echoes as typed, then prints the line back: two copies, then the prompt.
      Pattern echoed = Pattern.compile(Pattern.quote(LINE + "\r\n" + LINE + "\r\n"));
      String seen = session.expect(echoed, STEP);
      bytes += seen.length();
      session.sendLine("quit");
      bytes += 6;
      bytes += session.expect(Pattern.compile("bye\r\n"), STEP).length();
      byte[] rest = new byte[256];
      int n = session.read(rest, 0, rest.length, STEP);
      if (n != -1) {
        throw new NetProtocolException(
            io.netkit.core.ErrorContext.of("telnet", server.endpoint()),
            "the server did not close after quit");
      }
    }
    return new DemoResult("login, echo, quit", bytes);
  }

  private static InteractiveProvider interactive() {
    for (ClientProvider provider : Netkit.providers()) {
      boolean telnet = provider.protocol().equals(Protocol.TELNET);
      if (telnet && provider instanceof InteractiveProvider i) {
        return i;
      }
    }
    throw new IllegalStateException("no interactive telnet provider on the class path");
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
