package io.netkit.smtp.internal;

import io.netkit.core.NetProtocolException;
import io.netkit.core.Protocol;
import io.netkit.core.line.Reply;
import io.netkit.core.probe.ProbeSession;
import io.netkit.core.spi.ProbeProvider;
import io.netkit.core.transport.TcpConnection;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * SMTP's part of {@code netkit probe}, what {@code swaks} and {@code openssl s_client -starttls
 * smtp} show: the 220 greeting, the EHLO keywords, STARTTLS and the EHLO keywords inside TLS, and
 * the SASL mechanisms of the {@code AUTH} keyword. Spoken on the core's connection directly (the
 * engine hides the raw EHLO reply). Stateless and thread-safe.
 */
public final class SmtpProbeProvider implements ProbeProvider {
  @Override
  public Protocol protocol() {
    return Protocol.SMTP;
  }

  @Override
  public void probe(ProbeSession session) throws IOException {
    TcpConnection c = session.connection();
    session.greeting220();
    List<String> keywords = ehlo(session, c);
    if (session.startTlsByReply(has(keywords, "STARTTLS"), "STARTTLS", 220)) {
      c = session.connection();
      ehlo(session, c);
    }
    c.writeLine("QUIT");
    c.readReply();
  }

  /** Sends EHLO and records its keywords (the first line is the server's name, not a keyword). */
  private static List<String> ehlo(ProbeSession session, TcpConnection c) throws IOException {
    c.writeLine("EHLO " + addressLiteral(c.localAddress().getAddress()));
    Reply reply = c.readReply();
    if (reply.code() != 250) {
      throw new NetProtocolException(c.context(), "EHLO refused: " + reply.code() + " " + reply.firstLine());
    }
    List<String> keywords = reply.lines().subList(1, reply.lines().size());
    session.capabilities(keywords);
    session.mechanisms(
        keywords.stream()
            .filter(k -> k.toUpperCase(Locale.ROOT).startsWith("AUTH ") || k.toUpperCase(Locale.ROOT).startsWith("AUTH="))
            .findFirst()
            .map(k -> Arrays.asList(k.substring(5).trim().split("\\s+")))
            .orElse(List.of()));
    return keywords;
  }

  private static boolean has(List<String> keywords, String keyword) {
    return keywords.stream().anyMatch(k -> k.split("\\s+")[0].equalsIgnoreCase(keyword));
  }

  /** RFC 5321's address literal for this side, since a probe has no mail domain of its own. */
  private static String addressLiteral(InetAddress local) {
    return local instanceof Inet6Address
        ? "[IPv6:" + local.getHostAddress().replaceAll("%.*$", "") + "]"
        : "[" + local.getHostAddress() + "]";
  }
}
