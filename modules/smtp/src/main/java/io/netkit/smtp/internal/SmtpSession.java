package io.netkit.smtp.internal;

import io.netkit.core.NetTlsRequiredException;
import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.NetTlsException;
import io.netkit.core.TlsMode;
import io.netkit.mail.internal.MailFailures;
import io.netkit.mail.internal.MailProtocol;
import io.netkit.mail.internal.MailSession;
import io.netkit.mail.internal.MailSessions;
import io.netkit.mail.internal.ServerReply;
import io.netkit.smtp.Capabilities;
import io.netkit.smtp.MailMessage;
import io.netkit.smtp.MessageTooLargeException;
import io.netkit.smtp.PreparedMessage;
import io.netkit.smtp.RecipientResult;
import io.netkit.smtp.SendResult;
import io.netkit.smtp.SmtpOptions;
import io.netkit.smtp.SmtpReply;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * One SMTP connection on an Angus {@link Engine}: greeted, upgraded and logged in by {@link
 * #open}, then any number of mail transactions, each driven here command by command so every
 * recipient gets its own reply and nothing is sent that should not be.
 *
 * <p>Failure policy: when the server refuses (the sender, DATA, the message: {@link
 * NetReplyException}; a message known to be over SIZE: {@link MessageTooLargeException}) the
 * transaction is reset and the session stays usable (a stream found over SIZE during DATA is cut
 * as below, and is also a {@link MessageTooLargeException}); any other failure (timeout, broken connection, the
 * message's own source failing to read) cuts the connection at once, without a goodbye, so a
 * half-sent message is never ended with its dot line, and the session is closed. Not
 * thread-safe.
 */
public final class SmtpSession implements AutoCloseable {
  /** Headers never written: Bcc is envelope only; Content-Length has no place in mail. */
  private static final String[] NOT_SENT = {"Bcc", "Content-Length"};

  private final MailSession mail;
  private final Engine engine;
  private final ErrorContext context;
  private final Capabilities capabilities;
  private boolean alive = true;

  private SmtpSession(MailSession mail, Engine engine, ErrorContext context) {
    this.mail = mail;
    this.engine = engine;
    this.context = context;
    this.capabilities = Capabilities.parse(ServerReply.parse(engine.ehloReply()).lines());
  }

  /**
   * Connects, reads the greeting, sends EHLO, upgrades with STARTTLS as the options' TLS mode
   * says (required: never continues in plain text, and fails before any AUTH), and logs in with
   * the endpoint's credentials, if any.
   */
  public static SmtpSession open(NetOptions options, SmtpOptions smtp, Endpoint endpoint)
      throws IOException {
    Optional<Credentials> credentials = endpoint.credentials();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("localhost", smtp.effectiveHeloName());
    settings.put("auth", Boolean.toString(credentials.isPresent()));
    settings.put("auth.mechanisms", String.join(" ", smtp.authMechanisms()));
    // Commands and headers as UTF-8: only sent when the server offers SMTPUTF8 (checked per mail).
    settings.put("mail.mime.allowutf8", "true");
    MailSession mail = MailSessions.open(MailProtocol.SMTP, options, settings);
    Endpoint target = endpoint.withDefaultPort(mail.port(endpoint));
    ErrorContext context = mail.context(target);
    Engine engine =
        new Engine(mail.session(), mail.providerName(), options.tlsMode() == TlsMode.IMPLICIT);
    try {
      engine.connect(
          target.host(),
          target.port(),
          credentials.map(Credentials::user).orElse(null),
          credentials.map(Credentials::password).orElse(null));
    } catch (MessagingException e) {
      mail.abort();
      throw connectFailure(engine, context, e);
    }
    SmtpSession session = new SmtpSession(mail, engine, context);
    if (credentials.isPresent() && session.capabilities.authMechanisms().isEmpty()) {
      // Angus would carry on unauthenticated: a login asked for and silently skipped is a failure.
      session.close();
      throw new NetAuthenticationException(
          context,
          "the server offers no AUTH, so " + credentials.get().user() + " cannot log in"
              + (options.tlsMode() == TlsMode.NONE ? " (it may offer AUTH only after STARTTLS: try --tls)" : ""),
          -1,
          null);
    }
    return session;
  }

  private static NetException connectFailure(Engine engine, ErrorContext context, MessagingException e) {
    if (engine.startTlsRefused() > 0) {
      return new NetTlsRequiredException(
          context,
          "the server refused STARTTLS: "
              + ServerReply.parse(engine.getLastServerResponse()).oneLine()
              + "; nothing was sent in clear",
          e);
    }
    NetException net = MailFailures.translate(context, e, "connecting");
    int code = engine.getLastReturnCode();
    if (net.getClass() == NetProtocolException.class && code >= 400) {
      // Angus says "bad greeting" in words; the server's reply is what matters.
      ServerReply reply = ServerReply.parse(engine.getLastServerResponse());
      return new NetReplyException(context, code, reply.text(), "connection");
    }
    return net;
  }

  /** What the server offers (its last EHLO reply). */
  public Capabilities capabilities() {
    return capabilities;
  }

  /** True while the connection is up. */
  public boolean isConnected() {
    return alive;
  }

  /** True when the connection is protected by TLS (implicit or after STARTTLS). */
  public boolean isSecure() {
    return alive && engine.isSSL();
  }

  /** The error context: protocol and host. */
  public ErrorContext context() {
    return context;
  }

  /** Builds and sends {@code message}. */
  public SendResult send(MailMessage message) throws IOException {
    requireAlive();
    MimeMessage mime;
    try {
      mime = MimeBuilder.build(mail.session(), message);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("cannot build the message: " + MailFailures.oneLine(e.getMessage()), e);
    }
    return transaction(
        message.sender(),
        message.recipients(),
        SizeEstimate.of(message),
        false,
        out -> {
          try {
            mime.writeTo(out, NOT_SENT);
          } catch (MessagingException e) {
            throw unwrap(e);
          }
        });
  }

  /** Sends a prepared message as it is (line ends normalized, dot-stuffed). */
  public SendResult sendPrepared(PreparedMessage message) throws IOException {
    requireAlive();
    if (!message.content().isReusable()) {
      throw new IllegalStateException("stream content can be sent once only");
    }
    return transaction(
        message.sender(),
        message.recipients(),
        message.content().size(),
        capabilities.eightBitMime(),
        out -> {
          try (InputStream in = ContentSource.marked(message.content(), "the message")) {
            in.transferTo(out);
          }
        });
  }

  /** NOOP. */
  public SmtpReply.Done noop() throws IOException {
    requireAlive();
    int code = command("NOOP", "NOOP");
    return new SmtpReply.Done(code, lastReply().text());
  }

  /** Writes the message into the DATA stream. */
  @FunctionalInterface
  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private SendResult transaction(
      String sender, List<String> recipients, OptionalLong size, boolean eightBit, Body body)
      throws IOException {
    boolean utf8 = !Addresses.isAscii(sender) || recipients.stream().anyMatch(r -> !Addresses.isAscii(r));
    if (utf8 && !capabilities.smtpUtf8()) {
      throw new NetException(
          context,
          "an address is not ASCII and the server does not offer SMTPUTF8; nothing was sent",
          null);
    }
    OptionalLong limit = capabilities.maxSize();
    if (size.isPresent() && limit.isPresent() && size.getAsLong() > limit.getAsLong()) {
      throw new MessageTooLargeException(context, size.getAsLong(), limit.getAsLong());
    }
    StringBuilder mailFrom = new StringBuilder("MAIL FROM:<").append(sender).append('>');
    if (capabilities.size() && size.isPresent()) {
      mailFrom.append(" SIZE=").append(size.getAsLong());
    }
    if (eightBit) {
      mailFrom.append(" BODY=8BITMIME");
    }
    if (utf8) {
      mailFrom.append(" SMTPUTF8");
    }
    String doing = "MAIL FROM:<" + sender + ">";
    int code = command(mailFrom.toString(), doing);
    if (code != 250) {
      throw refusedAndReset(code, doing);
    }
    List<RecipientResult> results = new ArrayList<>();
    for (String recipient : recipients) {
      int rc = command("RCPT TO:<" + recipient + ">", "RCPT TO:<" + recipient + ">");
      if (rc == 421) {
        throw closing(rc, "RCPT TO:<" + recipient + ">");
      }
      results.add(new RecipientResult(recipient, rc, lastReply().text()));
    }
    if (results.stream().noneMatch(RecipientResult::accepted)) {
      reset();
      return new SendResult(results, -1, "");
    }
    OutputStream data = openData();
    try {
      // A message of unknown size is counted as it goes: past the server's SIZE it is cut, not ended.
      body.writeTo(limit.isPresent() ? new SizeLimitedOutputStream(data, limit.getAsLong()) : data);
    } catch (IOException | RuntimeException e) {
      // Never end a message that was not written whole: cut the connection instead of the dot.
      cut();
      if (e instanceof SizeLimitedOutputStream.OverLimit over) {
        throw new MessageTooLargeException(context, over.written(), limit.getAsLong());
      }
      if (e instanceof ContentSource.SourceFailure source) {
        throw new IOException(
            source.getMessage() + "; the connection was cut so nothing was delivered", source.getCause());
      }
      if (e instanceof IOException io) {
        throw MailFailures.translate(context, io, "sending the message");
      }
      throw (RuntimeException) e;
    }
    try {
      engine.endData();
    } catch (SMTPSendFailedException refused) {
      if (refused.getReturnCode() <= 0) {
        throw closedInstead(refused, "the end of the message");
      }
      throw MailFailures.reply(context, refused.getReturnCode(), refused.getMessage(), "the message");
    } catch (MessagingException | IOException e) {
      cut();
      throw MailFailures.translate(context, e, "ending the message");
    }
    ServerReply reply = lastReply();
    return new SendResult(results, reply.code(), reply.text());
  }

  private OutputStream openData() throws IOException {
    try {
      return engine.openData();
    } catch (SMTPSendFailedException refused) {
      if (refused.getReturnCode() <= 0) {
        throw closedInstead(refused, "DATA");
      }
      // Angus has sent RSET already.
      throw MailFailures.reply(context, refused.getReturnCode(), refused.getMessage(), "DATA");
    } catch (MessagingException e) {
      cut();
      throw MailFailures.translate(context, e, "starting DATA");
    }
  }

  /**
   * The server closed the connection (or answered garbage) where a reply to {@code what} was
   * due: Angus reports that as a "refusal" with code -1, which it is not. The session is cut.
   */
  private NetProtocolException closedInstead(SMTPSendFailedException failure, String what) {
    cut();
    return new NetProtocolException(context, "the server closed the connection or answered garbage to "
        + what + " (" + MailFailures.oneLine(failure.getMessage()) + "); the message was not delivered", failure);
  }

  /** Sends {@code line}, returns the reply code; any failure but a reply closes the session. */
  private int command(String line, String doing) throws IOException {
    try {
      int code = engine.command(line);
      if (code < 0) {
        cut();
        throw new NetProtocolException(
            context, "the server closed the connection or answered garbage to " + doing + ": "
                + MailFailures.oneLine(engine.getLastServerResponse()));
      }
      return code;
    } catch (MessagingException e) {
      cut();
      throw MailFailures.translate(context, e, doing);
    }
  }

  private NetReplyException refusedAndReset(int code, String doing) throws IOException {
    NetReplyException refused = new NetReplyException(context, code, lastReply().text(), doing);
    if (code == 421) {
      cut();
    } else {
      reset();
    }
    return refused;
  }

  private NetReplyException closing(int code, String doing) {
    NetReplyException refused = new NetReplyException(context, code, lastReply().text(), doing);
    cut();
    return refused;
  }

  /** RSET, so the next transaction starts clean; a failure here closes the session. */
  private void reset() throws IOException {
    command("RSET", "RSET");
  }

  private ServerReply lastReply() {
    return ServerReply.parse(engine.getLastServerResponse());
  }

  private void requireAlive() {
    if (!alive) {
      throw new IllegalStateException("not connected");
    }
  }

  /** Cuts the connection without a goodbye and closes the engine. */
  private void cut() {
    alive = false;
    mail.abort();
    try {
      engine.close();
    } catch (MessagingException | RuntimeException alreadyCut) {
      // Nothing left to say goodbye on.
    }
  }

  private static IOException unwrap(MessagingException e) {
    Exception next = e.getNextException();
    return next instanceof IOException io ? io : new IOException(MailFailures.oneLine(e.getMessage()), e);
  }

  /** QUIT, then close; idempotent. */
  @Override
  public void close() {
    if (!alive) {
      return;
    }
    alive = false;
    try {
      engine.close();
    } catch (MessagingException | RuntimeException e) {
      mail.abort(); // QUIT went unanswered: make sure the socket is gone
    }
  }
}
