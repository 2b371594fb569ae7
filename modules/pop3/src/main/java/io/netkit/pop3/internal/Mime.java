package io.netkit.pop3.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.Properties;

/** Jakarta Mail's MIME parser, used only to parse what POP3 already fetched; it opens no socket. */
public final class Mime {
  /** A session for parsing only: no store or transport is ever made from it. */
  private static final Session PARSING = Session.getInstance(new Properties());

  private Mime() {}

  /** Parses a whole message. */
  public static MimeMessage message(InputStream raw, ErrorContext context) throws NetProtocolException {
    try {
      return new MimeMessage(PARSING, raw);
    } catch (MessagingException e) {
      throw new NetProtocolException(context, "cannot parse the message as MIME: " + e.getMessage(), e);
    }
  }

  /** Parses a header block (what TOP n 0 returns). */
  public static InternetHeaders headers(InputStream raw, ErrorContext context) throws NetProtocolException {
    try {
      return new InternetHeaders(raw);
    } catch (MessagingException e) {
      throw new NetProtocolException(context, "cannot parse the message headers: " + e.getMessage(), e);
    }
  }
}
