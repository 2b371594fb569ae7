package io.netkit.core.probe;

import io.netkit.core.NetTlsRequiredException;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.core.line.Reply;
import io.netkit.core.probe.ProbeReport.StartTls;
import io.netkit.core.transport.TcpConnection;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One probe's open connection, handed to a protocol's {@link io.netkit.core.spi.ProbeProvider}:
 * the provider speaks its protocol on {@link #connection()} and records what the server says here;
 * the core has already resolved the name, connected, and (for implicit TLS) done the handshake,
 * and does a STARTTLS handshake when the provider calls {@link #upgrade()}. The provider never sees
 * credentials: the login check is made apart, on its own connection.
 *
 * <p>Not thread-safe: one probe, one thread.
 */
public final class ProbeSession {
  private final URI url;
  private final NetOptions options;
  private final Prober prober;
  private TcpConnection connection;
  private String greeting;
  private List<String> capabilities = List.of();
  private final Map<String, String> details = new LinkedHashMap<>();
  private List<String> mechanisms = List.of();
  private StartTls startTls = StartTls.NONE;
  private ProbeReport.Stage failingStage;

  ProbeSession(URI url, NetOptions options, TcpConnection connection, Prober prober) {
    this.url = url;
    this.options = options;
    this.connection = connection;
    this.prober = prober;
  }

  /** The URL probed, without its userinfo. */
  public URI url() {
    return url;
  }

  /** The options in use (the probe's connection is plain until TLS is started by the core). */
  public NetOptions options() {
    return options;
  }

  /** The open connection: read the greeting, send commands. */
  public TcpConnection connection() {
    return connection;
  }

  /** True when TLS is on (implicitly, or after {@link #upgrade()}). */
  public boolean isTls() {
    return connection.isTls();
  }

  /** Records the greeting or banner (server-supplied text, kept as sent). */
  public void greeting(String text) {
    greeting = text;
  }

  /** Records the capabilities announced; a later call (after STARTTLS) replaces them. */
  public void capabilities(List<String> announced) {
    capabilities = List.copyOf(announced);
  }

  /** Records one other fact by name (e.g. {@code server}); a later value replaces the earlier. */
  public void detail(String name, String value) {
    details.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
  }

  /** Records the login mechanisms offered; a later call (after STARTTLS) replaces them. */
  public void mechanisms(List<String> offered) {
    mechanisms = List.copyOf(offered);
  }

  /**
   * Says whether the server offers STARTTLS (or AUTH TLS, STLS) and returns true when the
   * provider should now ask for it and then call {@link #upgrade()}: whenever it is offered and
   * TLS is not on yet, since finding out whether the upgrade works is what a probe is for.
   *
   * @throws NetTlsException when it is not offered and the options require it
   */
  public boolean startTlsOffered(boolean offered) throws NetTlsException {
    if (connection.isTls()) {
      return false;
    }
    if (offered) {
      startTls = StartTls.OFFERED;
      return true;
    }
    startTls = StartTls.NOT_OFFERED;
    if (options.tlsMode() == TlsMode.STARTTLS_REQUIRED) {
      failingStage = ProbeReport.Stage.STARTTLS;
      throw new NetTlsRequiredException(connection.context(), "STARTTLS is required but not offered");
    }
    return false;
  }

  /**
   * Records that the server refused the STARTTLS command with {@code reply}. The probe goes on in
   * the clear unless the options require TLS.
   *
   * @throws NetTlsException when the options require TLS
   */
  public void startTlsRefused(String reply) throws NetTlsException {
    startTls = StartTls.FAILED;
    if (options.tlsMode() == TlsMode.STARTTLS_REQUIRED) {
      failingStage = ProbeReport.Stage.STARTTLS;
      throw new NetTlsRequiredException(connection.context(), "STARTTLS refused: " + reply);
    }
  }

  /**
   * Reads and records the greeting of a reply-coded protocol that greets with 220 (FTP, SMTP).
   *
   * @throws NetProtocolException when the server greets with another code
   * @throws IOException when reading fails
   */
  public Reply greeting220() throws IOException {
    Reply greeting = connection.readReply();
    greeting(greeting.code() + " " + greeting.text());
    if (greeting.code() != 220) {
      throw new NetProtocolException(
          connection.context(), "greeting refused: " + greeting.code() + " " + greeting.firstLine());
    }
    return greeting;
  }

  /**
   * The STARTTLS step of a reply-coded protocol (FTP's {@code AUTH TLS}, SMTP's and NNTP's {@code
   * STARTTLS}): when the server offered it (see {@link #startTlsOffered}), sends {@code command}
   * and upgrades on the reply code {@code go}; any other reply is recorded as a refusal.
   *
   * @return true when the connection is now TLS (the provider then asks its capabilities again)
   * @throws NetTlsException when the options require TLS and it was not offered or refused
   * @throws IOException when the exchange or the handshake fails
   */
  public boolean startTlsByReply(boolean offered, String command, int go) throws IOException {
    if (!startTlsOffered(offered)) {
      return false;
    }
    connection.writeLine(command);
    Reply answer = connection.readReply();
    if (answer.code() != go) {
      startTlsRefused(answer.code() + " " + answer.firstLine());
      return false;
    }
    upgrade();
    return true;
  }

  /**
   * Does the TLS handshake after the server's go-ahead, recording the session and the certificate
   * chain. A chain that does not verify fails the connection (it is described, never trusted).
   *
   * @throws NetException when the handshake or verification fails; the connection is then closed
   */
  public void upgrade() throws NetException {
    try {
      prober.handshake(connection, "starttls");
      startTls = StartTls.UPGRADED;
    } catch (NetException e) {
      startTls = StartTls.FAILED;
      throw e;
    }
  }

  /**
   * Replaces the connection with a new TLS connection to the same address offering only {@code
   * applicationProtocols} (HTTP: when the server chose {@code h2} and the provider speaks
   * HTTP/1.1). The TLS part of the report stays the first connection's.
   *
   * @throws NetException when connecting or the handshake fails
   */
  public TcpConnection reconnect(List<String> applicationProtocols) throws NetException {
    connection.close();
    connection = prober.reconnect(List.copyOf(applicationProtocols));
    return connection;
  }

  StartTls startTls() {
    return startTls;
  }

  ProbeReport.Stage failingStage() {
    return failingStage;
  }

  String greetingText() {
    return greeting;
  }

  List<String> capabilityList() {
    return new ArrayList<>(capabilities);
  }

  Map<String, String> detailMap() {
    return details;
  }

  List<String> mechanismList() {
    return mechanisms;
  }
}
