package io.netkit.smtp.internal;

import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.core.spi.MailSubmitter;
import io.netkit.smtp.Attachment;
import io.netkit.smtp.Content;
import io.netkit.smtp.MailMessage;
import io.netkit.smtp.PreparedMessage;
import io.netkit.smtp.RecipientResult;
import io.netkit.smtp.SendResult;
import io.netkit.smtp.SmtpClient;
import io.netkit.smtp.SmtpOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code smtp} and {@code smtps} URL schemes ({@code smtps} = implicit TLS on 465, as curl
 * has it): {@code smtp://[user:password@]host[:port][/ehlo-name]}, the path naming the EHLO name
 * as in curl. SMTP sends, so it has no fetch or list; it submits mail ({@link MailSubmitter}).
 * Stateless and thread-safe.
 */
public final class SmtpClientProvider implements ClientProvider, MailSubmitter {
  @Override
  public Protocol protocol() {
    return Protocol.SMTP;
  }

  @Override
  public NetClient<?, ?> newClient(NetOptions options) {
    return new SmtpClient(options);
  }

  @Override
  public void fetch(URI url, NetOptions options, OutputStream out, TransferListener progress) {
    throw new UnsupportedOperationException("smtp only sends mail: use netkit send");
  }

  @Override
  public List<ListEntry> list(URI url, NetOptions options) {
    throw new UnsupportedOperationException("smtp only sends mail: use netkit send");
  }

  @Override
  public Result submit(URI url, NetOptions options, Submission s) throws IOException {
    NetOptions effective = options(url, options);
    SmtpOptions smtp = smtpOptions(url);
    // Everything is checked and built before connecting.
    List<String> recipients = new ArrayList<>();
    recipients.addAll(s.to());
    recipients.addAll(s.cc());
    recipients.addAll(s.bcc());
    SendResult sent;
    if (s.prepared()) {
      List<String> bare = recipients.stream().map(r -> Addresses.parse(r).address()).toList();
      PreparedMessage prepared =
          new PreparedMessage(Addresses.parse(s.from()).address(), bare, Content.ofStream(s.body(), s.bodySize()));
      try (SmtpClient client = new SmtpClient(effective, smtp)) {
        client.connect(endpoint(url));
        sent = client.send(prepared);
      }
    } else {
      MailMessage message = build(s);
      try (SmtpClient client = new SmtpClient(effective, smtp)) {
        client.connect(endpoint(url));
        sent = client.send(message);
      }
    }
    List<Recipient> results = new ArrayList<>();
    for (RecipientResult r : sent.recipients()) {
      results.add(new Recipient(r.address(), r.code(), r.text()));
    }
    return new Result(results, sent.code(), sent.text());
  }

  private static MailMessage build(Submission s) throws IOException {
    MailMessage.Builder b = MailMessage.builder().from(s.from());
    s.to().forEach(b::to);
    s.cc().forEach(b::cc);
    s.bcc().forEach(b::bcc);
    if (s.subject() != null) {
      b.subject(s.subject());
    }
    for (String line : s.headers()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("a header is 'Name: value': '" + line + "'");
      }
      b.header(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    b.text(new String(s.body().readAllBytes(), StandardCharsets.UTF_8));
    if (s.html() != null) {
      b.html(Files.readString(s.html(), StandardCharsets.UTF_8));
    }
    for (Path file : s.attachments()) {
      b.attach(Attachment.of(file));
    }
    return b.build();
  }

  /** The EHLO name from the URL's path, as curl reads {@code smtp://host/domain}. */
  static SmtpOptions smtpOptions(URI url) {
    String path = url.getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return SmtpOptions.defaults();
    }
    return SmtpOptions.builder().heloName(path.substring(1)).build();
  }
}
