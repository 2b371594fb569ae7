package io.netkit.ftp.internal;

import io.netkit.core.NetTlsRequiredException;
import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetReplyException;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * Commons Net's FTPS client, made to follow the session's {@link TlsMode}: with {@code NONE} it is
 * a plain FTP client (no AUTH is sent); {@code STARTTLS_REQUIRED} sends AUTH TLS and fails with
 * {@link NetTlsException} if it is refused, never continuing in plain text; {@code
 * STARTTLS_IF_OFFERED} continues in plain text only when the server refuses AUTH TLS; {@code
 * IMPLICIT} speaks TLS from the first byte.
 *
 * <p>It also refuses what Commons Net would trip over: a PASV or EPSV reply that does not parse,
 * or names a port outside 1-65535 (Commons Net would throw an unchecked exception), is a {@link
 * MalformedServerReplyException}; the address a PASV reply names is never used (the data
 * connection goes to the control connection's address, as curl's {@code --ftp-skip-pasv-ip}), and
 * an active-mode data connection from any address but the server's is refused. It remembers
 * whether the last data command opened its data connection, and marks a final reply that never
 * came ({@link NoFinalReply}), so a session can tell a transfer cut short from a refusal. One
 * engine per connection; not thread-safe.
 */
final class Engine extends FTPSClient {
  private final TlsMode tlsMode;
  private final Endpoint target;
  private final ErrorContext context;
  /** RFC 959's h1,h2,h3,h4,p1,p2, found as Commons Net finds it (its first match in the reply). */
  private static final Pattern PASV =
      Pattern.compile("(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3}),(\\d{1,3})");
  /** RFC 2428's (<d><d><d>port<d>), the delimiter any printable character but a digit. */
  private static final Pattern EPSV = Pattern.compile("\\(\\s*([!-/:-~])\\1\\1(\\d{1,5})\\1\\s*\\)");

  private boolean controlEncrypted;
  private boolean dataOpened;
  private boolean parserChosen;
  private Boolean mlsd;

