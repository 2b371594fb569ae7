package io.netkit.ftp.internal;

import io.netkit.core.Protocol;
import io.netkit.core.line.Reply;
import io.netkit.core.probe.ProbeSession;
import io.netkit.core.spi.ProbeProvider;
import io.netkit.core.transport.TcpConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * FTP's part of {@code netkit probe}: the 220 greeting, FEAT (RFC 2389), AUTH TLS (RFC 4217) and
 * FEAT inside TLS. FTP logs in with {@code USER}/{@code PASS} only, so that is the one mechanism
 * reported. Spoken on the core's connection directly (Commons Net would log its own view of FEAT).
 * Stateless and thread-safe.
 */
public final class FtpProbeProvider implements ProbeProvider {
  @Override
  public Protocol protocol() {
    return Protocol.FTP;
  }

  @Override
  public void probe(ProbeSession session) throws IOException {
    TcpConnection c = session.connection();
    session.greeting220();
    session.mechanisms(List.of("USER"));
    List<String> features = feat(session, c);
    boolean offered = features.stream().anyMatch(FtpProbeProvider::isAuthTls);
    if (session.startTlsByReply(offered, "AUTH TLS", 234)) {
      c = session.connection();
      feat(session, c);
    }
    c.writeLine("QUIT");
    c.readReply();
  }

  /** FEAT's features: the lines between "211-Features" and "211 End", trimmed. */
  private static List<String> feat(ProbeSession session, TcpConnection c) throws IOException {
    c.writeLine("FEAT");
    Reply reply = c.readReply();
    List<String> features = new ArrayList<>();
    if (reply.code() == 211 && reply.lines().size() > 2) {
      for (String line : reply.lines().subList(1, reply.lines().size() - 1)) {
        features.add(line.trim());
      }
    }
    session.capabilities(features);
    return features;
  }

  /** "AUTH TLS", "AUTH SSL;TLS" and such (servers list AUTH's arguments several ways). */
  private static boolean isAuthTls(String feature) {
    String upper = feature.toUpperCase(Locale.ROOT);
    return upper.startsWith("AUTH") && upper.contains("TLS");
  }
}
