package io.netkit.examples.telnet;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.telnet.TelnetClient;
import io.netkit.telnet.TelnetExpectTimeoutException;
import io.netkit.telnet.TelnetMatch;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scripted Telnet dialogue, as {@code expect(1)} would: waits for the login prompt, sends
 * the user name, waits for the password prompt, sends the password, waits for the shell prompt,
 * sends each LINE and waits for it to come back, then says {@code quit}.
 *
 * <pre>
 * java -cp examples/target/netkit-examples.jar io.netkit.examples.telnet.TelnetScript \
 *     HOST[:PORT] --user USER:PASSWORD [LINE...]
 * </pre>
 *
 * The port defaults to 23. Try it against the testkit server ({@code ./netkit serve telnet -u
 * demo:pw}) or the real-server harness's telnetd ({@code 127.0.0.1:17023}, the account in its
 * {@code servers.env}). An expect that times out prints what arrived and exits 1.
 */
public final class TelnetScript {
  private static final Duration STEP = Duration.ofSeconds(10);

  private TelnetScript() {}

  public static void main(String[] args) throws IOException {
    List<String> lines = new ArrayList<>();
    Credentials account = null;
    String target = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--user") && i + 1 < args.length) {
        account = Credentials.parse(args[++i]);
      } else if (target == null) {
        target = args[i];
      } else {
        lines.add(args[i]);
      }
    }
    if (target == null || account == null) {
      System.err.println("usage: TelnetScript HOST[:PORT] --user USER:PASSWORD [LINE...]");
      System.exit(2);
    }
    io.netkit.telnet.TelnetScript login =
        io.netkit.telnet.TelnetScript.builder()
            .expectRegex("(?i)login: ?$", STEP)
            .sendLine(account.user())
            .expectRegex("(?i)password: ?$", STEP)
            .sendLine(account.password())
            // Either the shell prompt or the refusal, whichever comes first.
            .expectRegex("(?i)[$#>] $|login incorrect", STEP)
            .build();
    io.netkit.telnet.TelnetScript.Builder script = io.netkit.telnet.TelnetScript.builder();
    for (String line : lines) {
      // The echo of what was typed, then the line printed back, then the prompt.
      script.sendLine(line).expectRegex(java.util.regex.Pattern.quote(line) + "\r?\n[$#>] $", STEP);
    }
    script.sendLine("quit").expect("bye", STEP);
    NetOptions options = NetOptions.builder().readTimeout(Duration.ofSeconds(20)).build();
    try (TelnetClient telnet = new TelnetClient(options)) {
      telnet.connect(Endpoint.parse(target).withDefaultPort(23));
      List<TelnetMatch> loggedIn = telnet.run(login);
      TelnetMatch last = loggedIn.get(loggedIn.size() - 1);
      for (TelnetMatch match : loggedIn) {
        System.out.print(match.before() + match.matched());
      }
      if (last.matched().toLowerCase(java.util.Locale.ROOT).contains("incorrect")) {
        System.out.println();
        System.err.println("telnet: login refused");
        System.exit(1);
      }
      for (TelnetMatch match : telnet.run(script.build())) {
        System.out.print(match.before() + match.matched());
      }
      System.out.println();
      System.out.println("(dialogue complete)");
    } catch (TelnetExpectTimeoutException e) {
      System.out.println(e.seen());
      System.err.println("telnet: " + e.getMessage());
      System.exit(1);
    } catch (NetException e) {
      System.err.println("telnet: " + e.getMessage());
      System.exit(1);
    }
  }
}
