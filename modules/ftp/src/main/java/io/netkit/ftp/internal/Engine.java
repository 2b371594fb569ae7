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
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * Commons Net's FTPS client, made to follow the session's {@link TlsMode}: with {@code NONE} it is
 * a plain FTP client (no AUTH is sent); {@code STARTTLS_REQUIRED} sends AUTH TLS and fails with
 * {@link NetTlsException} if it is refused, never continuing in plain text; {@code
 * STARTTLS_IF_OFFERED} continues in plain text only when the server refuses AUTH TLS; {@code
 * IMPLICIT} speaks TLS from the first byte. One engine per connection; not thread-safe.
 */
final class Engine extends FTPSClient {
  private final TlsMode tlsMode;
  private final Endpoint target;
  private final ErrorContext context;
  private boolean controlEncrypted;

  Engine(TlsMode tlsMode, SSLContext context, Endpoint target) {
    super(tlsMode == TlsMode.IMPLICIT, context);
    this.tlsMode = tlsMode;
    this.target = target;
    this.context = ErrorContext.of(Session.LABEL, target);
    this.controlEncrypted = tlsMode == TlsMode.IMPLICIT;
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
