package io.netkit.pop3.internal;

import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.DetailedLister;
import io.netkit.core.spi.ListEntry;
import io.netkit.pop3.MessageSummary;
import io.netkit.pop3.Pop3Client;
import io.netkit.pop3.Pop3Options;
import io.netkit.pop3.Pop3Url;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * POP3 for {@link io.netkit.core.Netkit} and the {@code netkit} command: {@code pop3://} and
 * {@code pop3s://} URLs ({@link Pop3Url}). {@code fetch pop3://host/N} writes message N raw;
 * {@code list} gives one entry per message (kind {@code message}, its size, name {@code "N UID"});
 * {@link #listDetailed} adds date, sender and subject read with TOP n 0; {@code delete
 * pop3://host/N} sends DELE then QUIT, so the message is gone when it returns. Sessions end
 * without removing anything otherwise. Stateless and thread-safe.
 */
public final class Pop3ClientProvider implements ClientProvider, DetailedLister {
  @Override
  public Protocol protocol() {
    return Protocol.POP3;
  }

  @Override
  public NetClient<?, ?> newClient(NetOptions options) {
    return new Pop3Client(options);
  }

  @Override
  public io.netkit.core.Endpoint endpoint(URI url) {
    return Pop3Url.parse(url).endpoint();
  }

  @Override
  public void fetch(URI url, NetOptions options, OutputStream out, TransferListener progress)
      throws IOException {
    Pop3Url target = Pop3Url.parse(url);
    int number = target.messageNumber().orElseThrow(() -> new IllegalArgumentException(
        "name a message to fetch, e.g. " + target.messageUri(1) + " (list them with ls)"));
    try (Pop3Client pop3 = connect(target, options)) {
      pop3.retrieve(number, out, progress);
    }
  }

  @Override
  public List<ListEntry> list(URI url, NetOptions options) throws IOException {
    return list(url, options, false);
  }

  @Override
  public List<ListEntry> listDetailed(URI url, NetOptions options) throws IOException {
    return list(url, options, true);
  }

  private static List<ListEntry> list(URI url, NetOptions options, boolean details) throws IOException {
    Pop3Url target = Pop3Url.parse(url);
    try (Pop3Client pop3 = connect(target, options)) {
      List<ListEntry> entries = new ArrayList<>();
      for (MessageSummary m : pop3.messages()) {
        if (target.messageNumber().isPresent() && target.message() != m.number()) {
          continue;
        }
        String name = m.number() + " " + m.knownUid().orElse("-");
        Instant date = null;
        if (details) {
          InternetHeaders headers = pop3.headers(m.number());
          date = date(headers.getHeader("Date", null));
          name += " From: " + text(headers.getHeader("From", ",")) + " Subject: " + text(headers.getHeader("Subject", null));
        }
        entries.add(new ListEntry("message", name, m.octets(), date, target.messageUri(m.number())));
      }
      return entries;
    }
  }

  @Override
  public void delete(URI url, NetOptions options) throws IOException {
    Pop3Url target = Pop3Url.parse(url);
    int number = target.messageNumber().orElseThrow(() -> new IllegalArgumentException(
        "name the message to delete, e.g. " + target.messageUri(1)));
    try (Pop3Client pop3 = connect(target, options)) {
      pop3.delete(number);
      pop3.quit();
    }
  }

  private static Pop3Client connect(Pop3Url target, NetOptions options) throws IOException {
    NetOptions effective = target.tls()
        ? options.toBuilder().tlsMode(io.netkit.core.TlsMode.IMPLICIT).build()
        : options;
    return ClientProvider.connected(
        new Pop3Client(effective, Pop3Options.builder().login(target.login()).build()),
        target.endpoint());
  }

  private static Instant date(String value) {
    if (value == null) {
      return null;
    }
    try {
      return new MailDateFormat().parse(value.strip()).toInstant();
    } catch (ParseException | RuntimeException e) {
      return null; // an unreadable Date header shows as unknown
    }
  }

  private static String text(String value) {
    if (value == null) {
      return "-";
    }
    String unfolded = value.replaceAll("\\r?\\n[ \\t]*", " ").strip();
    try {
      return MimeUtility.decodeText(unfolded);
    } catch (UnsupportedEncodingException e) {
      return unfolded;
    }
  }
}