  /**
   * The final reply of a transfer did not come: the control connection closed, timed out or broke
   * while {@link #completePendingCommand()} waited for it. The cause is what happened.
   */
  static final class NoFinalReply extends IOException {
    NoFinalReply(IOException cause) {
      super(cause.getMessage(), cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  Engine(TlsMode tlsMode, SSLContext context, Endpoint target) {
    super(tlsMode == TlsMode.IMPLICIT, context);
    this.tlsMode = tlsMode;
    this.target = target;
    this.context = ErrorContext.of(Session.LABEL, target);
    this.controlEncrypted = tlsMode == TlsMode.IMPLICIT;
    setIpAddressFromPasvResponse(false); // Commons Net's default since 3.9, made explicit
    setPassiveNatWorkaroundStrategy(null); // only consulted when the PASV address is used: never
    setRemoteVerificationEnabled(true); // active mode: only the server may connect back
  }

  /** True when FEAT lists MLST: listings use MLSD (asked once per session). */
  boolean usesMlsd() throws IOException {
    if (mlsd == null) {
      mlsd = hasFeature("MLST");
    }
    return mlsd;
  }

  /** A directory's entries: MLSD when {@link #usesMlsd()}, else LIST parsed by system type. */
  FTPFile[] listEntries(String pathOrNull) throws IOException {
    if (usesMlsd()) {
      return mlistDir(pathOrNull);
    }
    chooseParser();
    return listFiles(pathOrNull);
  }

  /**
   * LIST output is parsed by system type; a server without SYST is assumed to list like Unix. The
   * answer is handed to Commons Net as its configuration, which otherwise asks SYST again.
   */
  private void chooseParser() throws IOException {
    if (!parserChosen) {
      String system = FTPClientConfig.SYST_UNIX;
      if (FTPReply.isPositiveCompletion(syst())) {
        String[] lines = getReplyStrings();
        String last = lines[lines.length - 1];
        system = last.length() > 4 ? last.substring(4).trim() : FTPClientConfig.SYST_UNIX;
      }
      configure(new FTPClientConfig(system));
      parserChosen = true;
    }
  }

  /** True when the last data command (RETR, LIST, MLSD, NLST, STOR) got its data connection. */
  boolean dataOpened() {
    return dataOpened;
  }

  /**
   * True when {@code failure} is the control connection closing in the middle of a multi-line
   * reply: Commons Net had read its first line ({@code ddd-}) and some continuations, not its end.
   */
  boolean cutMidReply(IOException failure) {
    String[] lines = getReplyStrings();
    return failure instanceof FTPConnectionClosedException
        && failure.getMessage() != null
        && failure.getMessage().startsWith("Connection closed without indication")
        && lines != null
        && lines.length > 0
        && lines[0].length() > 3
        && lines[0].charAt(3) == '-';
  }

  @Override
  protected Socket _openDataConnection_(String command, String arg) throws IOException {
    dataOpened = false;
    Socket socket = super._openDataConnection_(command, arg);
    dataOpened = socket != null;
    return socket;
  }

  @Override
  public boolean completePendingCommand() throws IOException {
    try {
      return super.completePendingCommand();
    } catch (IOException e) {
      throw new NoFinalReply(e);
    }
  }

  @Override
  protected void _parsePassiveModeReply(String reply) throws MalformedServerReplyException {
    Matcher m = PASV.matcher(reply);
    if (!m.find()) {
      throw new MalformedServerReplyException("PASV reply without h1,h2,h3,h4,p1,p2: " + reply);
    }
    for (int i = 1; i <= 6; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        throw new MalformedServerReplyException("PASV reply with a number above 255: " + reply);
      }
    }
    checkPort(Integer.parseInt(m.group(5)) << 8 | Integer.parseInt(m.group(6)), reply);
    super._parsePassiveModeReply(m.group()); // the address is replaced by the control connection's
  }

  @Override
  protected void _parseExtendedPassiveModeReply(String reply)
      throws MalformedServerReplyException {
    Matcher m = EPSV.matcher(reply);
    if (!m.find()) {
      throw new MalformedServerReplyException("EPSV reply without (|||port|): " + reply);
    }
    checkPort(Integer.parseInt(m.group(2)), reply);
    super._parseExtendedPassiveModeReply(m.group());
  }

  private static void checkPort(int port, String reply) throws MalformedServerReplyException {
    if (port < 1 || port > 65535) {
      throw new MalformedServerReplyException("passive reply naming port " + port + ": " + reply);
    }
  }

  ErrorContext context() {
    return context;
  }

  /** True when the control connection is protected by TLS. */
  boolean controlEncrypted() {
    return controlEncrypted;
  }

  /** The text of the last reply without its code: lines joined by newlines. */
  String replyText() {
    String[] lines = getReplyStrings();
    if (lines == null || lines.length == 0) {
      return "";
    }
    List<String> texts = new ArrayList<>(lines.length);
    for (String line : lines) {
      boolean coded =
          line.length() >= 3
              && Character.isDigit(line.charAt(0))
              && Character.isDigit(line.charAt(1))
              && Character.isDigit(line.charAt(2))
              && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-');
      texts.add(coded ? line.substring(Math.min(4, line.length())) : line);
    }
    return String.join("\n", texts).trim();
  }

  /** Called by FTPSClient in explicit mode, after the greeting has been read. */
  @Override
  protected void execAUTH() throws IOException {
    if (!FTPReply.isPositiveCompletion(getReplyCode())) {
      throw new NetReplyException(context, getReplyCode(), replyText(), "connection");
    }
    if (tlsMode == TlsMode.NONE) {
      return;
    }
    int code = sendCommand("AUTH", "TLS");
    if (code == FTPReply.SECURITY_DATA_EXCHANGE_COMPLETE) {
      controlEncrypted = true;
      return;
    }
    if (tlsMode == TlsMode.STARTTLS_IF_OFFERED) {
      return; // the server does not offer TLS: carry on in plain text, as asked
    }
    throw new NetTlsRequiredException(
        context, "TLS is required but the server refused AUTH TLS: " + code + " " + replyText());
  }

  /**
   * Called by FTPSClient before the handshake of each TLS data connection. Passive ones come from
   * the core's factory, which checks the host name already; an active-mode one was accepted from
   * Commons Net's server socket, with only the chain checked: add the host-name check.
   */
  @Override
  protected void _prepareDataSocket_(Socket socket) throws IOException {
    if (socket instanceof SSLSocket ssl
        && getDataConnectionMode() == ACTIVE_LOCAL_DATA_CONNECTION_MODE
        && isEndpointCheckingEnabled()) {
      DataSockets.verifyHostOfAccepted(ssl, target);
    }
  }

  /** Called by FTPSClient to layer TLS on the control connection; skipped in plain text. */
  @Override
  protected void sslNegotiation() throws IOException {
    if (controlEncrypted) {
      super.sslNegotiation();
    }
  }
}
