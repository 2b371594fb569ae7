package io.netkit.nntp.internal;

import io.netkit.core.NetProtocolException;
import io.netkit.core.Protocol;
import io.netkit.core.line.Reply;
import io.netkit.core.probe.ProbeSession;
import io.netkit.core.spi.ProbeProvider;
import io.netkit.core.transport.TcpConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * NNTP's part of {@code netkit probe}: the 200/201 greeting (posting allowed or not),
 * CAPABILITIES (RFC 3977), STARTTLS (RFC 4642) and CAPABILITIES inside TLS, and the login
 * mechanisms: {@code AUTHINFO USER} and the SASL names (RFC 4643). Stateless and thread-safe.
 */
public final class NntpProbeProvider implements ProbeProvider {
  /** More capability lines than any server sends: a bound against a flooding one. */
  private static final int MAX_CAPABILITIES = 1000;

  @Override
  public Protocol protocol() {
    return Protocol.NNTP;
  }

  @Override
  public void probe(ProbeSession session) throws IOException {
    TcpConnection c = session.connection();
    Reply greeting = c.readReply();
    session.greeting(greeting.code() + " " + greeting.firstLine());
    if (greeting.code() != 200 && greeting.code() != 201) {
      throw new NetProtocolException(c.context(), "greeting refused: " + greeting.code() + " " + greeting.firstLine());
    }
    session.detail("posting", greeting.code() == 200 ? "allowed" : "not allowed");
    List<String> capabilities = capabilities(session, c);
    if (session.startTlsByReply(has(capabilities, "STARTTLS"), "STARTTLS", 382)) {
      c = session.connection();
      capabilities(session, c);
    }
    c.writeLine("QUIT");
    c.readReply();
  }

  private static List<String> capabilities(ProbeSession session, TcpConnection c)
      throws IOException {
    c.writeLine("CAPABILITIES");
    Reply reply = c.readReply();
    List<String> capabilities = new ArrayList<>();
    if (reply.code() == 101) {
      for (String line = c.readLine(); !".".equals(line); line = c.readLine()) {
        if (line == null) {
          throw new io.netkit.core.NetTruncatedException(c.context(),
              "connection closed before the end of the CAPABILITIES list (no '.' line)");
        }
        if (capabilities.size() >= MAX_CAPABILITIES) {
          throw new NetProtocolException(c.context(), "CAPABILITIES list not ended properly");
        }
        capabilities.add(line.startsWith("..") ? line.substring(1) : line);
      }
    }
    session.capabilities(capabilities);
    List<String> mechanisms = new ArrayList<>();
    for (String capability : capabilities) {
      List<String> words = Arrays.asList(capability.trim().split("\\s+"));
      String name = words.get(0).toUpperCase(Locale.ROOT);
      if (name.equals("AUTHINFO") && words.stream().anyMatch("USER"::equalsIgnoreCase)) {
        mechanisms.add("AUTHINFO USER");
      } else if (name.equals("SASL")) {
        mechanisms.addAll(words.subList(1, words.size()));
      }
    }
    session.mechanisms(mechanisms);
    return capabilities;
  }

  private static boolean has(List<String> capabilities, String name) {
    return capabilities.stream()
        .anyMatch(cap -> cap.trim().split("\\s+")[0].equalsIgnoreCase(name));
  }
}
