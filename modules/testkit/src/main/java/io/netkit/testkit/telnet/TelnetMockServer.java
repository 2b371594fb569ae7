package io.netkit.testkit.telnet;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.AbstractMockServer;
import io.netkit.testkit.MockConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Telnet server for tests, on netkit's own TCP server, in the common {@link
 * io.netkit.testkit.MockServer} shape with its {@link io.netkit.testkit.Fault}s.
 *
 * <p>Each connection: the server offers WILL ECHO, WILL SUPPRESS-GO-AHEAD, DO TERMINAL-TYPE and
 * DO NAWS (asking for the terminal type once the client agrees; refusing anything else, once),
 * sends a banner, and, when it has an account, asks {@code login: } and {@code Password: } (the
 * password not echoed; a wrong pair gets {@code Login incorrect} and a new prompt, three tries).
 * Then a small shell with the prompt {@code $ }: every line is echoed as typed and then printed
 * back on a line of its own; {@code term} prints the terminal type, {@code size} the last window
 * size, {@code quit} prints {@code bye} and closes. Nothing else is run.
 *
 * <p>Hostile modes ({@link #hostility}) for testing clients' bounds: an endless flood of
 * negotiation commands, a subnegotiation that never ends, endless data without a prompt.
 *
 * <p>It records what clients sent: {@link #lines()}, {@link #negotiations()}, {@link
 * #terminalTypes()}, {@link #windowSizes()}, {@link #received()} (raw bytes). Thread-safe.
 */
public final class TelnetMockServer extends AbstractMockServer {
  /** What a hostile server does instead of the dialogue. */
  public enum Hostility {
    /** The normal dialogue. */
    NONE,
    /** DO and WILL for ever-changing options, without end and without data. */
    NEGOTIATION_FLOOD,
    /** IAC SB TERMINAL-TYPE, then bytes without end and never IAC SE. */
    ENDLESS_SUBNEGOTIATION,
    /** Lines of text without end, never a prompt. */
    ENDLESS_DATA
  }

  /** The banner before the login prompt. */
  public static final String BANNER = "netkit telnet mock";

  private final Recorder recorder = new Recorder();
  private volatile Credentials account;
  private volatile Hostility hostility = Hostility.NONE;

  /** A server with no login: straight to the shell. */
  public TelnetMockServer() {
    this(null);
  }

  /** A server that asks for {@code account} (null: no login). */
  public TelnetMockServer(Credentials account) {
    super(Protocol.TELNET, "telnet-mock");
    this.account = account;
  }

  /** Sets the account asked for; empty: no login. */
  public TelnetMockServer account(Optional<Credentials> newAccount) {
    account = newAccount.orElse(null);
    return this;
  }

  /** The account asked for, if any. */
  public Optional<Credentials> account() {
    return Optional.ofNullable(account);
  }

  /** Makes connections accepted from now on hostile in the given way. */
  public TelnetMockServer hostility(Hostility mode) {
    hostility = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** Data lines clients sent, in order (the password line too: this is a test server). */
  public List<String> lines() {
    return recorder.lines();
  }

  /** Negotiation commands clients sent, as {@code "WILL 24"}, {@code "DONT 1"}, ... */
  public List<String> negotiations() {
    return recorder.negotiations();
  }

  /** Terminal types clients reported. */
  public List<String> terminalTypes() {
    return recorder.terminalTypes();
  }

  /** Window sizes clients reported, as {@code "80x24"}. */
  public List<String> windowSizes() {
    return recorder.windowSizes();
  }

  /** The raw bytes clients sent (the first MiB). */
  public byte[] received() {
    return recorder.raw();
  }

  /** Forgets what was recorded. */
  public void clearRecords() {
    recorder.clear();
  }

  @Override
  protected void serve(MockConnection connection) throws IOException {
    OutputStream out = connection.output();
    ServerWire wire = new ServerWire(connection.input(), out, recorder);
    wire.offerOptions();
    switch (hostility) {
      case NEGOTIATION_FLOOD -> flood(out);
      case ENDLESS_SUBNEGOTIATION -> endlessSubnegotiation(out);
      case ENDLESS_DATA -> endlessData(out);
      default -> dialogue(wire);
    }
  }

  private void dialogue(ServerWire wire) throws IOException {
    wire.write(BANNER + "\r\n");
    Credentials expected = account;
    if (expected != null && !login(wire, expected)) {
      return;
    }
    shell(wire);
  }

  private boolean login(ServerWire wire, Credentials expected) throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      wire.write("login: ");
      String user = wire.readLine(true);
      if (user == null) {
        return false;
      }
      wire.write("Password: ");
      String password = wire.readLine(false);
      if (password == null) {
        return false;
      }
      wire.write("\r\n");
      if (user.equals(expected.user()) && password.equals(expected.password())) {
        return true;
      }
      wire.write("Login incorrect\r\n");
    }
    return false;
  }

  private void shell(ServerWire wire) throws IOException {
    while (true) {
      wire.write("$ ");
      String line = wire.readLine(true);
      if (line == null) {
        return;
      }
      String command = line.strip();
      switch (command) {
        case "" -> {
          // an empty line: a new prompt
        }
        case "quit", "exit", "logout" -> {
          wire.write("bye\r\n");
          return;
        }
        case "term" -> wire.write(last(recorder.terminalTypes(), "unknown") + "\r\n");
        case "size" -> wire.write(last(recorder.windowSizes(), "unknown") + "\r\n");
        default -> wire.write(line + "\r\n");
      }
    }
  }

  private static String last(List<String> values, String otherwise) {
    return values.isEmpty() ? otherwise : values.get(values.size() - 1);
  }

  private void flood(OutputStream out) throws IOException {
    byte[] burst = new byte[3 * 200];
    for (int i = 0; i < 200; i++) {
      burst[3 * i] = (byte) ServerWire.IAC;
      burst[3 * i + 1] = (byte) (i % 2 == 0 ? ServerWire.DO : ServerWire.WILL);
      burst[3 * i + 2] = (byte) (40 + i % 200);
    }
    while (isRunning()) {
      out.write(burst);
      out.flush();
    }
  }

  private void endlessSubnegotiation(OutputStream out) throws IOException {
    out.write(new byte[] {(byte) ServerWire.IAC, (byte) ServerWire.SB, ServerWire.TTYPE, 0});
    byte[] filler = "x".repeat(1024).getBytes(StandardCharsets.US_ASCII);
    while (isRunning()) {
      out.write(filler);
      out.flush();
    }
  }

  private void endlessData(OutputStream out) throws IOException {
    byte[] line =
        "no prompt here, just more text\r\n".repeat(32).getBytes(StandardCharsets.US_ASCII);
    while (isRunning()) {
      out.write(line);
      out.flush();
    }
  }
}
