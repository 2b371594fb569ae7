package io.netkit.smtp.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, opened up just enough for netkit to drive the mail transaction itself
 * (MAIL FROM with SIZE/BODY/SMTPUTF8, one RCPT TO per recipient with its own reply, DATA written
 * from a stream) while Angus does what it does well: the greeting, EHLO, STARTTLS, AUTH (PLAIN,
 * LOGIN, XOAUTH2), reply reading, and the DATA stream that turns every bare CR and bare LF into
 * CRLF and dot-stuffs ({@code SMTPOutputStream} over {@code CRLFOutputStream}). Its sockets come
 * from the session, which {@link io.netkit.mail.internal.MailSessions} made: they are the core's.
 *
 * <p>Angus asserts that these calls hold the transport's lock: every method here is synchronized.
 * One engine per connection; not thread-safe beyond that lock.
 */
final class Engine extends SMTPTransport {
  private String ehloReply = "";
  private int startTlsRefused = -1;

  Engine(Session session, String providerName, boolean implicitTls) {
    super(session, new URLName(providerName, null, -1, null, null, null), providerName, implicitTls);
  }

  /** Keeps each EHLO reply: the last one (after STARTTLS) is the server's real offer. */
  @Override
  protected boolean ehlo(String domain) throws MessagingException {
    boolean ok = super.ehlo(domain);
    if (ok) {
      ehloReply = getLastServerResponse();
    }
    return ok;
  }

  /** Remembers a refused STARTTLS, which Angus reports only as a bare message. */
  @Override
  protected void startTLS() throws MessagingException {
    try {
      super.startTLS();
    } catch (MessagingException e) {
      if (getLastReturnCode() != 220 && getLastReturnCode() > 0) {
        startTlsRefused = getLastReturnCode();
      }
      throw e;
    }
  }

  /** The code with which the server refused STARTTLS, or -1. */
  synchronized int startTlsRefused() {
    return startTlsRefused;
  }

  /** The last EHLO reply as Angus keeps it. */
  synchronized String ehloReply() {
    return ehloReply;
  }

  /** Sends one command line and reads the reply; returns its code (-1 at end of stream). */
  synchronized int command(String line) throws MessagingException {
    return simpleCommand(line);
  }

  /** DATA: expects 354 (else Angus sends RSET and throws), returns the dot-stuffing stream. */
  synchronized OutputStream openData() throws MessagingException {
    return data();
  }

  /** Ends the data (a line end if missing, then the dot line) and expects 250. */
  synchronized void endData() throws IOException, MessagingException {
    finishData();
  }
}
