package io.netkit.telnet.internal;

import io.netkit.core.NetTimeoutException;
import io.netkit.core.Protocol;
import io.netkit.core.probe.ProbeSession;
import io.netkit.core.spi.ProbeProvider;
import io.netkit.core.transport.TcpConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Telnet's part of {@code netkit probe}: the options the server asks for or offers (each refused,
 * so the server falls back to a plain network virtual terminal and nothing is agreed on the
 * probe's behalf), and the banner up to the first prompt, read until the text ends like a prompt
 * or the server has been quiet for two seconds (at most {@link #MAX_WAIT} in all, {@link
 * #MAX_BANNER} bytes). A {@code login:} prompt or the AUTHENTICATION option are the login
 * mechanisms reported. Stateless and thread-safe.
 */
public final class TelnetProbeProvider implements ProbeProvider {
  private static final int IAC = 255;
  private static final int DONT = 254;
  private static final int DO = 253;
  private static final int WONT = 252;
  private static final int WILL = 251;
  private static final int SB = 250;
  private static final int SE = 240;
  private static final int AUTHENTICATION = 37;
  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final Duration MAX_WAIT = Duration.ofSeconds(10);
  private static final int MAX_BANNER = 16 * 1024;
  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(0, "BINARY"),
          Map.entry(1, "ECHO"),
          Map.entry(3, "SUPPRESS-GO-AHEAD"),
          Map.entry(5, "STATUS"),
          Map.entry(6, "TIMING-MARK"),
          Map.entry(24, "TERMINAL-TYPE"),
          Map.entry(31, "NAWS"),
          Map.entry(32, "TERMINAL-SPEED"),
          Map.entry(33, "TOGGLE-FLOW-CONTROL"),
          Map.entry(34, "LINEMODE"),
          Map.entry(35, "X-DISPLAY-LOCATION"),
          Map.entry(36, "ENVIRON"),
          Map.entry(AUTHENTICATION, "AUTHENTICATION"),
          Map.entry(38, "ENCRYPT"),
          Map.entry(39, "NEW-ENVIRON"));

  @Override
  public Protocol protocol() {
    return Protocol.TELNET;
  }

  @Override
  public void probe(ProbeSession session) throws IOException {
    TcpConnection c = session.connection();
    Duration quiet =
        session.options().readTimeout().compareTo(QUIET) < 0 ? session.options().readTimeout() : QUIET;
    c.readTimeout(quiet);
    InputStream in = c.input();
    OutputStream out = c.output();
    Set<String> options = new LinkedHashSet<>();
    Set<Integer> answered = new java.util.HashSet<>();
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    long end = System.nanoTime() + MAX_WAIT.toNanos();
    try {
      while (System.nanoTime() < end && text.size() < MAX_BANNER && !endsLikePrompt(text)) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        if (b != IAC) {
          if (b >= 0x20 || b == '\n' || b == '\t') {
            text.write(b);
          }
          continue;
        }
        int command = in.read();
        if (command == DO || command == DONT || command == WILL || command == WONT) {
          int option = in.read();
          if (option < 0) {
            break;
          }
          options.add(verb(command) + " " + NAMES.getOrDefault(option, Integer.toString(option)));
          // Refuse what is asked or offered, once per option: RFC 854's way to stay an NVT.
          if ((command == DO || command == WILL) && answered.add(command * 256 + option)) {
            out.write(new byte[] {(byte) IAC, (byte) (command == DO ? WONT : DONT), (byte) option});
            out.flush();
          }
        } else if (command == SB) {
          skipSubnegotiation(in);
        } else if (command == IAC) {
          text.write(IAC);
        } else if (command < 0) {
          break;
        }
      }
    } catch (NetTimeoutException quietEnough) {
      // The server said all it had to say before a prompt: the banner is what came.
    }
    String banner = text.toString(StandardCharsets.UTF_8).replace("\r", "").strip();
    session.greeting(banner);
    session.capabilities(new ArrayList<>(options));
    List<String> mechanisms = new ArrayList<>();
    if (options.stream().anyMatch(o -> o.endsWith(" AUTHENTICATION"))) {
      mechanisms.add("AUTHENTICATION-OPTION");
    }
    if (banner.toLowerCase(java.util.Locale.ROOT).matches("(?s).*(login|username|user name)\\s*:\\s*$")) {
      mechanisms.add("LOGIN-PROMPT");
    }
    session.mechanisms(mechanisms);
  }

  private static void skipSubnegotiation(InputStream in) throws IOException {
    for (int i = 0, previous = 0; i < MAX_BANNER; i++) {
      int b = in.read();
      if (b < 0 || (previous == IAC && b == SE)) {
        return;
      }
      previous = b;
    }
  }

  private static boolean endsLikePrompt(ByteArrayOutputStream text) {
    // A prompt is text the server leaves the cursor after: no line end, then ':', '$', '>', '#'.
    String raw = text.toString(StandardCharsets.UTF_8);
    String s = raw.replaceAll(" +$", "");
    return !raw.endsWith("\n")
        && (s.endsWith(":") || s.endsWith("$") || s.endsWith(">") || s.endsWith("#"));
  }

  private static String verb(int command) {
    return switch (command) {
      case DO -> "DO";
      case DONT -> "DONT";
      case WILL -> "WILL";
      default -> "WONT";
    };
  }
}
