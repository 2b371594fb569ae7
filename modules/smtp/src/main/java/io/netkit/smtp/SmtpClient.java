package io.netkit.smtp;

import io.netkit.core.Endpoint;
import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.smtp.internal.SmtpSession;
import java.io.IOException;
import java.util.Objects;

/**
 * An SMTP and submission client (port 25, submission 587 with STARTTLS, implicit TLS 465) on
 * Jakarta Mail (Eclipse Angus), every socket of which is the netkit core's: timeouts, TLS
 * verification and the trace behave as in every other netkit module.
 *
 * <pre>{@code
 * NetOptions tls = NetOptions.builder().tlsMode(TlsMode.STARTTLS_REQUIRED).build();
 * try (SmtpClient smtp = new SmtpClient(tls)) {
 *   smtp.connect(Endpoint.of("mail.example.org", 587).withCredentials(new Credentials("me", "pw")));
 *   SendResult result = smtp.send(MailMessage.builder()
 *       .from("Me <me@example.org>").to("you@example.net").subject("Hello")
 *       .text("Hi!").attach(Path.of("report.pdf")).build());
 *   if (!result.allAccepted()) { ... result.refused() ... }
 * }
 * }</pre>
 *
 * <p>{@link #connect} reads the greeting, sends EHLO, upgrades with STARTTLS as the options' TLS
 * mode says ({@code STARTTLS_REQUIRED} fails with {@link io.netkit.core.NetTlsException} before
 * any credential is sent when the server does not offer it, and never continues in clear;
 * {@code IMPLICIT} speaks TLS from the first byte, port 465 by default), and logs in when the
 * endpoint has credentials (AUTH PLAIN or LOGIN, or XOAUTH2 with {@link
 * SmtpOptions.Builder#oauth2()}, the password then being the token; a server that offers no AUTH
 * then fails the connect). The connection then serves any number of sends; {@link
 * #capabilities()} tells what the server offers.
 *
 * <p>Each send returns a {@link SendResult} naming every recipient with the server's reply and
 * the final reply (with the queue id): a refused recipient is visible there and never passes for
 * success. Before anything is sent, a message larger than the server's SIZE fails with {@link
 * MessageTooLargeException}, and a non-ASCII address without SMTPUTF8 fails too. Bad input (CR,
 * LF or NUL in an address, header or subject) was refused when the message was built.
 *
 * <p>Failures: a refusal of the sender, of DATA or of the message is a {@link
 * io.netkit.core.NetReplyException} with the reply code and text, and the client stays connected;
 * a rejected login is a {@link io.netkit.core.NetAuthenticationException}; a timeout, a broken
 * connection, or a message source that fails to read cuts the connection at once (a half-sent
 * message is never ended, so the server discards it) and closes the client. The password or
 * token never appears in the trace, a log or a message. Memory stays flat whatever the size of
 * attachments or prepared messages: they stream.
 *
 * <p>Not thread-safe: one client per thread.
 */
public final class SmtpClient implements NetClient<SmtpRequest, SmtpReply> {
  private final NetOptions options;
  private final SmtpOptions smtpOptions;
  private SmtpSession session;

  /** A client with the given options and SMTP defaults. */
  public SmtpClient(NetOptions options) {
    this(options, SmtpOptions.defaults());
  }

  /** A client with the given options. */
  public SmtpClient(NetOptions options, SmtpOptions smtpOptions) {
    this.options = Objects.requireNonNull(options, "options");
    this.smtpOptions = Objects.requireNonNull(smtpOptions, "smtpOptions");
  }

  @Override
  public Protocol protocol() {
    return Protocol.SMTP;
  }

  @Override
  public void connect(Endpoint endpoint) throws IOException {
    Objects.requireNonNull(endpoint, "endpoint");
    if (session != null && session.isConnected()) {
      throw new IllegalStateException("already connected");
    }
    session = null;
    session = SmtpSession.open(options, smtpOptions, endpoint);
  }

  @Override
  public SmtpReply request(SmtpRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    SmtpSession s = requireSession();
    if (request instanceof SmtpRequest.Send r) {
      return s.send(r.message());
    } else if (request instanceof SmtpRequest.SendPrepared r) {
      return s.sendPrepared(r.message());
    } else if (request instanceof SmtpRequest.Noop) {
      return s.noop();
    }
    throw new IllegalArgumentException("unknown request " + request); // unreachable: sealed
  }

  /** Builds and sends {@code message}. */
  public SendResult send(MailMessage message) throws IOException {
    return (SendResult) request(new SmtpRequest.Send(message));
  }

  /** Sends a prepared RFC 5322 message as it is. */
  public SendResult send(PreparedMessage message) throws IOException {
    return (SendResult) request(new SmtpRequest.SendPrepared(message));
  }

  /** NOOP: the server's reply, whatever its code. */
  public SmtpReply.Done noop() throws IOException {
    return (SmtpReply.Done) request(new SmtpRequest.Noop());
  }

  /**
   * What the server offers, from its last EHLO reply (after STARTTLS, the second one).
   *
   * @throws IllegalStateException when not connected
   */
  public Capabilities capabilities() {
    return requireSession().capabilities();
  }

  /** True when connected over TLS (implicit, or upgraded with STARTTLS). */
  public boolean isSecure() {
    return session != null && session.isSecure();
  }

  @Override
  public boolean isConnected() {
    return session != null && session.isConnected();
  }

  /** QUIT, then close. Idempotent. */
  @Override
  public void close() {
    SmtpSession s = session;
    if (s != null) {
      s.close();
    }
  }

  private SmtpSession requireSession() {
    if (session == null || !session.isConnected()) {
      throw new IllegalStateException("not connected");
    }
    return session;
  }
}
