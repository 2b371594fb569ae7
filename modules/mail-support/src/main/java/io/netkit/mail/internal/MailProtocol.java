package io.netkit.mail.internal;

import io.netkit.core.Protocol;
import io.netkit.core.TlsMode;
import io.netkit.core.transport.SocketFactories;
import java.util.Objects;

/**
 * The three mail protocols as Angus names them: a plain provider ({@code smtp}, {@code pop3},
 * {@code imap}) and an implicit-TLS one ({@code smtps}, {@code pop3s}, {@code imaps}). The name
 * chosen is also the prefix of every session property ({@code mail.smtps.timeout}).
 */
public enum MailProtocol {
  /** SMTP and submission; {@code smtps} for implicit TLS. */
  SMTP(Protocol.SMTP, "smtp", "smtps", SocketFactories.Framing.REPLIES),
  /** POP3; {@code pop3s} for implicit TLS. */
  POP3(Protocol.POP3, "pop3", "pop3s", SocketFactories.Framing.LINES),
  /** IMAP4; {@code imaps} for implicit TLS. */
  IMAP(Protocol.IMAP, "imap", "imaps", SocketFactories.Framing.LINES);

  private final Protocol protocol;
  private final String plainName;
  private final String tlsName;
  private final SocketFactories.Framing framing;

  MailProtocol(Protocol protocol, String plainName, String tlsName, SocketFactories.Framing framing) {
    this.protocol = protocol;
    this.plainName = plainName;
    this.tlsName = tlsName;
    this.framing = framing;
  }

  /**
   * How the core frames this protocol's connection: SMTP's replies are reply-coded ({@link
   * SocketFactories.Framing#REPLIES}: whole replies bounded, NUL refused, unprompted bytes
   * bounded); POP3 and IMAP carry message bodies on the command connection ({@link
   * SocketFactories.Framing#LINES}: bounded lines). Both give Angus one line per read, so bytes a
   * server injects after a STARTTLS go-ahead are refused below Angus's buffers.
   */
  public SocketFactories.Framing framing() {
    return framing;
  }

  /** The core's protocol constant. */
  public Protocol protocol() {
    return protocol;
  }

  /** The label of this protocol's connections in the trace and in error messages. */
  public String label() {
    return protocol.name();
  }

  /**
   * Angus's provider name for {@code mode}: the implicit-TLS provider for {@link
   * TlsMode#IMPLICIT}, the plain one (which may upgrade with STARTTLS) otherwise.
   */
  public String providerName(TlsMode mode) {
    return Objects.requireNonNull(mode, "mode") == TlsMode.IMPLICIT ? tlsName : plainName;
  }
}
